/**
 * CSV that German Excel opens as it is: UTF-8 with a byte order mark, `;` between fields, CRLF
 * line ends, fields quoted when they hold a separator, quote or line break (quotes doubled).
 * Text starting like a formula gets a leading apostrophe, because Excel evaluates a quoted
 * `=…` just the same and obligation texts come from outside.
 */
export function toCsv(headers: string[], rows: Array<Array<string | number | null>>): string {
  const field = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${[headers, ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
