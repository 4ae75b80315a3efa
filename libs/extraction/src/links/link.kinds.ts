import type { LinkKind } from '@app/domain';
import type { DecisionReference } from './decision-references';

export { LINK_KINDS, type LinkKind } from '@app/domain';

/** Things a mandate asks for and a later session takes note of or approves. */
export const REPORT_NOUN =
  /\b(?:\p{L}*[Bb]ericht(?:e|s|en)?|\p{L}*[Kk]onzept(?:e|s|ion)?|Vorschl(?:ag|äge)s?|Sachstand(?:s)?|Evaluation|Evaluierung|Ergebnis(?:se)?|Empfehlung(?:en)?|Entwurf|Entwürfe|Leitfaden|Studie|Gutachten|Roadmap|Umsetzungsplan(?:ung)?|Planung|Bewertung|Analyse|Arbeitsergebnis(?:se)?|Bestandsaufnahme|Dokumentation|Vorlage|Übersicht)\b/u;

/** The council closes a task: takes note of what was delivered, approves or accepts it. */
export const FULFILS =
  /\b(?:nimmt\b[^.]{0,320}?\bzur\s+Kenntnis|zur\s+Kenntnis\s+genommen|Kenntnisnahme|billigt|gebilligt|nimmt\b[^.]{0,120}?\b(?:an|entgegen)\b|beschließt\s+(?:das|den|die)\s+(?:vorgelegte|vorgestellte|erarbeitete)|stimmt\b[^.]{0,160}?\bzu\b|zugestimmt|begrüßt\s+(?:den|das|die)\s+(?:vorgelegt|vorgestellt|Bericht|Konzept|Ergebnis|Vorschl)|dankt\b[^.]{0,120}?\bfür\b|erledigt|abgeschlossen|ist\s+(?:damit\s+)?umgesetzt|als\s+umgesetzt|beschließt\b[^;]{0,200}?\bauf\s+(?:der\s+)?(?:Basis|Grundlage)\s+(?:des|der|dieses|dieser)\s+(?:vorgelegten\s+|vorgestellten\s+)?\p{L}*(?:[Kk]onzept\p{L}*|Bericht\p{L}*|Vorschl\p{L}*))/u;

/** The council decides on something (with FULFILS: or takes note of it). */
export const DECIDES = /(?<!\p{L})(?:beschließt|beschlossen)(?!\p{L})/u;

/** The earlier decision is replaced, amended or lifted by this one. */
const SUPERSEDES =
  /(?<!\p{L})(?:ersetzt|ersetzen|ersetzte|Ersetzung|aufgehoben|Aufhebung|aufzuheben|Außerkraftsetzung|Ablösung|hebt\b[^.]{0,120}?\bauf\b|außer\s+Kraft|tritt\b[^.]{0,80}?\ban\s+die\s+Stelle|an\s+die\s+Stelle\b|abgelöst|löst\b[^.]{0,80}?\bab\b|widerruft|widerrufen|zurückgenommen|zurückgezogen|geändert|ändert|Änderung|neu\s+gefasst|Neufassung|gilt\s+nicht\s+mehr|nicht\s+mehr\s+(?:anzuwenden|weiter)|ergänzt|Ergänzung)(?!\p{L})/u;

/** The deadline itself moves. */
const MOVES =
  /\b(?:verlängert|verlängern|Verlängerung|Fristverlängerung|verschoben|verschiebt|verlegt)\b/u;

/** The same task goes on: a new deadline, again, further, finally. */
const EXTENDS =
  /\b(?:verlänger\w*|Verlängerung|verschoben|verschiebt|erneut|nochmals|weiterhin|weiter\s+zu|fortzusetzen|fortzuführen|fortsetzen|fortführen|Fortsetzung|Fortführung|abschließend|aktualisier\w*|Aktualisierung|weiterzuentwickeln|weiterentwickeln|Weiterentwicklung|zu\s+vertiefen|konkretisier\w*)\b/u;

/** A request: the sentence gives a task (for an extension, the continued task). */
const REQUEST =
  /\b(?:bittet|bitten|gebeten|beauftragt|beauftragen|Auftrag|ersucht|fordert\b[^.]{0,80}?\bauf|aufgefordert|werden\s+\w+\s+berichten|wird\b[^.]{0,80}?\b(?:berichten|vorlegen))\b/u;

/** A deadline for the duty: a date, a session, "spätestens". */
const DEADLINE =
  /\b(?:bis\s+(?:spätestens\s+)?(?:zum\s+|zur\s+|zu\s+seiner\s+)?(?:\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s*\d{2,4}|\d+\.\s+Sitzung|Ende|Mitte)|spätestens\s+(?:bis|zum|am|ab)\b|zu\s+(?:seiner|ihrer|der)\s+\d+\.\s+Sitzung)/u;

/** A duty put as a statement: "... ist bis ... zu erbringen", "sind ... vorzulegen". */
const DUTY = /\b(?:ist|sind)\s[^;]{0,240}?\b(?:zu\s+\p{L}+en|\p{L}+zu\p{L}+en)\b/u;

