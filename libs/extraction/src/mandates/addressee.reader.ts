import { displayName, matchableText } from './mention-text';
import {
  BODY_HEAD,
  isPerson,
  readUnknownName,
  type OwnerMatcher,
  type UnknownName,
} from './owner-matcher';
import type { MandateBasis } from '../extraction.types';
import type { Addressees, Candidate, DecisionState } from './decision.state';

/**
 * What may open a subject before its name: a list marker ("1.", "b)", "-"), then adverbs
 * ("Zudem", "Hiermit"). Matches the empty string where there is neither.
 */
export const LEADING_ADVERBS =
  /^(?:(?:\d{1,2}(?:\.\)|[.)])|[a-h]\)|[-–•])\s+(?=\p{Lu})(?!(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b))?(?:(?:zudem|ferner|außerdem|weiterhin|darüber hinaus|des weiteren|hierzu|dazu|dabei|hierfür|zugleich|ebenso|daher|deshalb|insbesondere|ausdrücklich|erneut|nochmals|zusätzlich|gleichzeitig|ergänzend|darüber\s+hinaus|er|auch|somit|deswegen|jeweils|im\s+übrigen|hiermit|folglich|einstimmig|mehrheitlich),?\s+)*/iu;
const PARTNER_MARKER =
  /(?<![\p{L}-])(?:in\s+Zusammenarbeit\s+mit|in\s+Abstimmung\s+mit|im\s+Benehmen\s+mit|im\s+Einvernehmen\s+mit|gemeinsam\s+mit|zusammen\s+mit|unter\s+(?:Beteiligung|Einbindung|Mitwirkung|Einbeziehung)\s+(?:von|der|des)?|mit\s+Unterstützung\s+(?:von|der|des|durch)?|(?:und\s+)?Mitarbeit\s+(?:von|der|des)?|mit)\s+/gu;
/** Officials who stand for members: "die Vertreterinnen und Vertreter", "die Amtschefs", "die Minister", "die CIOs". */
const OFFICIAL = String.raw`(?:Vertreter|Amtschef|Staatssekretär|Minister|Senator|Regierungschef|Chef|CIO|IT-Beauftragte)(?:innen|in|en|e|s|n|r)?`;
/** The head of a body the registry knows: "den Präsidenten der FITKO" is the FITKO's. */
const HEAD_OF =
  /^(?:(?:die|den|der)\s+)?(?:Präsident|Direktor|Geschäftsführer|Leiter)(?:innen|in|en|e|s|n)?\s+(?:der|des)\s+/iu;
const REPRESENTATIVES = new RegExp(
  String.raw`^(?:(?:die|den|der)\s+)?${OFFICIAL}(?:\s+und\s+(?:(?:die|den)\s+)?-?${OFFICIAL})?\s+(?=(?:der|des)\s)`,
  'iu',
);

/** Words of which every partner marker has one (speed). */
const PARTNER_HINT =
  /mit\s|Beteiligung|Einbindung|Mitwirkung|Einbeziehung|Mitarbeit|einzu|beteiligen|hinzuzuziehen/;
const INVOLVE =
  /(?<![\p{L}-])(?:einzuladen|einzubinden|einzubeziehen|zu\s+beteiligen|hinzuzuziehen)(?![\p{L}-])/u;
const DEFINED_LEADS =
  /^(?:[Dd]ie|[Dd]en|[Dd]er|[Dd]as|[Dd]em)\s+(?:Federführer|federführenden?\s+(?:Länder|Land|Stellen|Stelle|Partner))(?![\p{L}-])/u;
const POINT_REFERENCE =
  /^(?:die|der|das|den|dem)\s+(?:in|unter)\s+(?:Ziffer|Nr\.|Nummer|Punkt)\s*\d{1,2}\s+(?:eingesetzte|gebildete|eingerichtete|gegründete)[nrs]?\s+(?=\p{Lu})/iu;
