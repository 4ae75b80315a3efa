import { findGermanDate } from '../text/german-dates';
import type { SourceLine } from '../text/source-text';
import type { CouncilInfo } from '../extraction.types';
import type { TextSpan } from './decision-points';
import {
  firstSessionStatement,
  type BlockMeeting,
  type ParsedDocument,
  type ParsedResolution,
} from './parsed-document';

/** What a page says of its decision as a whole: its outcome, its agenda item and date. */

/**
 * A result that asks nobody: the motion was rejected, referred or postponed, or a committee only
 * recommends it to the council ("Beschluss: einstimmig empfohlen"). Said by a verdict
 * line ("Beschluss: abgelehnt", "- einstimmig vertagt -") or of the item itself ("Die
 * Beschlussfassung wird vertagt"), not of some part of it ("Die Anwendung ... wird abgelehnt").
 */
export const NOT_DECIDED =
  /^(?:(?:Beschluss|Abstimmung(?:sergebnis)?|Ergebnis)\s*:\s*[-–]?\s*.{0,80}|(?:Ø\s*)?(?:Die|Der|Das)\s+(?:Beschlussfassung|Beschlussvorlage|Vorlage|Antrag|Beschlussvorschlag|Tagesordnungspunkt|Angelegenheit|Beratung|Entscheidung|Sache|Punkt|Anregung|Eingabe)\b.{0,60}|(?:TOP|Tagesordnungspunkt)\b.{0,60}|[-–]?\s*(?:einstimmig|mehrheitlich)?\s*)(?<!\p{L})(?:abgelehnt|überwiesen|verwiesen|vertagt|zurückgestellt|zurückgezogen|empfohlen)(?!\p{L})/iu;
/** What a verdict line may hold after its verdict: the vote ("(3 Ja, 20 Nein)"), punctuation. */
const VOTE_TAIL =
  /^[\s\p{P}\p{S}\d]*(?:(?:ja|nein|enthaltungen|enthaltung|gegenstimmen|gegenstimme|stimmen|stimme|bei|dafür|dagegen|und)(?![\p{L}])[\s\p{P}\p{S}\d]*)*$/iu;

/**
 * "Beschluss: mehrheitlich abgelehnt", "Beschluss: zurückgestellt": the line is the outcome and
 * nothing else, so it speaks of the decision text printed with it; "Die Beschlussfassung wird
 * vertagt. Die Verwaltung wird beauftragt, …" goes on with what was decided beside it.
 */
export function verdictLine(text: string): boolean {
  const verdict = NOT_DECIDED.exec(text);
  return verdict !== null && VOTE_TAIL.test(text.slice(verdict.index + verdict[0].length));
}
/** A vote or a result on the page. */
const VOTED =
  /(?<!\p{L})(?:Abstimmung|Abstimmungsergebnis|Ergebnis|einstimmig|mehrheitlich|angenommen|Ja-Stimmen|Gegenstimmen?)(?!\p{L})|\bJa\s*:?\s*\d|(?:un)?geändert\s+beschlossen/iu;
const AMENDMENT = /^(?:Änderungs|Ergänzungs|Zusatz|Ersetzungs)antrag\b/u;
/** A motion put to the body, not its decision: "Die Bezirksversammlung möge beschließen: ...". */
export const MOTION = /(?<!\p{L})möge(?:n)?\s+(?:\S+\s+){0,3}?beschließen(?!\p{L})/iu;
/** "Beschlussvorschlag:", "Beschlussempfehlung:" on a line of their own: a draft put to the body. */
export const PROPOSAL_LABEL =
  /^(?:Beschlussvorschlag|Beschlussempfehlung|Vorschlag\s+der\s+Verwaltung|Empfehlung\s+der\s+Verwaltung)(?:\s+(?:des|der|an\s+den|an\s+die|für\s+den|für\s+die)\s+[^:.]{2,80})?\s*:?\s*$/iu;
