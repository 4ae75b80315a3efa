/**
 * CSV that German Excel opens as it is: UTF-8 with a byte order mark, `;` between fields, CRLF
 * line ends, fields quoted when they hold a separator, quote or line break (quotes doubled).
 * Text starting like a formula gets a leading apostrophe, because Excel evaluates a quoted
 * `=…` just the same and obligation texts come from outside.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function toCsv(headers: string[], rows: CsvValue[][]): string {
  const field = (cell: CsvValue): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell !== 'string') return String(cell);
    const value = cell;
    // A tab or carriage return in front hides the formula from a check of the first character
    // only; Excel skips them and runs what follows.
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${[headers, ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
