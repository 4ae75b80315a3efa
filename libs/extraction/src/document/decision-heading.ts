import { findGermanDate } from '../text/german-dates';
import type { SourceLine } from '../text/source-text';

/** What a page says of its decision as a whole: its outcome, its agenda item and date. */

/**
 * A result that asks nobody: the motion was rejected, referred or postponed. Said by a verdict
 * line ("Beschluss: abgelehnt", "- einstimmig vertagt -") or of the item itself ("Die
 * Beschlussfassung wird vertagt"), not of some part of it ("Die Anwendung ... wird abgelehnt").
 */
export const NOT_DECIDED =
  /^(?:(?:Beschluss|Abstimmung(?:sergebnis)?|Ergebnis)\s*:\s*[-–]?\s*.{0,80}|(?:Ø\s*)?(?:Die|Der|Das)\s+(?:Beschlussfassung|Beschlussvorlage|Vorlage|Antrag|Beschlussvorschlag|Tagesordnungspunkt|Angelegenheit|Beratung|Entscheidung|Sache|Punkt|Anregung|Eingabe)\b.{0,60}|(?:TOP|Tagesordnungspunkt)\b.{0,60}|[-–]?\s*(?:einstimmig|mehrheitlich)?\s*)(?<!\p{L})(?:abgelehnt|überwiesen|verwiesen|vertagt|zurückgestellt|zurückgezogen)(?!\p{L})/iu;
/** A motion put to the body, not its decision: "Die Bezirksversammlung möge beschließen: ...". */
export const MOTION = /(?<!\p{L})möge(?:n)?\s+(?:\S+\s+){0,3}?beschließen(?!\p{L})/iu;
/** Words that say a motion was adopted. */
export const ADOPTED =
  /(?<!\p{L})(?:beschlossen|angenommen|zugestimmt|einstimmig|mehrheitlich|wie\s+beantragt)(?!\p{L})/iu;
/** The agenda item a page's one decision stands under: "TOP: 13.1 Titel" on a line of its own. */
const AGENDA_HEADING = /^TOP\s*:\s*(\d{1,3}(?:\.\d{1,2})*)\s+\p{Lu}/u;

export function agendaItemOf(lines: SourceLine[]): { number: string; index: number } | undefined {
  const headings = lines.flatMap((l, index) => {
    const number = AGENDA_HEADING.exec(l.text)?.[1];
    return number ? [{ number, index }] : [];
  });
  return headings.length === 1 ? headings[0] : undefined;
}

/**
 * The date a page of decisions gives in its heading ("Beschlüsse der GMK 11.06.2025 - 12.06.2025":
 * the first day), or only its year ("Beschlüsse der 2005").
 */
export function headingDate(lines: SourceLine[]): string | undefined {
  for (const line of lines) {
    if (!/^Beschlüsse\b/.test(line.text)) continue;
    const date = findGermanDate(line.text);
    if (date) return date;
    const year = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(line.text);
    if (year) return year[1];
  }
  return undefined;
}
