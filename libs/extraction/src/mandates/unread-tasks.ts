import type { ExtractedMandate, PossibleMiss } from '../extraction.types';
import type { ParsedResolution } from '../document/parsed-document';
import { tidy } from '../document/decision-points';
import type { OwnerMatcher } from './owner-matcher';
import { timeWordIn } from './time-residue';
import { findGermanDate } from '../text/german-dates';

/**
 * Minutes keep their tasks in layouts without end: tables with initials, to-do lists with
 * checkboxes, work packages with their dates in a separate schedule, arrows under an agenda item.
 * Where the reader knows none of them, it reads nothing, and nothing would tell the clerk. This is
 * the net under all of them: a line that names someone who could owe a task, or stands in a block
 * headed as tasks, and names a time, yet gave no mandate, is a possible miss.
 */

/** Headings of task blocks: "Aufgaben:", "To-dos", "Offene Punkte", "Vereinbarte Arbeitspakete". */
const TASK_HEADING =
  /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:Aufgaben|Aufgabenliste|To-?\s?dos?|Offene\s+Punkte|(?:Vereinbarte\s+)?Arbeitspakete|Zu\s+erledigen|Maßnahmen|Festlegungen|Vereinbarungen|Verabredungen|Aufträge|Nächste\s+Schritte|Zeitplan|Termine\s+und\s+Zuständigkeiten|Wer\s+macht\s+was)\b/iu;
/** How far a task block reaches below its heading without a blank line pair or a new item. */
const BLOCK_LINES = 20;
/** A new agenda item ends a task block: "TOP 3", "3. Finanzierung", "## 4 Rollout". */
const ITEM_HEADING = /^\s*(?:#+\s*)?(?:TOP\s*\d|\d{1,2}\.?\s+\p{Lu}\p{Ll})/u;

/**
 * A line laid out as an entry, not as prose: a bullet, a checkbox, an arrow, a number, an ID or a
 * task's label first ("- [ ] M-V: …", "→ FB 10 meldet …", "2.1   Übersicht …", "AP 3 …", "SK-25 |
 * …", "ToDo: HH – …", "Festlegung: …"), or cells apart by tabs, bars or runs of spaces.
 */
const ENTRY =
  /^\s*(?:(?:Festlegung|Aufgabe|To-?\s?Do|Auftrag|Arbeitsauftrag|Vereinbarung|Verabredung|Merkposten)\s*:|[-*•·→►>–]|\[[ xX]?\]|\d{1,3}(?:\.\d{1,2})*[.)]?\s+(?!(?:Der|Die|Das|Er|Sie|Es|Auch|Im|In|Mit|Zur|Zum|Bund\s+und)\s)|AP\s*\d|\p{Lu}{1,5}-\d|\|)|\t|\S {3,}\S|\s\|\s/u;
/** Words that ask (read by the grammar, or listed by its own net) or only state, intend, allow. */
const ASKS_OR_STATES =
  /(?<![\p{L}-])(?:bitte[nt]?|gebeten|beauftrag\p{L}*|ersuch\p{L}*|aufgefordert|streb(?:t|en)\s[^.]*\ban|beabsichtig\p{L}*|empfieh?l\p{L}*|berechtigt|stell(?:t|en)\s[^.]*\bfest|leg(?:t|en)\s[^.]*\bfest|befass\p{L}*|Kenntnis|abgegeben|finanzier\p{L}*|Protokollnotiz|Wirkung)(?![\p{L}-])/iu;

/** "48. Sitzung des IT-Planungsrats", "14. Sitzung der AG": a session named as a heading is no time. */
const SESSION_HEADING = /^\d{1,3}\.\s*\p{L}*[Ss]itzung$/u;
const TO_SESSION = /(?:zur|zu|in\s+der|vor\s+der|nach\s+der|für\s+die|ab\s+der|bis\s+zur)\s+$/iu;
/** "→ Verantwortlich: … / Termin: …" under a task read from the line above: that task's cells. */
const CELL_LABEL = /^\s*(?:[-*•·→►>–]\s*)?(?:Verantwortlich|Zuständig|Termin|Frist|Wer|Bis)\s*:/iu;

