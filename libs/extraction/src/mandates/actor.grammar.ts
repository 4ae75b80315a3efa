import type { ExtractedMandate } from '../extraction.types';
import { type DeadlineContext, parseDeadline } from './deadline.parser';
import { TIME_CUE } from './deadline-words';
import { BODY_HEAD, isPerson, type OwnerMatcher } from './owner-matcher';
import {
  bracketedOwners,
  candidate,
  LEADING_ADVERBS,
  personsFor,
  readAddressees,
} from './addressee.reader';
import type { Addressees, Candidate, DecisionState } from './decision.state';

/** A sentence that opens with an adverbial, so its subject follows the verb ("In 2018 wird Thüringen ..."). */
export const ADVERBIAL_START =
  /^(?:Je|Da|Weil|Falls|Über|Obwohl|Obgleich|Zumal|Indem|In|Im|Bis|Ab|Als|Ergänzend|Entsprechend|Darüber|Dazu|Hierzu|Hierfür|Hierbei|Daneben|Parallel|Gleichzeitig|Zugleich|Ebenso|Zudem|Ferner|Außerdem|Weiterhin|Darauf|Daher|Deshalb|Auf|Mit|Für|Zur|Zum|Nach|Nachdem|Vor|Bevor|Bei|Unter|Gemäß|Um|Anschließend|Zunächst|Künftig|Zukünftig|Spätestens|Jährlich|Sobald|Soweit|Sofern|Wenn|Während|Seitens|Vorbehaltlich|Bezüglich|Hinsichtlich|Aufgrund|Angesichts|Wegen|Trotz|Zwecks|Infolge|Halbjährlich|Vierteljährlich|Monatlich|Quartalsweise|Regelmäßig|Jeweils|Danach|Daraufhin|Daran|Dafür|Darüber|Hiermit|Hierdurch|Hiernach|Insoweit|Insofern|Folglich|Schließlich|Abschließend|Zusätzlich|Dementsprechend|Demnach|Somit|Vielmehr|Stattdessen)\b/;
/** A named actor's own duty ("Sachsen und FITKO berichten ...", "Die FITKO legt ... vor"). */
const ACTOR_VERB =
  /^(?:sich\s+)?(?:berichtet|berichten|(?:legt|legen)(?=\s(?:[^.;]|(?<=\d)\.|\.(?=\d))*?(?<![\p{L}-])(?:vor|dar|offen|bei)(?![\p{L}-]))|stellt(?!\s+fest)|stellen(?!\s+fest)|erarbeitet|erarbeiten|erstellt|erstellen|prüft|prüfen|übermittelt|übermitteln|versendet|versenden|(?:lädt|laden)(?=\s[^;]*?\sein(?:\s*,\s*(?:sobald|wenn|nachdem)\s[^;]*)?\s*[.;]?\s*$)|übersendet|übersenden|verschickt|verschicken|unterrichtet|unterrichten|informiert|informieren|entwickelt|entwickeln|setzt|setzen|führt|führen|koordiniert|koordinieren|sorgt|sorgen|veranlasst|veranlassen|bereitet|bereiten|organisiert|organisieren|evaluiert|evaluieren|überarbeitet|überarbeiten|aktualisiert|aktualisieren|unterbreitet|unterbreiten|(?:schlägt|schlagen)(?![^.;]*?\svor\s*,[^.;]*?\szu\s+(?:beauftragen|bitten|ersuchen|beschließen|fassen)(?![\p{L}-]))|richtet|richten|gewährleistet|gewährleisten|erhebt|erheben|benennt|benennen|ernennt|ernennen|leitet|leiten|meldet|melden|schafft|schaffen|treibt|treiben|teilt|teilen|veranstaltet|veranstalten|(?:trägt|tragen)\s+(?:dafür\s+)?Sorge|sichert|sichern|verpflichtet\s+sich|verpflichten\s+sich|(?:sagt|sagen)\s+zu|(?:erklärt|erklären)\s+sich\s+bereit|wirkt|wirken|stimmt\s+sich|stimmen\s+sich|definiert|definieren|bringt|bringen|veröffentlicht|veröffentlichen|liefert|liefern|übergibt|übergeben|beschafft|beschaffen|implementiert|implementieren|(?:passt|passen)(?=\s[^.;]*\san(?![\p{L}-]))|(?:wertet|werten|arbeitet|arbeiten)(?=\s[^.;]*\saus(?![\p{L}-]))|(?:fasst|fassen)(?=\s[^.;]*\szusammen(?![\p{L}-]))|(?:gleicht|gleichen)(?=\s[^.;]*\sab(?![\p{L}-]))|klärt|ermittelt|sammelt|bündelt|erfasst|(?:hat|haben)\s+sich\s+(?:.{0,80}?\s)?(?:verständigt|verpflichtet|geeinigt)|(?:übernimmt|übernehmen)(?!\s+(?:(?:gemeinsam|künftig|weiterhin|zunächst)\s+)?(?:die|den|das)\s+(?:gemeinsame\s+)?(?:Federführung|Vorsitz|Leitung|Patenschaft|Rolle|Themenpatenschaft)))(?![\p{L}-])/u;