/** Words that say a motion was adopted. */
export const ADOPTED =
  /(?<!\p{L})(?:beschlossen|angenommen|zugestimmt|einstimmig|mehrheitlich|wie\s+beantragt|(?:wie|gemäß)\s+Beschlussvorschlag)(?!\p{L})/iu;
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

/**
 * "Der IT-PLR empfiehlt der Ministerpräsidentenkonferenz folgendes zu beschließen:" before the
 * points: they are the other body's draft decisions, not the council's own (as a list it
 * recommends inside a point, see the extractor's LIST_CUE).
 */
const RECOMMENDED_LEAD =
  /(?:empfiehlt|empfehlen|schlägt|schlagen)\b[^:]{0,160}?(?:zu\s+beschließen|Beschl(?:uss|üsse)\s+zu\s+fassen)\s*:\s*$/;

export function recommendsToAnotherBody(spans: TextSpan[]): boolean {
  const first = spans.findIndex((span) => /^\s*(?:1[.)]|[-–•])\s/.test(span.text));
  if (first <= 0) return false;
  const lead = spans
    .slice(0, first)
    .map((span) => span.text.trim())
    .join(' ');
  return RECOMMENDED_LEAD.test(lead);
}

/** "Beschluss 2025/52 – …⏎48. Sitzung am 26. November 2025": the session on a line of its own. */
/**
 * "48. Sitzung am 26.11.2025", "(48. Sitzung, 26.11.2025)", "46. Sitzung des IT-Planungsrats, …",
 * "Beschluss des IT-Planungsrats vom 26. November 2025 (48. Sitzung)", "Das Umlaufverfahren wurde am
 * 12. August 2025 abgeschlossen.", "… am 09.02.2026 eingeleitet und am 20.02.2026 abgeschlossen.",
 * "Beschlossen im Umlaufverfahren (abgeschlossen am 4. März 2026)", "Umlaufverfahren vom 06.02.2026
 * bis 20.02.2026", "Datum: 13.02.2026 (Umlaufverfahren)".
 */
const SESSION_LINE =
  /^(?:\(?\d{1,3}\.\s*Sitzung(?:\s+(?:des|der)\s+[\p{L}-]+)?\s*(?:[,)]|am\s|vom\s|$)|(?:Beschluss|Entscheidung)\s+(?:des|der)\s+[\p{L}-]+\s+(?:vom|am)\s.*\d\.\s*Sitzung\)?$|(?:Das\s+)?Umlaufverfahren\s+(?:wurde|ist)\s+am\s+.*\d{4}\s+(?:abgeschlossen|beendet)\.?$|.{0,40}\bUmlaufverfahren\b.{0,30}\b(?:abgeschlossen|beendet)\s+am\s+[^|]{6,25}\)?\.?$|Umlaufverfahren\s+vom\s+[^|]{6,30}\s+bis\s+(?:zum\s+)?[^|]{6,30}$|(?:Datum:\s*)?[\d.]{8,10}\s*\((?:im\s+)?Umlaufverfahren\)$)/u;

export function sessionLine(
  lines: SourceLine[],
  at: number,
  end: number,
  council: CouncilInfo,
): { meeting?: BlockMeeting; line?: number } {
  const next = lines.slice(at + 1, Math.min(end, at + 6)).filter((l) => l.text !== '');
  // The session on the next line or the one after; a circulation's closing day a line further
  // (under a "Gegenstand: …" line).
  const line = next
    .slice(0, 3)
    .find(
      (l, i) =>
        SESSION_LINE.test(l.text) &&
        l.text.length <= 100 &&
        (i < 2 || /Umlaufverfahren/.test(l.text)),
    );
  const meeting = line ? meetingStatement(line.text, council) : undefined;
  // The line is no text of the decision: "48." would open its points at 48.
  return meeting && line ? { meeting, line: line.no } : {};
}

/** "Entscheidung 2025/U03 (Umlaufverfahren abgeschlossen am 4. April 2025)": its own session. */
export function bracketSession(
  rest: string | undefined,
  council: CouncilInfo,
): BlockMeeting | undefined {
  const own = rest && /^\(.*\)$/.test(rest) ? meetingStatement(rest, council) : undefined;
  return own?.date ? own : undefined;
}

