// Markdown ends up rendered to HTML (issue trackers, wikis), so characters that would start markup
// or break a table are backslash-escaped, and line breaks inside a cell become spaces.

export function escapeMarkdown(text: string | number): string {
  return String(text)
    .replace(/[\\`*_[\]<>|&~]/g, '\\$&')
    .replace(/\s*\r?\n\s*/g, ' ');
}

export type MarkdownCell = string | number | { href: string; text: string };

function markdownCell(cell: MarkdownCell): string {
  return typeof cell === 'object'
    ? `[${escapeMarkdown(cell.text)}](<${cell.href.replace(/[<>\s]/g, encodeURIComponent)}>)`
    : escapeMarkdown(cell);
}

export function markdownTable(headers: string[], rows: MarkdownCell[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers.map(escapeMarkdown)),
    line(headers.map(() => '---')),
    ...rows.map((row) => line(row.map(markdownCell))),
  ].join('\n');
}