const MEMBERS_OF =
  /^(?:[Dd]ie|[Dd]en)\s+Mitglieder[n]?\s+(?:der|des)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)(?![\p{L}-])/u;
/** "setzt eine Lenkungsgruppe E-Rechnung ein, der der Bund, Bayern … angehören": its members. */
const SET_UP_WITH_MEMBERS =
  /(?<![\p{L}-])(?:setzt|setzen|richtet|richten)\s+(?:eine[nrs]?|ein)\s+(\p{Lu}[^,;.]{2,80}?)\s+(?:ein|an)\s*,\s*(?:der|dem|in\s+der|in\s+dem)\s+(?=\S)/u;
const BELONG = /\s(?:angehören|angehört|vertreten\s+sind|mitwirken)\b/;

/** The members a sentence gives a body it sets up, if it does. */
export function membersSetUp(
  text: string,
  matcher: OwnerMatcher,
): { head: string; owners: string[] } | undefined {
  const setUp =
    /(?:setz|richte)/.test(text) && BELONG.test(text) ? SET_UP_WITH_MEMBERS.exec(text) : null;
  if (!setUp || !BELONG.test(text.slice(setUp.index + setUp[0].length))) return undefined;
  const list = matcher.readList(text, setUp.index + setUp[0].length, { unknownFirst: false });
  const owners = (list?.owners ?? []).filter((o) => matcher.isKnownOwner(o));
  return owners.length > 1 ? { head: setUp[1].trim(), owners } : undefined;
}

const HEAD_ABBREVIATIONS: Record<string, string> = {
  Arbeitsgruppe: 'AG',
  Projektgruppe: 'PG',
  Koordinierungsgruppe: 'KG',
  Arbeitskreis: 'AK',
};
/** Groups set up for a task, named after it where the text gives no name ("die Arbeitsgruppe"). */
const TASK_GROUP = /(?:gruppe|^AG|^PG)$/;
const PRONOUN = /^(sie|Sie|ihn|es|diese|diesen|dieses)(?![\p{L}-])/u;
/** Bodies of which gender, for "ihn" (masculine) and "sie" (feminine or plural). */
const MASCULINE = /(?:kreis|stab|ausschuss|rat|beirat|vorsitz|verbund|beauftragter|AK|Bund)$/;
const NEUTER =
  /(?:gremium|projekt|programm|amt|team|büro|zentrum|netzwerk|ministerium|management|Land)$/;