/** The councils that take a municipal page's decisions (as a subject: the body deciding). */
const OWN_COUNCIL =
  /^(?:Gemeinderat|Stadtrat|Rat|Kreistag|Ortsrat|Ortschaftsrat|Ortsbeirat|Bezirksvertretung|Bezirksversammlung|Gemeindevertretung|Stadtverordnetenversammlung|Samtgemeinderat|Verbandsgemeinderat|Marktgemeinderat)(?![\p{L}-])/u;
const FUTURE_DUTY =
  /^(?:wird|werden)\b.*(?<!\szu\s)\b(?:berichten|vorlegen|vorstellen|erarbeiten|erstellen|prüfen|übermitteln|informieren|unterrichten|entwickeln|umsetzen|bereitstellen|sicherstellen|koordinieren|durchführen|fortführen|überarbeiten|aktualisieren|benennen|melden|veranstalten|ausrichten|einrichten|vorbereiten)\s*[.]?$/u;

const APPOSITION = /^[–—]\s+(?:(?:\p{Lu}[\p{L}.-]*|und|für|der|des|&),?\s+){1,6}(?=\p{Ll})/u;

export function actorCandidate(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  // "b) Die Länder melden …": an item's letter opens the sentence, the subject follows it.
  const item = /^[a-z]\)\s+(?=\p{Lu})/u.exec(text);
  if (item) return actorCandidate(text.slice(item[0].length), matcher, state);
  // "beschließt der Gemeinderat wie folgt vorzugehen: Die Bürgermeisterin wird ...": the decree
  // introduces the sentence after its colon.
  const colon = text.search(/:\s/);
  if (colon > 0 && DECREE.test(text.slice(0, colon + 1))) {
    // "beschließt: a) Die FITKO erstellt …": the item's letter is no part of the sentence.
    const after = text.slice(colon + 1).replace(/^\s+(?:[a-z]\)\s+)?/, '');
    const found = actorCandidate(after, matcher, {
      ...state,
      earlier: [...state.earlier, text.slice(0, colon + 1)],
    });
    if (found) found.clause = after;
    return found;
  }
  // "Hierzu soll Herr Tuinmann ... vortragen", "Außerdem sollen die Länder ... prüfen": an opening
  // word, the modal, then who shall act.
  const inverted = INVERTED_SHALL.exec(text);
  if (inverted) {
    const at = inverted[0].length;
    const found = readAddressees(text, at, matcher, state);
    const named = found?.owners.every((o) => isPerson(o) || namesActor(o, matcher));
    const last = found ? lastWordOfMainClause(text.slice(found.end)) : '';
    // After "soll" an infinitive ends the clause ("vortragen"); a passive would end in "werden".
    if (found && named && /(?:en|ern|eln)$/.test(last) && last !== 'werden')
      return actorFound(found, text, matcher, inverted[1]);
  }
  const adverbs = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
  // Any name will do as subject when a duty verb follows it directly.
  const found = ADVERBIAL_START.test(text.slice(adverbs))
    ? undefined
    : readAddressees(text, adverbs, matcher, state);
  // "Der Gemeinderat erhebt die Stellungnahmen zu seinem Beschluss": a council's own act, its
  // decision, is no task of anyone.
  if (found && found.owners.length > 0 && found.owners.every((o) => OWN_COUNCIL.test(o))) return;
  // "Herr Becker (BMI) sagt zu, …": a person's promise in the minutes is the member's task.
  const promised = found
    ? (memberPromise(text, found, matcher) ?? memberTask(text, found, matcher))
    : undefined;
  if (promised) return promised;
  if (found) {
    // "Der Fachbereich 61 – Stadtplanung und Bauordnung legt … vor": the unit's name in apposition
    // after a dash, then its verb.
    const rest = text.slice(found.end).trimStart().replace(APPOSITION, '');
    // "Der Vorsitz wird ermächtigt, … vorzunehmen": a power given, no duty.
    if (PERMITTED.test(rest)) return undefined;
    const taken = ACTOR_VERB.exec(rest);
    // "Die Projektleitung übernimmt das StMD": a role is handed over, with its holder after the verb.
    // "Herr Meyer berichtet ...": minutes telling what a person said or did, not a duty.
    const person = found.owners.every(isPerson);
    // "BW berichtet, man werde … bis Ende März veröffentlichen": what was told, not a duty.
    // "RLP teilt mit, dass …", "Der Bürgermeister antwortet, …": told, as "berichtet, …" is.
    const told =
      /^(?:berichte|informier|erklär|kündig|antworte|erwider)\S*(?:\s+an)?\s*,/.test(rest) ||
      /^teil(?:t|en)\s+mit\s*,/.test(rest);
    const verb =
      person ||
      told ||
      (taken && /^übernimm|^übernehm/.test(taken[0]) && found.owners.some((o) => ROLE.test(o)))
        ? null
        : taken;
    // What a body the decision sets up does is its remit, not a mandate; what it delivers is one.
    const remit =
      found.owners.some((o) => state.setUp.includes(o.split(/\s+/)[0])) &&
      !DELIVERY_VERB.test(rest) &&
      parseDeadline(rest, ANY_TIME).due.kind === 'none';
    const shall = !state.pointHasMandate && shallDuty(rest, found, matcher);
    // "Hamburg übernimmt die Federführung und berichtet zur 46. Sitzung": the second verb's duty.
    const second = verb || person ? null : AND_ACTOR_VERB.exec(rest);
    if (
      !remit &&
      (verb ||
        second ||
        shall ||
        FUTURE_DUTY.test(rest) ||
        futureOfKnown(rest, found, matcher, state))
    ) {
      const c = candidate(
        found,
        text,
        found.end,
        matcher,
        'actor-statement',
        verb ? verb[0] : second ? second[0].trim() : 'wird ...',
        rest,
      );
      if (!verb && !FUTURE_DUTY.test(rest) && state.cutOff) c.uncertain.push('cut-off');
      // "haben sich ... darauf verständigt": an agreement recorded, perhaps no duty at all.
      if (verb && AGREED.test(verb[0])) c.uncertain.push('request-unclear');
      // "Die Verwaltung berichtet über die gute Resonanz": minutes may tell what was reported;
      // without a time, whether it is a duty is not sure.
      if (
        verb &&
        /^(?:berichte|informier)/.test(verb[0]) &&
        /^\S+\s+über\s/.test(rest) &&
        parseDeadline(rest, ANY_TIME).due.kind === 'none'
      )
        c.uncertain.push('request-unclear');
      return c;
    }
    // "Die FITKO unterstützt die Berichterstattung, indem sie bis zum 31. August ein Format
    // bereitstellt": a named body, a verb of its own and a time it has to keep; what it is to do is
    // likely a duty, but the verb is none the grammar knows: flagged.
    const own = person || remit || told ? null : OWN_VERB.exec(rest);
    if (
      own &&
      !NOT_A_DUTY.test(own[1]) &&
      // "unterstützen die FITKO dabei, … vorzulegen": the task is the one supported; "unterstützt
      // …, indem sie … bereitstellt": the subject's own.
      (!/^unterstütz/.test(own[1]) || /,\s*indem\s/.test(rest)) &&
      found.owners.every((o) => namesActor(o, matcher)) &&
      timed(rest)
    ) {
      const c = candidate(found, text, found.end, matcher, 'actor-statement', own[1], rest);
      c.uncertain.push('request-unclear');
      return c;
    }
  }
  // "In 2018 wird Thüringen den Fachkongress veranstalten", "Ergänzend ... stellen die Länder ... bereit".
  if (!ADVERBIAL_START.test(text)) return undefined;
  // "Nach Angaben der FITKO sollen die Länder …": what someone said, not what was decided.
  if (REPORTED.test(text)) return undefined;
  // "Anschließend legt die Bürgermeisterin drei Angebote vor": minutes telling what happened.
  if (NARRATIVE_START.test(text) && !/\b(?:bis|zur|zum|spätestens|künftig)\b/.test(text))
    return undefined;
  // The finite verb is the first word after the opening phrase that is followed by its subject.
  const verbs =
    /(?<![\p{L}-])(wird|werden|[\p{Ll}]+)\s+(?=(?:sich\s+)?(?:der|die|das|den|seine|ihre|\p{Lu}))/gu;
  let match: RegExpExecArray | null;
  while ((match = verbs.exec(text)) !== null) {
    const word = match[1];
    const previous = /(\S+)\s*$/.exec(text.slice(0, match.index))?.[1] ?? '';
    if (FUNCTION_WORD.test(previous) || FUNCTION_WORD.test(word)) continue;
    const future = word === 'wird' || word === 'werden';
    // "Bis zur 38. Sitzung soll die FITKO einen Bericht vorlegen": the modal makes it a duty.
    const shall = word === 'soll' || word === 'sollen';
    let at = match.index + match[0].length;
    if (/^sich\s/.test(text.slice(at))) at += 5;
    const subject = readAddressees(text, at, matcher, state, false);
    if (!subject) continue;
    const then = `wird ${text.slice(subject.end)}`;
    const acts =
      ACTOR_VERB.test(text.slice(match.index)) || AND_ACTOR_VERB.test(text.slice(subject.end));
    if (
      shall
        ? !ACTIVE_INFINITIVE_END.test(then)
        : future
          ? !FUTURE_DUTY.test(then) && !futureOfKnown(then, subject, matcher, state)
          : !acts
    )
      return undefined;
    return candidate(
      subject,
      text,
      subject.end,
      matcher,
      'actor-statement',
      word,
      text.slice(subject.end),
    );
  }
  return undefined;
}

