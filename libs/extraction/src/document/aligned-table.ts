import { OWNER, TASK } from './task-table';

/**
 * Task tables that a PDF or a mail gives as columns of blanks, not bars or tabs:
 *
 *     Nr.   Was                                  Wer      Bis
 *     2.1   Übersicht zu den XBau-Versionen      KE       27.02.
 *
 * A head row names a task and an owner column among at least three heads set apart by two or more
 * blanks; each line below it, up to a blank line, is cut where the heads start and written as a
 * row with bars, so the task tables' reading takes it from there. A line that only carries on a
 * cell ("      kommunalen Spitzenverbänden") becomes a row without an owner, which no task is
 * read from. Lines keep their number: the text's lines map one to one.
 */
const GAP = /\s{2,}/;

export function alignedTables(text: string): string {
  if (!/\S {2,}\S/.test(text)) return text;
  const lines = text.split('\n');
  let starts: number[] | undefined;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '' || line.includes('|') || line.includes('\t')) {
      starts = undefined;
      continue;
    }
    const parts = partsOf(line);
    if (!starts) {
      if (parts.length >= 3 && isHead(parts.map((p) => p.text))) {
        starts = parts.map((p) => p.at);
        lines[i] = barred(parts.map((p) => p.text));
      }
      continue;
    }
    const cells: string[] = starts.map(() => '');
    for (const part of parts) {
      // The column whose head starts at or before the part (two blanks of slack).
      let column = 0;
      starts.forEach((start, c) => {
        if (start <= part.at + 2) column = c;
      });
      cells[column] = cells[column] ? `${cells[column]} ${part.text}` : part.text;
    }
    lines[i] = barred(cells);
  }
  return lines.join('\n');
}

function isHead(heads: string[]): boolean {
  return heads.some((h) => TASK.test(h)) && heads.some((h) => OWNER.test(h));
}

function partsOf(line: string): Array<{ text: string; at: number }> {
  const parts: Array<{ text: string; at: number }> = [];
  const pattern = /\S+(?: \S+)*/g;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    // Words apart by a single blank are one cell; two or more blanks part cells.
    parts.push({ text: m[0], at: m.index });
  }
  return parts.filter((p) => !GAP.test(p.text));
}

/** "| 2.1 | Übersicht … | KE | 27.02. |"; an empty cell keeps its place. */
function barred(cells: string[]): string {
  return `| ${cells.map((c) => c.trim() || '–').join(' | ')} |`;
}