/** Reads the addressees at `at`, resolving pronouns, "die Federführer" and "das Koordinierungsprojekt". */
export function readAddressees(
  text: string,
  at: number,
  matcher: OwnerMatcher,
  state: DecisionState,
  unknownFirst = true,
): Addressees | undefined {
  const rest = text.slice(at);
  // "Die unter Ziffer 2 eingesetzte Arbeitsgruppe": the body read at its noun (the point's group).
  const referred = POINT_REFERENCE.exec(rest);
  if (referred) return readAddressees(text, at + referred[0].length, matcher, state, unknownFirst);
  const pronoun = PRONOUN.exec(rest);
  if (pronoun) {
    const own = text.slice(0, at);
    const sentence = state.prefix ?? own;
    const before = sentence.includes(own)
      ? sentence.slice(0, sentence.lastIndexOf(own) + own.length)
      : own;
    const owners = resolvePronoun(pronoun[1], before, state, matcher);
    return owners.length > 0 ? { owners, end: at + pronoun[0].length, inferred: true } : undefined;
  }
  // "die Mitglieder der Lenkungsgruppe": those the decision named as its members when it set it up.
  const membersOf = MEMBERS_OF.exec(rest);
  const members = membersOf
    ? state.members?.find((m) => m.head === membersOf[1] || m.head.startsWith(`${membersOf[1]} `))
    : undefined;
  if (membersOf && members)
    return { owners: [...members.owners], end: at + membersOf[0].length, inferred: false };
  // "Die Ämter 61 und 66", "die Dezernate II und IV": numbered units, one owner each.
  const units = NUMBERED_UNITS.exec(rest);
  if (units) {
    const head = UNIT_SINGULAR[units[1]];
    const owners = units[2].split(/\s*(?:,|\bund\b|\bsowie\b)\s*/).map((n) => `${head} ${n}`);
    return { owners, end: at + units[0].length, inferred: false };
  }
  // "die Federführer": those the decision itself names as leads; a definition, not a guess.
  const leads = DEFINED_LEADS.exec(rest);
  if (leads && state.leads.length > 0)
    return { owners: [...state.leads], end: at + leads[0].length, inferred: false };
  // "beide Berichterstatter": the two the request before names.
  const both = /^(?:die\s+)?beiden?\s+[\p{Lu}][\p{L}-]*/u.exec(rest);
  if (both && state.lastParties.length === 2)
    return { owners: [...state.lastParties], end: at + both[0].length, inferred: true };
  // "Die Vertreter der KoSIT, des BMI und des Landes Hessen", "die Amtschefinnen und Amtschefs
  // der Länder BW, BY und NW": those they represent.
  const representatives = REPRESENTATIVES.exec(rest);
  const head = representatives ? null : HEAD_OF.exec(rest);
  const from = representatives
    ? at + representatives[0].length
    : head && matcher.mentionAt(text, at + head[0].length)
      ? at + head[0].length
      : at;
  const list = matcher.readList(text, from, { unknownFirst: unknownFirst || !!representatives });
  if (!list) return undefined;
  let inferred = list.subset;
  const owners = list.owners.map((owner) => {
    const name = list.names.find((n) => n.name === owner);
    if (!name) return owner;
    const resolved = resolveBareHead(name, state, matcher, text.slice(0, name.start));
    if (resolved.guessed) inferred = true;
    return resolved.owner;
  });
  for (const phrase of list.restricted) {
    // "die beteiligten Länder": the Länder the decision named before; "die übrigen Länder": the
    // others.
    const named = namedStates(state.context, matcher);
    inferred = true;
    const others = OTHERS.test(phrase) && /Länder$/.test(phrase);
    // "die übrigen Teilnehmenden": the attending members (minutes' attendance line) not named.
    const attending = OTHERS.test(phrase) ? matcher.canonical('alle Teilnehmenden') : undefined;
    if (attending && /Teilnehm/.test(phrase)) {
      const before = namedMembers(state.context, matcher);
      owners.push(...attending.owners.filter((c) => !before.includes(c)));
    } else if (others && named.length > 0)
      owners.push(...matcher.states().filter((c) => !named.includes(c)));
    else if (named.length > 0) owners.push(...named);
    else owners.push(phrase);
  }
  if (owners.length === 0) return undefined;
  return { owners: [...new Set(owners)], end: list.end, inferred };
}

const UNIT_SINGULAR: Record<string, string> = {
  Ämter: 'Amt',
  Fachbereiche: 'Fachbereich',
  Dezernate: 'Dezernat',
  Referate: 'Referat',
  Abteilungen: 'Abteilung',
  Sachgebiete: 'Sachgebiet',
  Fachdienste: 'Fachdienst',
};
const NUMBERED_UNITS =
  /^(?:[Dd]ie\s+)?(Ämter|Fachbereiche|Dezernate|Referate|Abteilungen|Sachgebiete|Fachdienste)\s+((?:[\dIVX]{1,4})(?:\s*,\s*[\dIVX]{1,4})*\s+(?:und|sowie)\s+[\dIVX]{1,4})(?![\p{L}\d])/u;

/** Words that link a body to what it did or said, not to the rest of its name. */
const OBJECT_LINK = /\s(?:zum|zur|im|am|beim|in)\s/u;

/** "die übrigen Länder", "die anderen Länder": all but those named before. */
const OTHERS = /^(?:übrige|andere|restliche|verbleibende|sonstige|weitere)\s/;

