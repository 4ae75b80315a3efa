import type { SourceLine } from '../text/source-text';
import type { PointText } from './decision-points';

/**
 * Task tables (`| Nr. | Aufgabe | Verantwortlich | Termin |`): in working groups' minutes, and in
 * decisions that adopt a plan of measures with who does what by when. Each row is a task.
 */

/** The heads of a task table's columns (also read on loose lines by the shape check). */
export const TASK =
  /^(?:Aufgaben?|Maßnahmen?|Arbeitsauftrag|Arbeitspaket|Was|Thema|Gegenstand|Tätigkeit|To-?\s?Do|Zusagen?)$/i;
export const OWNER =
  /^(?:Verantwortlich(?:e|keit)?|Verantw\.|Zuständig(?:keit)?|Zust\.|Wer|Federführung)$/i;
export const TERM =
  /^(?:(?:alter|bisheriger|neuer)\s+)?(?:Termin|Frist|Bis(?:\s+wann)?|Wann|Erledigung\s+bis|Fällig(?:keit)?|Zeitraum|Zeitpunkt|Umsetzung\s+bis)(?:\s+(?:alt|neu|bisher))?$/i;
const NUMBER = /^(?:Nr\.?|#|lfd\.?(?:\s*Nr\.?)?|ID)$/i;
const STATUS = /^(?:Status|Stand|Sachstand|Erledigt)(?:\s*\/.*)?$/i;
const MOVED =
  /(?:verschoben\s+auf|neuer\s+Termin:?|verlängert\s+bis|neu,?\s+(?:bis|zur|zum)|Termin\s+bleibt(?=\s+\d))\s+(\S.{1,40})$/i;
/** A row whose status says the task is done, dropped or closed: carried over, nobody owes it. */
const DONE = /^(?:erledigt|abgeschlossen|entfällt|entfallen|erl\.|ja)\b/i;

export interface Columns {
  number?: number;
  task: number;
  owner: number;
  term?: number;
  status?: number;
}

/** The columns of a task table, if the row is its header. */
export function taskColumns(cells: string[]): Columns | undefined {
  const find = (pattern: RegExp) => {
    const at = cells.findIndex((c) => pattern.test(c.trim()));
    return at >= 0 ? at : undefined;
  };
  const task = find(TASK);
  const owner = find(OWNER);
  if (task === undefined || owner === undefined) return undefined;
  return { task, owner, number: find(NUMBER), term: find(TERM), status: find(STATUS) };
}

/** A row of the table as a point of its own (number 0 where the row gives none). */
export function taskRow(line: SourceLine, columns: Columns): PointText | undefined {
  const cell = (at: number | undefined) => (at === undefined ? '' : (line.cells?.[at] ?? ''));
  const number = Number(cell(columns.number).replace(/\.$/, ''));
  const action = cell(columns.task);
  const owners = cell(columns.owner);
  // "erledigt" in the status column, or in the term column where there is none.
  // "HB | – | –": a row with no task in it.
  if (
    !action ||
    /^[–—-]$/.test(action.trim()) ||
    !owners ||
    /^[–—-]$/.test(owners.trim()) ||
    DONE.test(cell(columns.status ?? columns.term))
  )
    return undefined;
  // "verschoben auf 30.04.2026", "neuer Termin: 30.04.2026", "neu, zur 50. Sitzung" in the status
  // (or in the term itself): the term now.
  const moved = MOVED.exec(cell(columns.status)) ?? MOVED.exec(cell(columns.term));
  return {
    number: Number.isInteger(number) && number > 0 ? number : 0,
    text: `${owners}: ${action}`,
    line: line.no,
    lineMap: [],
    task: { owners, action, term: moved ? moved[1] : cell(columns.term), row: line.text },
  };
}

/** The task rows of every task table among the lines, and the lines the tables take. */
export function tableTasks(lines: SourceLine[]): { tasks: PointText[]; rows: Set<number> } {
  const tasks: PointText[] = [];
  const rows = new Set<number>();
  let columns: Columns | undefined;
  for (const line of lines) {
    if (!line.cells) {
      if (line.text !== '') columns = undefined;
      continue;
    }
    const found = taskColumns(line.cells);
    if (found) columns = found;
    if (!columns) continue;
    rows.add(line.no);
    const task = found ? undefined : taskRow(line, columns);
    if (task) tasks.push(task);
  }
  return { tasks, rows };
}

/** A decision's points, then the rows of its task tables, numbered after them. */
export function withTasks(points: PointText[], tasks: PointText[]): PointText[] {
  return [...points, ...tasks.map((t, i) => ({ ...t, number: points.length + i + 1 }))];
}