/** What a line says about the session its decisions were taken in. */
export function meetingStatement(text: string, council: CouncilInfo): BlockMeeting | undefined {
  const date = findGermanDate(text);
  const body =
    /\b(?:Abteilungsleiterrunde|AL-Runde)\b/.exec(text) &&
    !/\bIT-Planungsrat/.test(text.slice(0, 20))
      ? 'AL-Runde'
      : undefined;
  const numbered = firstSessionStatement(
    text,
    /(?:^|[\s|(,])(\d{1,3})\.\s*(?:ordentlichen\s+)?(?:Sitzung|Abteilungsleiterrunde)\b(\s+(?:der|des)\s+([\p{L}-]+))?/gu,
  );
  if (numbered) {
    const of = numbered[3];
    const other =
      of !== undefined && !council.aliases.some((alias) => of.startsWith(alias.split(' ')[0]));
    // The council's AL-Runde, or another body by the name the text gives it.
    const named =
      /Abteilungsleiterrunde|AL-Runde/.test(numbered[0] + (of ?? '')) || body
        ? 'AL-Runde'
        : other
          ? of
          : undefined;
    return {
      kind: 'session',
      number: Number(numbered[1]),
      ...(named ? { body: named } : {}),
      ...(date ? { date } : {}),
    };
  }
  if (/\bSondersitzung\b/i.test(text)) return { kind: 'special', ...(date ? { date } : {}) };
  if (/\bUmlaufverfahren\b/i.test(text)) {
    // "Umlaufverfahren vom 06.02.2026 bis 20.02.2026", "am 09.02.2026 eingeleitet und am
    // 20.02.2026 abgeschlossen": decided the day it closed.
    const closed =
      /\sbis\s+(?:zum\s+)?(.+)$/.exec(text) ??
      /\b(?:abgeschlossen|beendet)\s+am\s+(.+)$/.exec(text) ??
      /\bund\s+am\s+(.+?)\s+(?:abgeschlossen|beendet)\b/.exec(text);
    const last = closed ? (findGermanDate(closed[1]) ?? date) : date;
    return { kind: 'circulation', ...(last ? { date: last } : {}) };
  }
  return undefined;
}

const RECOMMENDATION_TO =
  /^Beschlussempfehlung\s+(?:an|für)\s+(?:den|die|das)\s+(?:Rat|Stadtrat|Gemeinderat|Kreistag|Stadtverordnetenversammlung|Gemeindevertretung)\b/i;
const PASSED_ON =
  /\b(?:an\s+den\s+\S+\s+weitergeleitet|dem\s+\S+\s+zur\s+Beschlussfassung\s+empfohlen)\b/i;
const COUNCIL_DECIDED =
  /^Beschluss\s+(?:des|der)\s+(?:Rates|Stadtrates|Gemeinderates|Kreistages|Stadtverordnetenversammlung)\b/i;

/** What follows "Beschluss:" when it is the verdict: "einstimmig beschlossen", "vertagt", "Zustimmung". */
export const VERDICT_REST =
  /^(?:einstimmig|mehrheitlich|ungeändert|geändert|beschlossen|angenommen|abgelehnt|zugestimmt|Zustimmung|empfohlen|zurückgestellt|zurückgezogen|vertagt|verwiesen|überwiesen|mit\s+Änderungen)(?![\p{L}-])/iu;

/**
 * What the lines around a decision say of its outcome: postponed, referred, rejected or only
 * recommended (`notDecided`); a motion or a draft ("möge beschließen", "Beschlussvorschlag:") that
 * the page does not say was adopted (`motionOnly`).
 */
export function markOutcome(decided: ParsedResolution, lines: SourceLine[]): ParsedResolution {
  // "Beschlussempfehlung an den Rat:⏎Der Rat der Stadt möge beschließen: …" passed on to the Rat:
  // a committee's recommendation, decided by another body (as "empfiehlt …, zu beschließen:").
  if (
    lines.some((l) => RECOMMENDATION_TO.test(l.text)) &&
    lines.some((l) => MOTION.test(l.text) || PASSED_ON.test(l.text)) &&
    !lines.some((l) => COUNCIL_DECIDED.test(l.text))
  )
    decided.recommended = true;
  // "Ergänzungsantrag …: … Abstimmung: 7 Ja, 11 Nein – abgelehnt": the amendment's vote, not the
  // decision's.
  const amended = (i: number) =>
    lines.slice(Math.max(0, i - 4), i).some((l) => AMENDMENT.test(l.text));
  if (lines.some((l, i) => NOT_DECIDED.test(l.text) && !amended(i))) decided.notDecided = true;
  if (decided.notDecided && lines.some((l) => verdictLine(l.text))) decided.notAdopted = true;
  const whole = lines.map((l) => l.text).join('\n');
  if (
    (MOTION.test(whole) || lines.some((l) => PROPOSAL_LABEL.test(l.text))) &&
    !ADOPTED.test(whole)
  )
    decided.motionOnly = true;
  // "Beschlussvorlage Nr. …⏎Beratungsfolge: …⏎Beschlussvorschlag: …" and no vote: a draft on its
  // way through the committees ("wird beschlossen" in it is the draft's wording).
  if (lines.some((l) => /^Beratungsfolge\b/.test(l.text)) && !VOTED.test(whole))
    decided.motionOnly = true;
  return decided;
}

/** The line of the proposal a verdict "Beschluss: wie Beschlussvorschlag" adopts, if it is one. */
export function asProposed(lines: SourceLine[], at: number): number | undefined {
  const verdict = lines
    .slice(at, at + 3)
    .map((l) => l.text.replace(/^[^:]*:\s*/, '').trim())
    .find((t) => t !== '');
  if (!verdict || !AS_PROPOSED.test(verdict)) return undefined;
  for (let i = at - 1; i >= 0; i--) if (PROPOSAL_LABEL.test(lines[i].text)) return i;
  return undefined;
}
/** "wie Beschlussvorschlag", "gemäß Beschlussvorschlag der Verwaltung": the proposal, adopted. */
const AS_PROPOSED =
  /^(?:wie|gemäß|entsprechend(?:\s+dem)?)\s+(?:Beschlussvorschlag|Vorschlag|Beschlussempfehlung)\b|^wie\s+vorgeschlagen\b/i;

/** Session statements outside decision text: "Vom 9. März 2022", "in seiner 40. Sitzung am ...". */
export function readPreamble(
  lines: SourceLine[],
  ctx: { council: CouncilInfo },
  doc: ParsedDocument,
  state: { meeting: BlockMeeting | undefined },
): void {
  for (const line of lines) {
    const vom = /^Vom\s+(.+)$/i.exec(line.text);
    if (vom) {
      const date = findGermanDate(vom[1]);
      doc.documentDate ??= date;
      if (!state.meeting && date) state.meeting = { kind: 'session', date, announced: true };
      continue;
    }
    // "Umlaufverfahren … U 2026/02⏎Fristende: 10.04.2026": the circulation closed that day.
    const closing = /^Fristende(?:\s+für\s+die\s+Stimmabgabe)?\s*:\s*(.+)$/i.exec(line.text);
    if (closing && state.meeting?.kind === 'circulation' && !state.meeting.date) {
      const date = findGermanDate(closing[1]);
      if (date) state.meeting = { ...state.meeting, date };
      continue;
    }
    // A point of the decision ("3. … für die 50. Sitzung …") names a session it asks for, not its own.
    if (/^\d{1,2}\.\s/.test(line.text) && state.meeting) continue;
    const statement = meetingStatement(line.text, ctx.council);
    if (statement && (statement.number !== undefined || statement.kind !== 'session'))
      state.meeting = statement;
  }
}

export function preambleMeeting(
  lines: SourceLine[],
  ctx: { council: CouncilInfo },
): BlockMeeting | undefined {
  for (const line of lines) {
    const statement = meetingStatement(line.text, ctx.council);
    if (statement) return statement;
  }
  return undefined;
}