/** The members a decision names, in order: for "die übrigen Teilnehmenden". */
function namedMembers(context: string, matcher: OwnerMatcher): string[] {
  return [
    ...new Set(
      matcher
        .findAll(context)
        .filter((m) => m.kind === 'member')
        .flatMap((m) => m.owners),
    ),
  ];
}

/** The Länder a decision names, in order: for "die beteiligten Länder". */
function namedStates(context: string, matcher: OwnerMatcher): string[] {
  return namedMembers(context, matcher).filter((code) => matcher.isState(code));
}

/** "sie" after a request: those asked before, else the body the decision last named. */
function resolvePronoun(
  pronoun: string,
  before: string,
  state: DecisionState,
  matcher: OwnerMatcher,
): string[] {
  const word = pronoun.toLowerCase();
  if ((word === 'sie' || word === 'diese') && state.lastOwners.length > 0) return state.lastOwners;
  const context = `${state.context} ${before}`;
  const bodies = [
    ...matcher
      .findAll(context)
      .filter((m) => m.kind === 'body')
      .map((m) => ({ at: m.start, name: m.owners[0], head: m.text })),
    ...bodyNames(context, matcher, true).map((b) => ({
      at: b.start,
      name: b.owners[0],
      head: b.owners[0],
    })),
  ].sort((a, b) => a.at - b.at);
  const fits = (head: string) => {
    const last = head.split(/\s+/)[0];
    if (word === 'ihn' || word === 'diesen') return MASCULINE.test(last);
    if (word === 'es' || word === 'dieses') return NEUTER.test(last);
    return !MASCULINE.test(last) && !NEUTER.test(last);
  };
  const match = [...bodies].reverse().find((b) => fits(b.head));
  return match ? [match.name] : [];
}

/**
 * "das Koordinierungsprojekt" after "Koordinierungsprojekt Registermodernisierung" means the latter.
 * `guessed` where the decision names no single such body: several, or none (named after the title).
 */
function resolveBareHead(
  name: UnknownName,
  state: DecisionState,
  matcher: OwnerMatcher,
  before: string,
): { owner: string; guessed: boolean } {
  const kept = { owner: name.name, guessed: false };
  if (name.name !== name.head || !BODY_HEAD.test(name.head)) return kept;
  const context = `${state.context} ${before}`;
  const abbreviation = HEAD_ABBREVIATIONS[name.head];
  const known = matcher
    .findAll(context)
    .filter((m) => m.kind === 'body')
    .filter((m) =>
      [m.text, ...m.owners].some(
        (t) => t.startsWith(name.head) || (abbreviation && t.startsWith(`${abbreviation} `)),
      ),
    )
    .map((m) => m.owners[0]);
  if (known.length > 0) return { owner: known[known.length - 1], guessed: new Set(known).size > 1 };
  // "die Bund-Länder-Arbeitsgruppe Cloud-Strategie" for "die Arbeitsgruppe": a compound's head.
  const pattern = new RegExp(`(?<![\\p{L}-])(?:\\p{L}+-)*${name.head}(?![\\p{L}-])`, 'gu');
  const named: string[] = [];
  for (const match of context.matchAll(pattern)) {
    const found = readUnknownName(context, match.index as number, matcher);
    // "den Bericht der Verwaltung zum Stand der E-Akte zur Kenntnis": what the body did, not its name.
    if (found && found.name !== name.head && !OBJECT_LINK.test(found.name))
      named.push(matcher.canonical(displayName(found.name))?.owners[0] ?? found.name);
  }
  if (named.length > 0) return { owner: named[named.length - 1], guessed: new Set(named).size > 1 };
  // A group the decision sets up or asks without naming it is the group on the decision's subject.
  // Where the registry knows a group by that name, the reading is the registry's, not a guess.
  if (TASK_GROUP.test(name.head) && state.title) {
    const titled = `${name.head} ${state.title}`;
    const known = matcher.canonical(titled)?.owners[0];
    return { owner: known ?? titled, guessed: known === undefined };
  }
  return kept;
}