/** A clause that ends in an active infinitive ("… vorlegen."), not a passive ("… werden."). */
const ACTIVE_INFINITIVE_END =
  /(?<![\p{L}-])(?!werden\b|worden\b)\p{Ll}+(?:en|ern|eln)\s*[.;!]?\s*$/u;

/** Adverbs with which minutes tell the course of a meeting, not what someone has to do. */
const NARRATIVE_START = /^(?:Anschließend|Daraufhin|Sodann|Danach|Hierauf|Zunächst)\s/;
/** A promise: "sagt zu", "erklärt sich bereit", "verpflichtet sich". */
const PROMISE =
  /^\s*((?:sagt|sagen)\s+zu|(?:erklärt|erklären)\s+sich\s+bereit|(?:verpflichtet|verpflichten)\s+sich)(?![\p{L}-])/u;

/** "… sagt (der) Bürgermeister (Kessler) zu, …": the verb before an office holder's title. */
const INVERTED_PROMISE =
  /^(?:\p{Lu}[^,.;:]{0,80}?\s)?(sagt|sagen)\s+(?:der\s+|die\s+)?((?:Ober)?[Bb]ürgermeister(?:in)?|Landrat|Landrätin|Dezernent(?:in)?|Beigeordnete[r]?|Amtsleiter(?:in)?|Verwaltung)(?:\s+(?:Dr\.\s+)?\p{Lu}[\p{L}-]+)?\s+zu(?=\s*,)/u;
