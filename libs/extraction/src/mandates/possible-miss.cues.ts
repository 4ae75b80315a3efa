import { isInfinitive } from './actor.grammar';
import { TIME_CUE } from './deadline-words';
import { BODY_HEAD } from './owner-matcher';

/**
 * Cues of a possible miss beyond the request words: a named body's task with a time that the
 * council welcomes or others support, what a council recommends, a body it sets up with a task and
 * a time, a demonstrative's task, a thing it decides to have done, a contract it awards. No
 * request the grammar reads, but one a clerk may want to follow (shown on the point, never a
 * mandate).
 */

/**
 * "begrüßt, dass die FITKO bis zur 38. Sitzung ... vorlegt", "Die Länder unterstützen die FITKO
 * dabei, bis Ende 2022 ...": a named body's task with a time, no request the grammar reads.
 */
const TIMED_TASK =
  /(?<![\p{L}-])(dass)\s+(?:sich\s+)?(?:die|der|das)\s+(\p{Lu}[\p{L}-]*)|(?<![\p{L}-])(?:unterstützt|unterstützen|begleitet|begleiten)\s+(?:die|den|das)\s+(\p{Lu}[\p{L}-]*)\s+(dabei|darin|bei)(?![\p{L}-])/u;

/** What is done already ("… fertiggestellt hat") or only meant ("beabsichtigt"): no task to follow. */
const DONE_OR_MEANT =
  /(?<![\p{L}-])(?:beabsichtigt|beabsichtigen|plant|planen|strebt|streben|erwägt|erwägen)(?![\p{L}-])|(?<![\p{L}-])(?:hat|haben|wurde|wurden|worden|ist|sind)\s*[.;]?\s*$/u;

/** "empfiehlt den Ländern, bis Ende 2022 … abzuschließen": a recommendation with its task. */
const RECOMMENDED_TASK =
  /(?<![\p{L}-])(empfiehlt|empfehlen)\s+(?:den|dem|der)\s+(\p{Lu}[\p{L}-]*)[^.;]*?(?:\szu\s+\p{Ll}+en|\p{Ll}zu\p{Ll}{2,}en)(?![\p{L}-])/u;
/** The council decides to have something done ("… überprüfen zu lassen"), naming no one. */
const LET_DONE =
  /(?<![\p{L}-])(?:beschließt|beschließen)(?![\p{L}-])(?:[^.;]|\.(?=\S))*?\s\p{Ll}+\s+zu\s+lassen(?![\p{L}-])/u;
/** "vergibt den Planungsauftrag an das Büro Arz": the council commissions a contractor. */
const AWARDED =
  /(?<![\p{L}-])(vergibt|vergeben|erteilt|erteilen)(?![\p{L}-])[^.;]{0,80}?\p{L}*[aA]uftrag\p{Ll}*\s+an\s+(?:das|den|die)\s+\p{Lu}/u;
const DRAFT_DECISION =
  /(?:Beschluss|Beschlüsse|Entscheidung)\s+zu\s+(?:fassen|treffen)|zu\s+beschließen/;
/** "setzt eine Arbeitsgruppe ein, die bis Ende 2022 … vorlegen soll". */
const RELATIVE_SHALL =
  /(?<![\p{L}-])(?:eine|einen|ein)\s+(\p{Lu}[\p{L}-]*)[^,.;]{0,80},\s*(?:die|der|das|welche[rs]?)\s[^.;]{0,200}?(?<![\p{L}-])(soll|sollen)(?![\p{L}-])/u;
/** "Alle Teilnehmenden …", "Alle Mitglieder …": everyone present, a task of the group's. */
const ALL_OF_THEM =
  /^(Alle)\s+(?:Teilnehmenden|Teilnehmer(?:innen)?|Mitglieder|Beteiligten)\s+\p{Ll}/u;
/** "Diese legt bis … vor" after a body is set up. */
const DEMONSTRATIVE_DUTY = /^(Diese[rs]?)\s+\p{Ll}+\s/u;

/** Whether a point's text may hold one of these cues at all (most hold none: speed). */
export function mayHoldTaskCue(text: string): boolean {
  return (
    /empfiehlt|empfehlen|zu lassen|uftrag/.test(text) ||
    (/dass|unterstütz|begleit|Diese|Alle\s/.test(text) && TIME_CUE.test(text))
  );
}