/** Who a decision is about where its request names nobody ("bittet um zügige Umsetzung"). */
export function fallbackOwners(
  sentence: string,
  state: DecisionState,
  matcher: OwnerMatcher,
): { owners: string[] } {
  // "den durch das BMI und den Aufbaustab vorgelegten Rahmen": those who presented it.
  const presented =
    /(?<![\p{L}-])(?:durch|von)\s+(.{3,160}?)\s+(?:vorgelegten|vorgelegte|erarbeiteten|erstellten)(?![\p{L}-])/u.exec(
      sentence,
    );
  if (presented) {
    const at = presented.index + presented[0].indexOf(presented[1]);
    const list = matcher.readList(sentence, at, { unknownFirst: true });
    if (list && list.owners.length > 0) return { owners: list.owners };
  }
  for (const text of [sentence, matchableText(state.point?.text ?? ''), state.context]) {
    const mentions = matcher.findAll(text).filter((m) => m.kind !== 'council');
    const bodies = bodyNames(text, matcher);
    const firstBody = [...mentions.filter((m) => m.kind === 'body'), ...bodies].sort(
      (a, b) => a.start - b.start,
    )[0];
    if (firstBody) return { owners: firstBody.owners };
    if (mentions.length > 0) return { owners: mentions[0].owners };
  }
  return { owners: [] };
}

/** Names of bodies in a text; single words ("Steuerungskreis") only where `bare`. */
export function bodyNames(
  text: string,
  matcher: OwnerMatcher,
  bare = false,
): Array<{ start: number; owners: string[] }> {
  const found: Array<{ start: number; owners: string[] }> = [];
  for (const match of text.matchAll(/(?<![\p{L}-])[\p{Lu}][\p{L}-]*(?![\p{L}-])/gu)) {
    if (!BODY_HEAD.test(match[0])) continue;
    if (matcher.mentionAt(text, match.index as number)?.kind === 'council') continue;
    const named = readUnknownName(text, match.index as number, matcher);
    if (named && (bare || named.name !== named.head))
      found.push({ start: named.start, owners: [named.name] });
  }
  return found;
}

export function partnersIn(
  text: string,
  from: number,
  owners: string[],
  matcher: OwnerMatcher,
): string[] {
  const partners: string[] = [];
  const add = (list: string[]) => {
    for (const p of list) if (!owners.includes(p) && !partners.includes(p)) partners.push(p);
  };
  const rest = text.slice(from);
  if (!PARTNER_HINT.test(rest)) return partners;
  for (const marker of rest.matchAll(PARTNER_MARKER)) {
    const at = (marker.index as number) + marker[0].length;
    const explicit = !/^mit\s+$/.test(marker[0]);
    const list = matcher.readList(rest, at, { unknownFirst: explicit });
    if (list) add(list.owners);
  }
  const involve = INVOLVE.exec(rest);
  if (involve) {
    add(
      matcher
        .findAll(rest.slice(0, involve.index))
        .filter((m) => m.kind !== 'council')
        .flatMap((m) => m.owners),
    );
  }
  return partners;
}

/**
 * Members a sentence names as leads: "Die Federführung wird durch die Länder X und Y
 * wahrgenommen", "unter Federführung von X", "die Federführer X und Y", "X und Y übernehmen die
 * Federführung". A member merely mentioned nearby ("bei der FITKO") is no lead.
 */
