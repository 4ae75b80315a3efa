import type { SourceLine } from '../text/source-text';
import type { PointText } from './decision-points';
import { OWNER, TASK, TERM, taskRow, type Columns } from './task-table';

/**
 * Tasks that minutes give on lines of their own rather than in a table: "ToDo: wer – was – bis
 * wann", bullets under a heading that names the order ("Vereinbarte Aufgaben (Aufgabe –
 * Verantwortlich – Termin):"), and a bullet with the owner and term on an arrow line below it
 * ("→ Verantwortlich: Frau Gerlach (Bund/KBA) / Termin: 31.03.2026"). A row's last part may run on
 * to the next line.
 */

/** "ToDo: HH – Stellungnahme einholen – bis zur nächsten Sitzung": who, what, by when. */
const TODO = /^(?:To-?Do|Aufgabe|Arbeitsauftrag|Auftrag)\s*:\s*(\S.*)$/iu;
const TODO_COLUMNS: Columns = { owner: 0, task: 1, term: 2 };
/** "(Aufgabe – Verantwortlich – Termin):": the order of the parts of the bullets below. */
const ORDER =
  /\(?\s*([\p{L}.]+(?:\s+wann)?)\s+[–-]\s+([\p{L}.]+(?:\s+wann)?)\s+[–-]\s+([\p{L}.]+(?:\s+wann)?)\s*\)?\s*:?\s*$/u;
export const BULLET = /^[•·▪*–-]\s+/;
/** "→ Verantwortlich: Herr Dombrowski (MV) / Termin: bis KW 8". */
const ARROW =
  /^(?:[→>]|->)\s*(?:Verantwortlich|Zuständig|Wer)\s*:\s*(.+?)\s*(?:[/|;]\s*(?:Termin|Frist|Bis\s+wann)\s*:\s*(.+))?$/iu;
/** "→ FITKO: Zielbild veröffentlichen, bis 19.12.2025", "→ Bund (BMJV): Stellungnahme, Termin offen". */
const OWNER_ARROW =
  /^(?:[→>]|->)\s*([^:→]{2,60}?)\s*:\s*(.{3,200}?)(?:,\s*|\s+)((?:bis|Termin|spätestens)\b.{1,60})$/iu;
const WHO = /^Wer\s*:\s*\S/i;
/**
 * "- [ ] M-V: Testkonzept erstellen – bis 13.03.", "→ Eigenbetrieb Kreis-IT: Schulungen … durchführen":
 * a list entry (an open checkbox may follow its mark) naming who, then what to do as an
 * infinitive, then perhaps by when after a dash. A checked box ("[x]") is done: no task.
 */
const OWNER_COLON =
  /^(?:[•·▪*–→►-]|->)\s*(?:\[\s?\]\s*)?(alle|\p{Lu}[^:]{0,40}?)\s*:\s*(\S.*?\p{Ll}(?:en|ern|eln))(?:\s+[–—-]\s+(\S.{0,60}))?\s*\.?$/u;
/** Labels that stand before a colon without naming anyone ("Ergebnis: …", "Hinweis: …"). */
const NO_OWNER_LABEL =
  /^(?:Ergebnis|Festlegung|Beschluss|Hinweis|Anmerkung|Thema|Stand|Ziel|Frage|Status|Termin|Frist|Datum|Ort|TOP|Aufgabe|Auftrag|Wer|Was|Verantwortlich|Zuständig|Nächste\s+Schritte)\b/iu;

/** "Wer: …", "Was: …", "Bis wann: …" on three lines (in any order): owner, task, term. */
function whoWhatWhen(block: SourceLine[]): string[] | undefined {
  const value = (label: RegExp) =>
    block.map((l) => label.exec(l.text)?.[1]?.trim()).find((v) => v !== undefined);
  const who = value(/^Wer\s*:\s*(.+)$/i);
  const what = value(/^Was\s*:\s*(.+)$/i);
  const when = value(/^(?:Bis\s+wann|Wann|Termin|Frist)\s*:\s*(.+)$/i);
  return who && what && when ? [who, what, when] : undefined;
}

/** Parts are parted by a dash between blanks ("E-Akte" is one word). */
const PART = /\s+[–—-]\s+|\s+[–—-]$/;