/** "Auf Nachfrage sagt Bürgermeisterin Kessler zu, …" as "Die Bürgermeisterin sagt zu, …". */
export function promiseFirst(text: string): string | undefined {
  const promise = text.includes(' zu') ? INVERTED_PROMISE.exec(text) : null;
  return promise ? `Die ${promise[2]} ${promise[1]} zu${text.slice(promise[0].length)}` : undefined;
}

/** "…; sie sagt zu, …", "… und sagt zu, …": a promise after what the person said first. */
const LATER_PROMISE = /(?:[;,]\s*(?:sie|er)|\s+und)\s+(sagt\s+zu|erklärt\s+sich\s+bereit)(?=\s*,)/u;
/** ", und Frau Sauer (RP)": a further person with the member they speak for. */
const MORE_PERSON =
  /^\s*(?:,|und|sowie)\s+(?:Herrn?|Frau|Hr\.|Fr\.)\s+(?:Dr\.\s+)?[^(),.;]{1,40}?\s*\([^)]{1,30}\)/u;

/** "Herr Becker (BMI) sagt zu, …": a person, the member they speak for in brackets, a promise. */
function memberPromise(
  text: string,
  found: Addressees,
  matcher: OwnerMatcher,
): Candidate | undefined {
  if (!found.owners.every(isPerson)) return undefined;
  // "Frau Albers (NI) erläutert …; sie sagt zu, …": the same person's promise later on.
  const promise = PROMISE.exec(text.slice(found.end)) ?? LATER_PROMISE.exec(text.slice(found.end));
  const owners = promise ? personsFor(found, text, matcher) : undefined;
  if (!promise || !owners) return undefined;
  const end = found.end + promise.index + promise[0].length;
  return standingFor({ ...found, owners, end }, text, matcher, promise[1], text.slice(end));
}