/** A rule set by the earlier decision changes from now on (a statement, not a request). */
const FROM_NOW_ON =
  /\b(?:künftig|zukünftig|fortan|ab\s+sofort|nunmehr|stattdessen|anstelle|anstatt)\b/u;

/** A duty that comes round again. */
const RECURRING =
  /\b(?:jährlich\w*|Jahresbericht\w*|halbjährlich\w*|turnusmäßig\w*|regelmäßig\w*|wie\s+(?:in\s+den|im)\s+Vorjahr\w*|für\s+(?:ein\s+)?weitere[sn]?\s+(?:Jahr|Jahre|Zeitraum)|Verstetigung|verstetig\w*|fortgeschrieben|Fortschreibung|fortzuschreiben|um\s+(?:ein|zwei|drei|vier|fünf|\d+)\s+(?:weitere\s+)?Jahre?)\b/u;

/**
 * Words that name the earlier decision as the ground of something new ("auf Grundlage des
 * Beschlusses 2021/23 bittet ..."): a new request built on it does not extend it.
 */
const BASIS =
  /(?:auf\s+(?:der\s+)?(?:Grundlage|Basis)|aufbauend\s+auf|anknüpfend\s+an|unter\s+Bezug(?:nahme)?\s+auf|bezugnehmend\s+auf|im\s+Rahmen|vgl\.|entsprechend)(?:\s+\p{L}+){0,3}\s*$/iu;

/** Precedence where one decision links to another in several sentences: the strongest effect. */
export const KIND_STRENGTH: Record<LinkKind, number> = {
  supersedes: 5,
  extends: 4,
  renews: 3,
  fulfils: 2,
  references: 1,
};

export interface LinkReading {
  kind: LinkKind;
  reason: string;
}

/** Cuts a sentence to the clause around a position: up to the previous and next ";" or ":". */
function clauseAround(sentence: string, index: number): string {
  const start = Math.max(sentence.lastIndexOf(';', index), sentence.lastIndexOf(':', index)) + 1;
  const ends = [sentence.indexOf(';', index), sentence.indexOf(':', index)].filter((i) => i >= 0);
  return sentence.slice(start, ends.length ? Math.min(...ends) : sentence.length);
}

/**
 * The kind of a link by the sentence that makes it. A decision named as the basis of something
 * new ("auf Grundlage des Beschlusses 2019/12 bittet ...") is only referenced, unless the sentence
 * replaces it; otherwise: replaced or amended -> supersedes; a recurring duty reported on or
 * continued -> renews; the same task asked for again or longer -> extends; a report taken note
 * of, a concept approved -> fulfils; anything else -> references.
 */
export function classifyLink(sentence: string, reference?: DecisionReference): LinkReading {
  const clause = reference ? clauseAround(sentence, reference.index) : sentence;
  const supersedes = SUPERSEDES.exec(clause);
  const asBasis = reference ? BASIS.test(reference.before) : false;
  if (
    supersedes &&
    !(
      asBasis &&
      !/ersetz|Ersetz|aufgehoben|Aufhebung|aufzuheben|hebt|außer\s+Kraft/.test(supersedes[0])
    )
  )
    return {
      kind: 'supersedes',
      reason: `„${supersedes[0]}“: Der frühere Beschluss wird ersetzt, geändert oder aufgehoben.`,
    };
  const moves = MOVES.exec(clause);
  if (moves && !RECURRING.test(clause))
    return {
      kind: 'extends',
      reason: `„${moves[0]}“: Die Frist des früheren Auftrags wird verschoben.`,
    };
  const recurring = RECURRING.exec(clause);
  const request = REQUEST.exec(clause);
  const extending = EXTENDS.exec(clause);
  const fulfils = FULFILS.exec(clause);
  if (recurring && (request || fulfils || extending))
    return {
      kind: 'renews',
      reason: `„${recurring[0]}“: Eine wiederkehrende Pflicht wird erfüllt oder fortgesetzt.`,
    };
  if (extending && request && !asBasis)
    return {
      kind: 'extends',
      reason: `„${extending[0]}“ mit einer neuen Bitte: Der frühere Auftrag läuft weiter.`,
    };
  const fromNowOn = FROM_NOW_ON.exec(clause);
  if (fromNowOn && !request && !fulfils && reference)
    return {
      kind: 'supersedes',
      reason: `„${fromNowOn[0]}“: Was der frühere Beschluss festgelegt hat, gilt von nun an anders.`,
    };
  const deadline = DEADLINE.exec(clause);
  if (deadline && !fulfils && (request || DUTY.test(clause)) && !asBasis && reference)
    return {
      kind: 'extends',
      reason: `„${deadline[0]}“: Eine neue Frist für eine Pflicht aus dem früheren Beschluss.`,
    };
  if (fulfils)
    return {
      kind: 'fulfils',
      reason: `„${fulfils[0]}“: Das Erbetene wird zur Kenntnis genommen oder gebilligt.`,
    };
  if (asBasis)
    return {
      kind: 'references',
      reason: `„${reference?.before.split(/\s+/).slice(-3).join(' ')}“: Der frühere Beschluss wird nur als Grundlage genannt.`,
    };
  return {
    kind: 'references',
    reason: 'Der frühere Beschluss wird nur genannt, weder erledigt noch verlängert oder ersetzt.',
  };
}