/** Every time word holds a digit or one of these words: a line without any holds no time. */
const TIME_HINT =
  /\d|Quartal|Halbjahr|Jahres|Ostern|Pfingsten|Weihnacht|Sommer|Herbst|Winter|Frühjahr|Frühling|[Ss]itzung|binnen|innerhalb|spätestens|frühestens|Ende|Anfang|Mitte|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jänner/u;

/** Lines that name people or dates without asking anything of them. */
const NOT_A_TASK =
  /^\s*(?:Anwesend|Teilnehm\p{L}*|Mitglieder|Vorsitz|Gäste|Entschuldigt|Verteiler|Ort|Datum|Beginn|Ende|Protokoll(?:führung)?|Sitzungsleitung|Stand)\b|(?<![\p{L}-])(?:[Nn]ächste[nr]?|[Kk]ommende[nr]?)\s+(?:\p{L}+\s+)?(?:Sitzung|Termin|Treffen|Videokonferenz|Telefonkonferenz|Jour\s+fixe|Besprechung|Sitzungstermin)\b[^.]*?(?::|findet|ist\s+am|am\s+\d)|Seite\s+\d+\s+(?:von|\/)\s+\d+|\b(?:erledigt|entfällt|entfallen|abgeschlossen)\b|\[x\]|(?<![\p{L}-])(?:berichte[nt]|teil(?:t|en)\s+mit|informier(?:t|en)|erläuter(?:t|n)|weis(?:t|en)\s+darauf\s+hin|kündig(?:t|en)\b[^.]*\ban|begrüß(?:t|en)|dank(?:t|en))(?![\p{L}-])/iu;

/**
 * The possible misses of lines that look like tasks but gave no mandate: an owner or a task
 * block, and a time, on a line no mandate was read from. `lines` are the text's lines as given.
 */
export function unreadTaskLines(
  lines: readonly string[],
  resolutions: readonly ParsedResolution[],
  mandates: readonly ExtractedMandate[],
  matcher: OwnerMatcher,
  council: string,
  decidedOn?: string,
): PossibleMiss[] {
  if (resolutions.length === 0) return [];
  const readLines = new Set(mandates.map((m) => m.line));
  const sources = mandates.map((m) => m.source.replace(/\s+/g, ' '));
  const misses: PossibleMiss[] = [];
  let blockLeft = 0;
  let blank = 0;
  let lastText = 0;
  lines.forEach((text, i) => {
    const line = i + 1;
    // The text's head names its own session and day.
    if (line <= 3) return;
    if (text.trim() === '') {
      if (++blank >= 2) blockLeft = 0;
      return;
    }
    blank = 0;
    const above = lastText;
    lastText = line;
    if (TASK_HEADING.test(text)) {
      blockLeft = BLOCK_LINES;
      return;
    }
    if (blockLeft > 0 && ITEM_HEADING.test(text) && !/\d{1,2}\.\d{1,2}\./.test(text)) blockLeft = 0;
    const inBlock = blockLeft-- > 0;
    // Cheapest first: this runs over every line of a text.
    if (readLines.has(line) || !TIME_HINT.test(text) || !ENTRY.test(text)) return;
    const time = timeWordIn(text, decidedOn);
    if (!time || findGermanDate(time) === decidedOn || NOT_A_TASK.test(text)) return;
    if (ASKS_OR_STATES.test(text) || (readLines.has(above) && CELL_LABEL.test(text))) return;
    if (SESSION_HEADING.test(time) && !TO_SESSION.test(text.slice(0, text.indexOf(time)))) return;
    const flat = tidy(text).replace(/\s+/g, ' ');
    if (flat.length < 12 || sources.some((s) => s.includes(flat))) return;
    const named = matcher
      .findAll(text)
      .some((m) => !m.owners.every((o) => o === council || o === 'IT-Planungsrat'));
    if (!inBlock && !named) return;
    const [resolution, point] = placeOf(line, resolutions);
    misses.push({ resolution, point, line, word: time, sentence: flat });
  });
  return misses;
}

/** The decision and point a line of the text falls in (the first, where it stands before all). */
function placeOf(line: number, resolutions: readonly ParsedResolution[]): [string, number] {
  const resolution = [...resolutions].reverse().find((r) => r.line <= line) ?? resolutions[0];
  const point =
    [...resolution.points].reverse().find((p) => p.line <= line) ?? resolution.points[0];
  return [resolution.id, point?.number ?? 1];
}