/** A person's task or promise as the task of the members they stand for, said to be inferred. */
function standingFor(
  found: Addressees,
  text: string,
  matcher: OwnerMatcher,
  basis: string,
  rest: string,
): Candidate {
  const c = candidate(found, text, found.end, matcher, 'actor-statement', basis, rest);
  c.uncertain.push('owner-inferred');
  return c;
}

/**
 * "Frau Okafor (HB) konsolidiert die Anmerkungen und stellt das Ergebnis in der nächsten Sitzung
 * am 19.02.2026 vor": a person, the member in brackets, a duty verb and a date or session.
 */
function memberTask(text: string, found: Addressees, matcher: OwnerMatcher): Candidate | undefined {
  if (!found.owners.every(isPerson)) return undefined;
  // "Herr Brunner (BY) und Frau Sauer (RP) erstellen …": each person with a member.
  let end = found.end;
  for (let more; (more = MORE_PERSON.exec(text.slice(end)));) end += more[0].length;
  const rest = text.slice(end).trimStart();
  const verb = ACTOR_VERB.exec(rest) ?? AND_ACTOR_VERB.exec(rest);
  // "berichtet, Hessen habe … im Dezember abgeschlossen": what was reported, not a task.
  const told = /^\S+\s*,|(?<![\p{L}-])(?:habe|hätte|sei|werde)(?![\p{L}-])/u.test(rest);
  const owners =
    verb && !told && (timed(rest) || SESSION_TIME.test(rest))
      ? [text.slice(0, found.end), ...(text.slice(found.end, end).match(/[^()]*\([^()]*\)/g) ?? [])]
          .flatMap((person) => bracketedOwners(person, matcher))
          .filter((owner, i, all) => all.indexOf(owner) === i)
      : [];
  if (!verb || owners.length === 0) return undefined;
  return standingFor({ ...found, owners, end }, text, matcher, verb[0].trim(), rest);
}

/** Reported speech: "Nach Angaben der FITKO", "Laut Bericht des Bundes", "Wie Hamburg mitteilte". */
const REPORTED =
  /^(?:Nach\s+(?:Angaben|Auskunft|Aussage|Einschätzung|Darstellung)|Laut\s|Wie\s[^,]{1,60}?\s(?:mitteilte|berichtete|erklärte|ausführte)|(?:Medien)?[Bb]erichten\s+zufolge)/u;

const PERMITTED =
  /^(?:wird|werden|ist|sind)\s+(?:hiermit\s+|zudem\s+|ferner\s+)?(?:ermächtigt|berechtigt|befugt|autorisiert)(?![\p{L}-])/u;
/** A finite verb right after the subject ("veröffentlicht", "unterstützen"). */
const OWN_VERB = /^(\p{Ll}{3,}(?:t|en))(?![\p{L}-])(?!\s+fest\b|,?\s+dass\b)/u;
/** Verbs that tell, judge or hold rather than do: auxiliaries, modals, the council's words. */
const NOT_A_DUTY =
  /^(?:ist|sind|hat|haben|wird|werden|wurde|wurden|war|waren|kann|können|darf|dürfen|soll|sollen|muss|müssen|will|wollen|möchte|möchten|nimmt|nehmen|begrüßt|begrüßen|dankt|danken|bedauert|bedauern|hält|halten|sieht|sehen|teilt|teilen|erhält|erhalten|bleibt|bleiben|gilt|gelten|steht|stehen|liegt|liegen|geht|gehen|plant|planen|beabsichtigt|beabsichtigen|strebt|streben|erwartet|erwarten|bittet|bitten|empfiehlt|empfehlen|fordert|fordern|verfügt|verfügen|besteht|bestehen|umfasst|umfassen|betreibt|betreiben|finanziert|finanzieren|trägt|tragen|fördert|fördern|beschließt|beschließen|ergänzt|ergänzen|betont|betonen|weist|weisen|verweist|verweisen|schlägt|schlagen)$/;
