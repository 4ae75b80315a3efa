import type { ExtractedMandate } from '../extraction.types';
import type { ParsedResolution } from '../document/parsed-document';
import { parseDeadline, type DeadlineContext } from './deadline.parser';

/**
 * Amendments adopted at the session that change a proposal's words: "Änderungsantrag …: In Ziffer 2
 * wird das Datum „30.09.2026" durch „30.06.2026" ersetzt. Abstimmung über den Änderungsantrag: … –
 * angenommen", "Die Worte „bis Ende 2026" werden ersetzt durch „bis zum 30.09.2026"", "In Ziffer 2 werden
 * die Wörter „binnen sechs Monaten" durch die Wörter „binnen drei Monaten" ersetzt".
 */
const REPLACED =
  /(?:In\s+(?:Ziffer|Nr\.|Punkt)\s*(\d{1,2})\s+)?(?:wird|werden)\s+(?:das\s+Datum\s+|die\s+Frist\s+|die\s+(?:Worte|Wörter)\s+|der\s+Satzteil\s+)?[„"»]([^“”"«]{2,60})[“”"«]\s+(?:durch\s+(?:die\s+(?:Worte|Wörter)\s+|das\s+Datum\s+)?[„"»]([^“”"«]{2,60})[“”"«]\s+ersetzt|ersetzt\s+durch\s+[„"»]([^“”"«]{2,60})[“”"«])|(?:Die\s+(?:Worte|Wörter)|Das\s+Datum|Die\s+Frist)\s+[„"»]([^“”"«]{2,60})[“”"«]\s+(?:werden|wird)\s+(?:ersetzt\s+durch|durch)\s+[„"»]([^“”"«]{2,60})[“”"«]/gu;
const STRUCK = /(?:Ziffer|Nr\.|Punkt)\s*(\d{1,2})\s+wird\s+gestrichen/u;
/** The vote right after a struck point: adopted. */
const ADOPTED_VOTE = /^[^\n]*\n?\s*Abstimmung\s*:[^\n]{0,60}?(?:angenommen|zugestimmt)/u;
/** The amendment's vote says it was adopted. */
const ADOPTED_AMENDMENT =
  /(?:Abstimmung\s+über\s+den\s+Änderungsantrag\b[^.\n]{0,80}?|Änderungsantrag\s+(?:wird|wurde)\s+(?:mehrheitlich\s+|einstimmig\s+)?)(?:angenommen|zugestimmt)/u;

/**
 * The deadline of a mandate whose words an adopted amendment replaced: read from the new words,
 * flagged as borrowed (the sentence as printed still shows the old ones).
 */
export function applyAmendments(
  resolution: ParsedResolution,
  mandates: ExtractedMandate[],
  deadlines: DeadlineContext,
): ExtractedMandate[] {
  const text = resolution.points.map((p) => p.text).join('\n');
  // "Änderungsantrag …: Ziffer 3 wird gestrichen. Abstimmung: … – angenommen": point 3 is gone.
  const struck = STRUCK.exec(text);
  if (struck && ADOPTED_VOTE.test(text.slice(struck.index, struck.index + 200)))
    mandates = mandates.filter((m) => m.point !== Number(struck[1]));
  if (!text.includes('ersetzt') || !ADOPTED_AMENDMENT.test(text)) return mandates;
  for (const m of text.matchAll(REPLACED)) {
    const point = m[1] ? Number(m[1]) : undefined;
    const before = m[2] ?? m[5];
    const after = m[3] ?? m[4] ?? m[6];
    for (const mandate of mandates) {
      if ((point !== undefined && mandate.point !== point) || !mandate.dueText.includes(before))
        continue;
      const changed = parseDeadline(mandate.dueText.replace(before, after), deadlines);
      if (changed.due.kind === 'none') continue;
      mandate.due = changed.due;
      mandate.dueText = changed.text;
      if (!mandate.uncertain.includes('deadline-borrowed'))
        mandate.uncertain.push('deadline-borrowed');
    }
  }
  return mandates;
}
