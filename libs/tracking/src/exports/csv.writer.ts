/**
 * CSV that German Excel opens as it is: UTF-8 with a byte order mark, `;` between fields, CRLF
 * line ends, fields quoted when they need it.
 */
export function toCsv(
  headers: string[],
  rows: Array<Array<string | number | boolean | null | undefined>>,
): string {
  const field = (value: string | number | boolean | null | undefined): string => {
    const raw = value === null || value === undefined ? '' : String(value);
    // Excel runs a cell starting with = + - @ as a formula even when quoted; a leading ' stops it.
    const text = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${[headers, ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