/** "bis zur nächsten Sitzung", "in der übernächsten Sitzung": the group's own next sessions. */
const SESSION_TIME =
  /(?<![\p{L}-])(?:bis\s+)?(?:zur|in\s+der)\s+(?:über)?nächsten\s+Sitzung(?![\p{L}-])/u;
/** A date or session the clause names as its time (not a repetition, not some event). */
function timed(rest: string): boolean {
  const kind = parseDeadline(rest, ANY_TIME).due.kind;
  return kind === 'date' || kind === 'meeting';
}

/** Roles, not bodies: "Die Projektleitung übernimmt X" names who takes the role. */
const ROLE = /(?:leitung|führung|vorsitz|patenschaft|koordinierung)$/i;

/** A past agreement of the members: a record of what was agreed, or a commitment. */
const AGREED = /(?:verständigt|geeinigt)$/;

/** "... stimmt sich mit X ab und legt ... vor": a duty verb in a second clause. */
const AND_ACTOR_VERB = new RegExp(`\\sund\\s+${ACTOR_VERB.source.slice(1)}`, 'u');

/** Words a finite verb cannot follow or be (articles, prepositions, conjunctions). */
const FUNCTION_WORD =
  /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|und|oder|sowie|mit|von|vom|zur|zum|im|in|am|auf|für|bei|beim|nach|vor|über|unter|aus|durch|gegen|ohne|um|bis|ab|als|wie|so|auch|noch|bereits|sich|seiner|ihrer|seinen|ihren|dieser|diesem|dieses|jeweils|insbesondere)$/i;

/** Verbs of delivering a result, as opposed to a body's standing function. */
const DELIVERY_VERB =
  /^(?:berichtet|berichten|legt|legen|erarbeitet|erarbeiten|erstellt|erstellen|übermittelt|übermitteln|benennt|benennen|unterbreitet|unterbreiten|meldet|melden|definiert|definieren|prüft|prüfen|evaluiert|evaluieren|soll|sollen)(?![\p{L}-])/u;

/**
 * "Die Arbeitsgruppe soll ... vorlegen": a named body told what it shall do, in a point that asks
 * nobody else. Where the point has a request, such a sentence only lends its deadline.
 */
/** A task in the infinitive: "zu liefern", "vorzulegen". */
export const INFINITIVE =
  /(?<![\p{L}-])(?:zu\s+\p{Ll}{2,}(?:en|ern|eln)|\p{Ll}+zu\p{Ll}{2,}(?:en|ern|eln))(?![\p{L}-])/u;
/** A clause that ends in such a task. */
const ENDS_IN_INFINITIVE = new RegExp(`${INFINITIVE.source}\\s*[.;!]?\\s*$`, 'u');

function shallDuty(rest: string, found: Addressees, matcher: OwnerMatcher): boolean {
  const modal = /^(soll|sollen|hat|haben)\s/.exec(rest);
  if (!modal) return false;
  const named = found.owners.every(
    (o) => matcher.isKnownOwner(o) || BODY_HEAD.test(o.split(/\s+/)[0]),
  );
  const last = lastWordOfMainClause(rest);
  // "Die FITKO hat ... vorzulegen", "... zu berichten": must, said with "haben zu"; "hat ...
  // beschlossen" is what happened, and "hat die Aufgabe, ... zu steuern" a remit (its comma).
  if (modal[1].startsWith('ha'))
    return named && !rest.includes(',') && ENDS_IN_INFINITIVE.test(rest);
  return named && isInfinitive(last);
}

/** "überarbeiten", not a participle ("aufgehoben") nor the passive's "werden". */
export function isInfinitive(word: string): boolean {
  return /(?:en|ern|eln)$/.test(word) && word !== 'werden' && !STRONG_PARTICIPLE.test(word);
}