/**
 * The cue of a task a sentence states without a request the grammar reads, with the word to show.
 * Without a time only a recommendation to an office ("empfiehlt dem Landrat, … vorzunehmen": a
 * committee to its administration), not one to members ("empfiehlt den Ländern, … zu nutzen"),
 * a thing the council decides to have done, and a contract it awards to a named firm.
 */
export function taskCue(
  sentence: string,
  isActor: (subject: string) => boolean,
): { index: number; 1: string } | null {
  if (DONE_OR_MEANT.test(sentence)) return null;
  const timed = TIME_CUE.test(sentence);
  const task = timed ? TIMED_TASK.exec(sentence) : null;
  if (task && isActor(task[2] ?? task[3])) return { index: task.index, 1: task[1] ?? task[4] };
  // "empfiehlt der Ministerpräsidentenkonferenz, folgenden Beschluss zu fassen": a draft decision.
  const recommended = DRAFT_DECISION.test(sentence) ? null : RECOMMENDED_TASK.exec(sentence);
  if (recommended && (timed ? isActor(recommended[2]) : BODY_HEAD.test(recommended[2])))
    return { index: recommended.index, 1: recommended[1] };
  // "beschließt, die Becken durch das Ing.-Büro überprüfen zu lassen": someone is to see to it.
  const letDone = LET_DONE.exec(sentence);
  if (letDone) return { index: letDone.index + letDone[0].length - 6, 1: 'lassen' };
  // "vergibt den Planungsauftrag an das Büro Arz": what the contractor owes is in the contract.
  const awarded = AWARDED.exec(sentence);
  if (awarded) return { index: awarded.index, 1: awarded[1] };
  if (!timed) return null;
  const relative = RELATIVE_SHALL.exec(sentence);
  if (relative && BODY_HEAD.test(relative[1]))
    return { index: relative.index + relative[0].lastIndexOf(relative[2]), 1: relative[2] };
  // "Alle Teilnehmenden senden ihre Anmerkungen bis 13.02.2026 …": the group as a whole.
  const all = ALL_OF_THEM.exec(sentence);
  if (all) return { index: all.index, 1: all[1] };
  const demonstrative = DEMONSTRATIVE_DUTY.exec(sentence);
  return demonstrative ? { index: demonstrative.index, 1: demonstrative[1] } : null;
}

/** "…, dass die Verwaltung … tätig werden soll": a duty put as what someone shall do. */
export const SHALL_CLAUSE =
  /(?<![\p{L}-])dass\s+(?:sich\s+)?(?:die|der|das)\s+\p{Lu}[\p{L}-]*(?:[^.;]|(?<=\d)\.(?=\d)){0,200}?(?<![\p{L}-])(soll|sollen)(?![\p{L}-])/u;

/**
 * "Die Verwaltung soll ...", "Das Amt muss ...", "Die Verwaltung wird ... prüfen": a named actor
 * told what it shall do, or what it will do (not a passive: no "werden" at the end).
 */
export const NAMED_SHALL =
  /^(?:(?:Außerdem|Zudem|Ferner|Weiterhin|Darüber hinaus|Daneben)\s+)?(?:Die|Der|Das)\s+(\p{Lu}[^,.;:]{0,80}?)\s(soll|sollen|muss|müssen|wird|werden)\s(?![^.;]*\bwerden\s*[.;]?\s*$)/u;

/** "wird ... überarbeiten": an infinitive ends the sentence, not a participle ("wird ... aufgehoben"). */
export const futureDuty = (sentence: string) =>
  isInfinitive(/(\p{Ll}+)\s*[.;!]?\s*$/u.exec(sentence)?.[1] ?? '');

/** The council's own members, factions and organs as owners (asked by the council itself). */
const OWN_MEMBERS =
  /^(?:(?:alle\s+)?(?:Rats|Stadtrats|Gemeinderats|Kreistags|Ausschuss)mitglieder|Stadtverordnete[n]?|Gemeindevertreter(?:innen)?|Kreistagsabgeordnete[n]?|Stadträt(?:e|innen)|Gemeinderät(?:e|innen)|Fraktionen|Ältestenrat|Mitglieder\s+des\s+(?:Rates|Stadtrates|Gemeinderates|Kreistages|Ausschusses))$/u;

/** "Die Fraktionen werden gebeten, …": a request of the council to its own members or organs. */
export const councilsOwn = (m: { owners: string[] }): boolean =>
  m.owners.length > 0 && m.owners.every((o) => OWN_MEMBERS.test(o));
