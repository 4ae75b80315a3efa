import type { Due } from '@app/domain';
import { MONTH_PATTERN } from '../text/german-dates';
import { ATTRIBUTE_AFTER } from './deadline-words';

/**
 * Times a request names that its deadline did not take. The deadline rules read the council's
 * usual forms; a form they do not know ("bis Ostern 2026", "spätestens drei Monate vor Ablauf des
 * Vertrags", "innerhalb von vier Monaten nach Abschluss des Umlaufverfahrens") is then read as no
 * deadline or as an event, and nothing would tell the clerk to look. This is the net under every
 * rule: where the clause still holds a time word after its deadline was read, the reading is a
 * doubt, whatever form the time had.
 */

const NUMBER_WORD =
  '(?:\\d{1,3}|eine[mnrs]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn|achtzehn|zwanzig|dreißig|sechzig|neunzig)';

/** The forms of a time, each general: a date, a month, a period, a session, a count of units. */
const TIME_WORD = new RegExp(
  [
    // 30.04.2026, 30.04., 30. 4. 26
    String.raw`(?<![\d.])\d{1,2}\.\s?\d{1,2}\.(?:\s?(?:19|20)?\d\d)?(?![\d])`,
    // 30. April, 30. April 2026
    String.raw`(?<!\d)\d{1,2}\.\s*(?:${MONTH_PATTERN})(?:\s+(?:19|20)\d\d)?`,
    // April 2026, Ende April, im Mai, bis März
    String.raw`(?:${MONTH_PATTERN})\s+(?:19|20)\d\d`,
    String.raw`(?:Ende|Anfang|Mitte|bis|im|zum|vor|nach|seit)\s+(?:${MONTH_PATTERN})(?:\s+(?:19|20)\d\d)?(?![\p{L}])`,
    // quarters, half-years, the year's turns, calendar weeks ("Q3 2026", "Q2/26")
    String.raw`(?<![\p{L}\d])Q[1-4](?:\s?\/?\s?(?:20)?\d\d)?(?![\p{L}\d])`,
    String.raw`(?:Quartal|Quartals|Halbjahr|Halbjahres|Jahresende|Jahresmitte|Jahresbeginn|Jahreswechsel|Jahresschluss)`,
    String.raw`(?:(?:Ende|Anfang|Mitte|bis)\s+)?(?:KW|Kalenderwoche)\s?\d{1,2}(?:\s?\/\s?(?:20)?\d\d)?(?!\d)`,
    // feasts, holidays and seasons of a year
    String.raw`(?:Ostern|Pfingsten|Weihnachten|Sommerpause|Sommerferien|Osterferien|Herbstferien|Winterferien|Schuljahresbeginn|Schuljahresende|Frühjahr|Frühling|Sommer|Herbst|Winter)(?:s)?\s+(?:(?:19|20)\d\d|d(?:es|iesen|ieses)\s+Jahres)`,
    String.raw`(?:vor|nach|bis|zu|zum|in|im)\s+(?:den\s+)?(?:Ostern|Pfingsten|Weihnachten|Sommerpause|Sommerferien|Osterferien|Herbstferien)`,
    // a session named by its number, as the next one, or by its date or month
    String.raw`\d{1,3}\.\s*\p{L}*[Ss]itzung`,
    String.raw`(?:nächsten|kommenden|übernächsten|folgenden|ersten|zweiten|letzten)\s+(?:\p{L}+\s+)?\p{L}*[Ss]itzung`,
    String.raw`(?:Frühjahrs|Sommer|Herbst|Winter|Jahres|Dezember|Februar|März|Juni|Juli|September|November)sitzung`,
    // a count of days, weeks, months or years
    String.raw`${NUMBER_WORD}\s+(?:Werk|Arbeits|Kalender)?(?:Tag|Tage|Tagen|Woche|Wochen|Monat|Monate|Monaten|Jahr|Jahre|Jahren)(?![\p{L}])`,
    // prepositions that only ever bring a time
    String.raw`(?:binnen|spätestens|frühestens|innerhalb\s+(?:von|der|des|eines|einer))(?![\p{L}])`,
    String.raw`bis\s+(?:zum|zur|Ende|Mitte|Anfang|Beginn|spätestens)(?![\p{L}])`,
    // a year as a time ("im Jahr 2026", "bis 2027", "Ende 2026")
    String.raw`(?:im|bis|Ende|Anfang|Mitte|Beginn|zum|vor|nach|seit)\s+(?:(?:dem\s+)?Jahr(?:e)?\s+)?(?:19|20)\d\d(?![\d/])`,
  ].join('|'),
  'iu',
);

/** The same, to walk a text from one time word to the next (compiled once: it is long). */
const TIME_WORDS = new RegExp(TIME_WORD.source, 'giu');

/**
 * Times that say what the task is about, not by when (the object's own dates): "die seit dem
 * 01.03.2025 geltenden Öffnungszeiten", "der Beschluss vom 12.03.2025", "Förderzeitraum 2026 bis
 * 2028", "der Konferenz am 2. Juni 2022" (a day something happened; a session's day stays a time). A time word right after such a lead is left to the deadline rules.
 */
const OBJECT_LEAD = new RegExp(
  String.raw`(?:(?<!(?:itzung|ermin|agung|erenz)\s)am|seit|vom|v\.|von|zwischen|für(?:\s+die)?(?:\s+(?:nächsten|kommenden|folgenden|ersten|letzten))?|gültig|geltend\p{L}*|gilt|Stand|Stichtag\p{L}*|Zeitraum|zeitraum|Haushaltsjahr\p{L}*|Schuljahr\p{L}*|Jahrgang|Beschluss\p{L}*|Entscheidung|Schreiben|Fassung|Gesetz\p{L}*|Verordnung|Einladung|einzuladen|lädt)\s+(?:de[mnrs]\s+|die\s+|das\s+)?$`,
  'u',
);

/** Hedges say there is no firm time: understood, no doubt ("zeitnah", "schnellstmöglich"). */
const HEDGE_ONLY = /^(?:zeitnah|schnellstmöglich|baldmöglichst|umgehend|unverzüglich)$/i;

/**
 * The time word of `clause` outside the phrase its deadline was read from (`dueText`), where the
 * reading is one that would hide a misread time: no deadline, or an event. A year before the
 * decision's (`decidedOn`, where known) names something past.
 */
export function leftOverTime(
  clause: string,
  due: Due,
  dueText: string,
  decidedOn?: string,
): string | undefined {
  if (due.kind !== 'none' && due.kind !== 'event') return undefined;
  const at = dueText ? clause.indexOf(dueText) : -1;
  const rest =
    at >= 0
      ? `${clause.slice(0, at)}${' '.repeat(dueText.length)}${clause.slice(at + dueText.length)}`
      : clause;
  return timeWordIn(rest, decidedOn);
}

/**
 * The first time word of a text that may be a time to act by ("27.02.", "Ende KW 16", "Q3 2026"):
 * not the object's own time, not a hedge, not a year before the decision's.
 */
export function timeWordIn(text: string, decidedOn?: string): string | undefined {
  const pattern = TIME_WORDS;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (OBJECT_LEAD.test(before) || ATTRIBUTE_AFTER.test(after) || HEDGE_ONLY.test(m[0].trim()))
      continue;
    // "der Konferenz am 2. Juni 2022" in a decision of 2023: a day gone by is no time to act by.
    const year = /(?:19|20)\d\d/.exec(m[0] + after.slice(0, 6))?.[0];
    if (year && decidedOn && year < decidedOn.slice(0, 4)) continue;
    return m[0].trim();
  }
  return undefined;
}
