import type { ExtractedMandate, UncertainReason } from '../extraction.types';
import type { PointText } from '../document/decision-points';
import { parseDeadline, type DeadlineContext } from './deadline.parser';
import { undatedTime } from './mandate-deadlines';
import { displayName } from './mention-text';
import { bracketedOwners } from './addressee.reader';
import { BODY_HEAD, type OwnerMatcher } from './owner-matcher';

/** Words a term cell may open with that already say how the time relates ("bis", "zur", "laufend"). */
const TERM_OPENS =
  /^(?:bis|zur|zum|zu|in|im|ab|nach|vor|spätestens|möglichst|laufend|fortlaufend|regelmäßig|jährlich|halbjährlich|monatlich|quartalsweise|sofort|zeitnah|umgehend|kontinuierlich|jeweils)\b/i;
/** Term cells that set no time at all. */
/** A cell that names no time: blank, "offen", or a standing task ("laufend", "Daueraufgabe"). */
const NO_TERM =
  /^(?:[-–—]|offen|n\.\s?a\.|entfällt|k\.\s?A\.|laufend|fortlaufend|kontinuierlich|dauerhaft|ständig|Daueraufgabe)?$/i;
/** The members of the group whose minutes these are, as a whole. */
const GROUP_MEMBERS =
  /^(?:(?:alle\s+)?Mitglieder\s+(?:der|des)\s+(?:AG|UAG|PG|AK|Arbeitsgruppe|Projektgruppe|Unterarbeitsgruppe|Arbeitskreises|Lenkungskreises|Steuerungsgruppe|Gruppe|Runde|Gremiums|Kreises)|alle|(?:AG|UAG|PG|AK|LK)\s*\(alle\))$/i;
/** Hedges: understood, no deadline and no doubt. */
const HEDGE = /^(?:sofort|zeitnah|umgehend|schnellstmöglich|baldmöglichst|kurzfristig)$/i;

/** A term cell as a phrase the deadline rules read: "51. Sitzung" -> "bis zur 51. Sitzung". */
function termPhrase(term: string): string {
  // "bis 49. Sitzung", "vor nächster Sitzung": the article the cell leaves out put back.
  const cell = term
    .trim()
    .replace(
      /^(bis|vor)\s+(?=(?:\d{1,3}\.|nächste|übernächste|kommende)\s*\S*\s*Sitzung)/i,
      '$1 zur ',
    )
    .replace(/^(bis|vor) zur (nächste|übernächste|kommende)r?\s/i, '$1 zur $2n ')
    .replace(/^vor zur\s/i, 'vor der ');
  // "nächster LK", "nächstes Treffen": the group's next meeting by its short name.
  if (/^nächste[rns]?\s+(?:\p{Lu}{2,5}|Treffen|Termin|Runde)$/u.test(cell))
    return 'bis zur nächsten Sitzung';
  if (TERM_OPENS.test(cell)) return cell;
  // "nächste Sitzung" -> "bis zur nächsten Sitzung".
  if (/Sitzung/i.test(cell))
    return `bis zur ${cell.replace(/^(nächste|übernächste|kommende|erste|zweite|dritte|letzte)\s/i, '$1n ')}`;
  // "2. Quartal", "erstes Halbjahr 2023" -> "im 2. Quartal".
  if (/^(?:\d\.|I{1,3}\.|IV\.|erstes|zweites|drittes|viertes)\s*(?:Quartal|Halbjahr)/i.test(cell))
    return `im ${cell.replace(/^(erst|zweit|dritt|viert)es\b/i, '$1en')}`;
  return `bis ${cell}`;
}