/** The order a heading gives the parts of the task bullets below it. */
export function listOrder(text: string): Columns | undefined {
  const heads = ORDER.exec(text)?.slice(1, 4);
  if (!heads) return undefined;
  const find = (pattern: RegExp) => heads.findIndex((head) => pattern.test(head.trim()));
  const [task, owner, term] = [find(TASK), find(OWNER), find(TERM)];
  return task >= 0 && owner >= 0 && term >= 0 ? { task, owner, term } : undefined;
}

/** A task on the lines from `at`, with the number of lines it takes; undefined where none starts. */
export function taskLines(
  lines: SourceLine[],
  at: number,
  order: Columns | undefined,
): { task: PointText; used: number } | undefined {
  const line = lines[at];
  if (line.cells) return undefined;
  const arrow = BULLET.test(line.text) && lines[at + 1] ? ARROW.exec(lines[at + 1].text) : null;
  if (arrow) {
    const cells = [line.text.replace(BULLET, ''), arrow[1], arrow[2] ?? ''];
    const task = taskRow(
      { ...line, cells, text: cells.join(' | ') },
      { task: 0, owner: 1, term: 2 },
    );
    return task ? { task, used: 2 } : undefined;
  }
  // "→ NW, BE: Aufwandsschätzung für beide Varianten, bis KW 3/2026": who, what, by when.
  const pointed = OWNER_ARROW.exec(line.text);
  if (pointed) {
    const cells = [pointed[1], pointed[2], pointed[3].replace(/^Termin\s+/i, '')];
    const task = taskRow({ ...line, cells, text: cells.join(' | ') }, TODO_COLUMNS);
    return task ? { task, used: 1 } : undefined;
  }
  // "- [ ] SN + TH: Abnahmekriterien definieren – bis Ende KW 13": who, what to do, by when.
  const entry = OWNER_COLON.exec(line.text);
  if (entry && !NO_OWNER_LABEL.test(entry[1]) && entry[1].split(/\s+/).length <= 5) {
    // A full stop ends the line, not a date ("bis 13.03." keeps its own).
    const cells = [
      entry[1],
      entry[2].replace(/\.$/, ''),
      (entry[3] ?? '').replace(/(?<=\p{L})[.;]$/u, ''),
    ];
    const task = taskRow({ ...line, cells, text: cells.join(' | ') }, TODO_COLUMNS);
    return task ? { task, used: 1 } : undefined;
  }
  // "Wer: Fr. Baumann (SH)⏎Was: Prüfschritte überarbeiten⏎Bis wann: 18.03.2026".
  const block = WHO.exec(line.text) ? whoWhatWhen(lines.slice(at, at + 3)) : undefined;
  if (block) {
    const task = taskRow({ ...line, cells: block, text: block.join(' | ') }, TODO_COLUMNS);
    return task ? { task, used: 3 } : undefined;
  }
  const todo = TODO.exec(line.text);
  const listed = !todo && order && BULLET.test(line.text);
  if (!todo && !listed) return undefined;
  let text = todo ? todo[1] : line.text.replace(BULLET, '');
  let used = 1;
  // "… – zwei Wochen nach⏎Versand des Entwurfs", "… – Frau Achterberg (HB) –⏎11.03.2026".
  for (let next = lines[at + used]; next && runsOn(text, next); next = lines[at + ++used])
    text = `${text} ${next.text}`;
  const cells = text.split(PART).map((part) => part.trim());
  if (cells.length !== 3 || cells.some((cell) => cell === '')) return undefined;
  const columns = todo ? TODO_COLUMNS : (order as Columns);
  const task = taskRow({ ...line, cells, text: cells.join(' | ') }, columns);
  return task ? { task, used } : undefined;
}

/** Whether the next line carries on a row: no new bullet, item or label, and the row unfinished. */
function runsOn(text: string, next: SourceLine): boolean {
  if (next.cells || next.text === '' || BULLET.test(next.text) || ARROW.test(next.text))
    return false;
  if (/^(?:TOP\b|\d{1,2}\.\s|To-?Do\s*:)/i.test(next.text) || next.text.length > 60) return false;
  return text.split(PART).length < 3 || /[–-]$|\s\p{Ll}+$/u.test(text);
}
