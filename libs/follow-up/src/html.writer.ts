// The one place where text becomes HTML: every value passes through escapeHtml here, so the
// composers never build markup from data by hand.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

export interface HtmlLink {
  href: string;
  text: string;
}

export type HtmlCell = string | number | HtmlLink;

export function htmlLink(link: HtmlLink): string {
  return `<a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>`;
}

function htmlCell(cell: HtmlCell): string {
  return typeof cell === 'object' ? htmlLink(cell) : escapeHtml(cell);
}

export function htmlTable(caption: string, headers: string[], rows: HtmlCell[][]): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${htmlCell(c)}</td>`).join('')}</tr>`);
  return [
    '<table>',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** An inline bar chart: readable without colour (numbers as text) and by screen readers (title). */
export function htmlBarChart(title: string, bars: Array<{ label: string; value: number }>): string {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, index) => {
    const y = 10 + index * 30;
    const width = Math.round((bar.value / max) * 200);
    return [
      `<text x="0" y="${y + 14}">${escapeHtml(bar.label)}</text>`,
      `<rect x="150" y="${y}" width="${width}" height="20" fill="#2f5d8a"></rect>`,
      `<text x="${156 + width}" y="${y + 14}">${escapeHtml(bar.value)}</text>`,
    ].join('');
  });
  const height = 10 + bars.length * 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="420" height="${height}" viewBox="0 0 420 ${height}" font-family="sans-serif" font-size="13">`,
    `<title id="chart-title">${escapeHtml(title)}</title>`,
    ...rows,
    '</svg>',
  ].join('\n');
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;color:#1a1a1a;margin:2rem;line-height:1.4}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}',
  'caption{text-align:left;font-weight:bold;padding:.25rem 0}',
  'th,td{border:1px solid #888;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#eee}',
  '@media print{body{margin:0}a{color:inherit}a[href]::after{content:" (" attr(href) ")"}',
  'tr,li{break-inside:avoid}h2,h3{break-after:avoid}}',
].join('\n');

/** A complete, printable German HTML5 document around `body` (which must already be HTML). */
export function htmlDocument(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="de">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