/**
 * "Die FITKO wird ... spiegeln": a known member or body and a future with an infinitive at the end
 * (not a passive participle); in a sentence cut off by the end of the text, the future alone.
 */
function futureOfKnown(
  rest: string,
  found: Addressees,
  matcher: OwnerMatcher,
  state: DecisionState,
): boolean {
  if (!/^(?:wird|werden)\s/.test(rest)) return false;
  // "beschließt der Gemeinderat wie folgt vorzugehen: Die Bürgermeisterin wird ... nachfragen":
  // under a decree of how to proceed, a named office's future is what it was told to do.
  const decreed =
    DECREE.test(state.earlier.join(' ')) &&
    found.owners.every((o) => BODY_HEAD.test(o.split(/\s+/)[0]));
  if (!decreed && !found.owners.every((o) => matcher.isKnownOwner(o))) return false;
  if (state.cutOff) return true;
  const last = lastWordOfMainClause(rest);
  return isInfinitive(last) && !DELIBERATION.test(last);
}

/** "sollen noch einmal prüfen, ob ...": the infinitive ends the main clause, not the sentence. */
function lastWordOfMainClause(rest: string): string {
  const main = rest.split(/,\s*(?:ob|dass|wie|inwieweit|inwiefern|wann|welche[rsnm]?)\s/u)[0];
  return /(\p{Ll}+)\s*[.!]?\s*$/u.exec(main)?.[1] ?? '';
}

/** A member or body the registry knows, or a name whose head says it is a body. */
function namesActor(owner: string, matcher: OwnerMatcher): boolean {
  return matcher.isKnownOwner(owner) || BODY_HEAD.test(owner.split(/\s+/)[0]);
}

function actorFound(
  found: Addressees,
  text: string,
  matcher: OwnerMatcher,
  basisText: string,
  action = text.slice(found.end),
): Candidate {
  return candidate(found, text, found.end, matcher, 'actor-statement', basisText, action);
}

/** "Hierzu soll", "Außerdem sollen", "Bis dahin soll": one opening word, then the modal. */
const INVERTED_SHALL = /^(?:\p{Lu}\p{Ll}+|Bis\s+dahin|Darüber\s+hinaus)\s+(soll|sollen)\s+/u;

/** A decision that says what shall be done next: "beschließt ... wie folgt vorzugehen:". */
const DECREE =
  /(?<![\p{L}-])(?:beschließt|beschließen|beschlossen)(?![\p{L}-])(?:[^.]{0,120}(?:wie\s+folgt|folgendes|Folgendes|folgende\s+Vorgehensweise)|\s*:$)/u;

/**
 * Presenting in the meeting what follows the colon: "Der Bürgermeister unterbreitet folgenden
 * Beschlussvorschlag:", "X schlägt vor:", "gibt bekannt:". No task of the presenter.
 */
export const PRESENTS =
  /(?<![\p{L}-])(?:unterbreitet|unterbreiten|schlägt|schlagen|stellt|stellen|legt|legen|trägt|tragen|gibt|geben|bringt|bringen)(?![\p{L}-])[^.;:]*?(?:(?<![\p{L}-])(?:folgend|folgende|folgenden|folgendes|nachstehend\p{Ll}*)\s+\p{Lu}[\p{L}-]*|(?<![\p{L}-])(?:vor|bekannt))\s*$/u;

/** No session, year or calendar: only whether a clause names any time at all. */
const ANY_TIME: DeadlineContext = { year: 2000, calendar: [], councilAliases: [] };

/** Members meeting to deliberate ("werden sich ... befassen") do the council's work, not a task. */
const DELIBERATION =
  /^(?:befassen|beraten|austauschen|beschließen|entscheiden|tagen|treffen|verständigen|abstimmen)$/;

/** Strong participles end in -en like infinitives: "gebeten", "vorgesehen", "übertragen". */
export const STRONG_PARTICIPLE =
  /(?:gebeten|geladen|gesehen|gebunden|tragen|genommen|gewiesen|wiesen|schieden|schlossen|gegeben|troffen|geschlagen|hoben|schrieben|sprochen|zogen|lassen|gangen|worden|gefunden|gehalten|geworfen|geraten|gewonnen|gestanden|geblieben)$/;