export function definedLeads(text: string, matcher: OwnerMatcher): string[] {
  if (!/Federführ|federführ/.test(text)) return [];
  const leads: string[] = [];
  const members = (list: { owners: string[] } | undefined) =>
    (list?.owners ?? []).filter((o) => matcher.isKnownOwner(o));
  for (const match of text.matchAll(LEAD_MARKER)) {
    const at = (match.index as number) + match[0].length;
    leads.push(...members(matcher.readList(text, at, { unknownFirst: false })));
  }
  const taking =
    /\s(?:übernehmen|übernimmt|haben|hat|tragen|trägt)\s+(?:die|gemeinsam\s+die)\s+Federführung/.exec(
      text,
    );
  if (taking) {
    const start = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
    const list = matcher.readList(text, start, { unknownFirst: false });
    if (list && list.end <= taking.index + 1) leads.push(...members(list));
  }
  // "Die Federführung übernehmen Hamburg und Brandenburg.": the holders after the verb.
  const taken =
    /(?:^|\s)Die\s+(?:gemeinsame\s+)?Federführung\s+(?:übernehmen|übernimmt|haben|hat|tragen|trägt)\s+/.exec(
      text,
    );
  if (taken)
    leads.push(
      ...members(matcher.readList(text, taken.index + taken[0].length, { unknownFirst: false })),
    );
  return [...new Set(leads)];
}

const LEAD_MARKER =
  /(?:Federführung(?:\s+(?:des|der)\s+[\p{L}-]+)?\s+(?:\S+\s+){0,2}?(?:durch|von|bei)|unter\s+(?:der\s+)?Federführung\s+(?:von|des|der)?|Federführer(?:innen|n)?|federführenden?\s+(?:Länder|Land)?)\s+/gu;

export function actionText(text: string): string {
  return (
    text
      .replace(/^[\s,;:]+/, '')
      // "… vorzulegen, und" before the next request of the sentence: the link word is not the task's.
      .replace(/(?:[\s,]+(?:und|sowie|oder))?[\s.;,]+$/, '')
      .replace(/\s{2,}|[^\S ]/g, ' ')
  );
}

/** A request with the addressees read, its partners and action from the rest of the text. */
export function candidate(
  found: Addressees,
  text: string,
  partnersFrom: number,
  matcher: OwnerMatcher,
  basis: MandateBasis,
  basisText: string,
  action: string,
  clause: string = text,
): Candidate {
  return {
    owners: found.owners,
    partners: partnersIn(text, partnersFrom, found.owners, matcher),
    action: actionText(action),
    clause,
    basis,
    basisText,
    uncertain: found.inferred ? ['owner-inferred'] : [],
  };
}

/** "Hr. Schneider (HE)", "Herr Becker (BMI)": whom the bracket that ends the text names; none if none. */
export function bracketedOwners(text: string, matcher: OwnerMatcher): string[] {
  const bracket = /\(([^()]{2,40})\)\s*$/.exec(text);
  if (!bracket) return [];
  const named = matcher.findAll(bracket[1]).filter((m) => m.kind !== 'council');
  return [...new Set(named.flatMap((m) => m.owners))];
}

/** "Herr Dr. Lange (i. V. für TH)": persons, for the members in brackets; undefined otherwise. */
export function personsFor(
  found: Addressees,
  text: string,
  matcher: OwnerMatcher,
): string[] | undefined {
  if (!found.owners.every(isPerson)) return undefined;
  const owners = bracketedOwners(text.slice(0, found.end), matcher);
  if (owners.length > 0) return owners;
  // "Erster Bürgermeister Huber sagt zu, …": an office holder by title and name, the office.
  const offices = found.owners.map((o) => OFFICE_TITLE.exec(o)?.[1]);
  return offices.every((o) => o !== undefined) ? [...new Set(offices as string[])] : undefined;
}
const OFFICE_TITLE =
  /^((?:Erste[rn]?\s+|Zweite[rn]?\s+)?(?:Ober)?[Bb]ürgermeister(?:in)?|Landrat|Landrätin|Ortsvorsteher(?:in)?|Bezirksvorsteher(?:in)?|Amtsdirektor(?:in)?)\s+\p{Lu}/u;