/** "Bayern, Sachsen", "BY / HE", "FITKO und Bund": each part of an owner cell read as a name. */
function ownersOf(cell: string, matcher: OwnerMatcher): string[] {
  return [
    ...new Set(
      cell
        // Not inside brackets: "Hr. Sahin (Bund/RKI)" is one person for the Bund.
        .split(/\s*(?:[,;/+&]|\bund\b|\bsowie\b)\s*(?![^()]*\))/)
        .filter((part) => part.trim() !== '')
        .flatMap((part) => {
          // "Hr. Schneider (HE)", "Fr. Dr. Albers (BMI)": a person for the member in brackets.
          const stands = bracketedOwners(part, matcher);
          if (stands.length > 0) return stands;
          const list = matcher.readList(part, 0, { unknownFirst: true });
          return list && list.owners.length > 0 ? list.owners : [part.trim()];
        })
        .map(displayName),
    ),
  ];
}

/**
 * A row of a task table as a mandate: the owners from the responsible cell, the deadline from the
 * term cell, the task as its action. Cells are read as written; what they do not yield is flagged.
 */
export function taskMandate(
  resolution: string,
  point: PointText,
  matcher: OwnerMatcher,
  deadlines: DeadlineContext,
): ExtractedMandate {
  const task = point.task as NonNullable<PointText['task']>;
  const uncertain: UncertainReason[] = [];
  // "alle Mitglieder der AG" in a working group's minutes: the group itself, read from the header.
  const group = GROUP_MEMBERS.test(task.owners.trim()) ? deadlines.body : undefined;
  // "alle Länder außer BY und HE": the group read as a whole, those after "außer" taken out.
  const except = group
    ? undefined
    : /^(.+?)\s+(?:außer|ohne|mit\s+Ausnahme\s+(?:von|der|des))\s+(.+)$/u.exec(task.owners);
  if (group) uncertain.push('owner-inferred');
  const excepted = except ? ownersOf(except[2], matcher) : [];
  const owners = group
    ? [group]
    : except
      ? ownersOf(except[1], matcher).filter((o) => !excepted.includes(o))
      : ownersOf(task.owners, matcher);
  const term = task.term.trim();
  // "M-V: Schulungen zwischen April und Juni durchführen": a row with no term of its own says
  // its time in the task, if at all.
  const deadline =
    term === ''
      ? parseDeadline(task.action, deadlines)
      : NO_TERM.test(term) || HEDGE.test(term)
        ? { due: { kind: 'none' as const }, text: '' }
        : parseDeadline(termPhrase(term), deadlines);
  if (deadline.due.kind === 'none' && !NO_TERM.test(term) && !HEDGE.test(term))
    uncertain.push('deadline-unclear');
  // "nächste Sitzung" where the minutes date none: the date the clerk has to give.
  else if (undatedTime(deadline, deadline.text)) uncertain.push('deadline-undated');
  const newOwners = owners.filter((o) => !matcher.isKnownOwner(o));
  if (newOwners.some((o) => !o.split(/[\s/()]+/).some((w) => BODY_HEAD.test(w))))
    uncertain.push('owner-unknown');
  return {
    resolution,
    point: point.number,
    owners,
    partners: [],
    action: task.action,
    due: deadline.due,
    dueText: term || deadline.text,
    source: task.row,
    line: point.line,
    basis: 'task-table',
    basisText: 'Aufgabenliste',
    uncertain,
    newOwners,
  };
}

/**
 * "Der Fachdienst sagt zu, … binnen 14 Tagen nachzureichen." and, in the annex "Zusagen der
 * Verwaltung", the row "… | Fachdienst | 18.03.2026": one task told twice. A row with the owners
 * and the day of a task the text's prose already gave is dropped; rows among themselves are kept.
 */
export function withoutRepeatedRows(mandates: ExtractedMandate[]): ExtractedMandate[] {
  const told = mandates.filter((m) => m.basis !== 'task-table' && m.due.kind === 'date');
  const key = (m: ExtractedMandate) => `${m.owners.join(',')}|${JSON.stringify(m.due)}`;
  const keys = new Set(told.map(key));
  return mandates.filter((m) => m.basis !== 'task-table' || !keys.has(key(m)));
}