/**
 * "unter der Maßgabe, dass ... die Vorlage durch die Fachverwaltung erläutert wird": a passive
 * duty in a condition the decision sets, its actor named with "durch".
 */
const PASSIVE_AGENT =
  /(?<![\p{L}-])(?:Maßgabe|Auflage|Bedingung|Voraussetzung),\s*dass\s+[^.;]*?(?<![\p{L}-])durch\s+(?=(?:die|den|das|der|dem)\s[^.;]*?\s\p{Ll}{3,}(?:t|en)\s+(?:wird|werden)\s*[.;]?\s*$)/u;

/** "Die Umsetzung erfolgt durch die FITKO …": the subject is the task, after "durch" who does it. */
const DONE_BY =
  /^((?:Die|Der|Das)\s+\p{Lu}[^,.;]{0,80}?)\s(?:erfolgt|erfolgen)\s+((?:[^.;]|(?<=\d)\.){0,40}?\s)?durch\s+(?=(?:die|den|das|der|dem)\s)/u;

/** "Die Mittel sind durch die Federführer ... zu beantragen": a duty with its actor named. */
export function agentCandidate(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  const passive = PASSIVE_AGENT.exec(text);
  if (passive) {
    const found = readAddressees(text, passive.index + passive[0].length, matcher, state);
    if (found?.owners.every((o) => namesActor(o, matcher)))
      return actorFound(found, text, matcher, 'durch ... wird');
  }
  // "Die Umsetzung erfolgt durch die FITKO bis zum 31.12.2022": what is done, by whom, by when
  // (without a time it names a role, "Die Koordinierung erfolgt durch Hessen", and is no duty).
  const done = DONE_BY.exec(text);
  if (done && TIME_CUE.test(text)) {
    const found = readAddressees(text, done.index + done[0].length, matcher, state);
    if (found?.owners.every((o) => namesActor(o, matcher)))
      return actorFound(
        found,
        text,
        matcher,
        'erfolgt durch',
        `${done[1]} ${done[2] ?? ''}${text.slice(found.end).trim()}`,
      );
  }
  const duty =
    /(?<![\p{L}-])(?:ist|sind)(?![\p{L}-])[^.;]*?(?<![\p{L}-])durch\s+(?=(?:die|den|das|der|dem)\s)/u.exec(
      text,
    );
  if (!duty || !/(?:zu\s+\p{Ll}+en|\p{Ll}+zu\p{Ll}{2,}en)\s*\.?\s*$/u.test(text)) return undefined;
  const at = duty.index + duty[0].length;
  const found = readAddressees(text, at, matcher, state);
  if (!found) return undefined;
  // "die durch den Bund freigegebenen Stamminformationen": who released them, not who must act.
  if (/^\s+\p{Ll}+(?:e|en|er|es|em)\s+\p{Lu}/u.test(text.slice(found.end))) return undefined;
  return actorFound(found, text, matcher, 'ist durch ... zu');
}

/** "richtet eine gemeinsame Transformationseinheit ein", "beschließt die Einrichtung eines Projektes". */
export function setUpBodies(text: string): string[] {
  if (!/(?:richte|errichte|Einrichtung|gründe|Gründung|setzt|setzen|eingerichtet)/.test(text))
    return [];
  const found: string[] = [];
  const pattern =
    /(?<![\p{L}-])(?:richtet|richten|errichtet|errichten|gründet|gründen|setzt|setzen|Einrichtung|Gründung)(?![\p{L}-])\s+(?:[^.;,]{0,80}?\s)?(?:eine[nrs]?|ein)\s+(?:\p{Ll}+\s+){0,3}(\p{Lu}[\p{L}-]*)/gu;
  for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** In minutes, a participant's own statement without a time of its own tells the meeting's course. */
export function toldInMinutes(m: ExtractedMandate): boolean {
  return (
    m.basis === 'actor-statement' &&
    // "Der Bund berichtet über den Stand. Der Entwurf soll im Mai vorliegen.": a report told, with
    // a time lent by the next sentence only.
    (m.due.kind === 'none' ||
      (m.uncertain.includes('deadline-borrowed') && /^(?:berichte|informier)/.test(m.basisText))) &&
    !/^(?:soll|sollen|wird|werden|wird \.\.\.|durch|ist durch)/.test(m.basisText)
  );
}
