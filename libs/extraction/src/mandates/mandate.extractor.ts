import type { CalendarSession, Due, ExtractedMandate } from '../extraction.types';
import { lineAt, tidy, type PointText } from '../document/decision-points';
import type { ParsedResolution } from '../document/parsed-document';
import { splitSentences } from '../text/sentences';
import { parseDeadline, type DeadlineContext } from './deadline.parser';
import {
  BODY_HEAD,
  matchableText,
  readUnknownName,
  type OwnerMatcher,
  type UnknownName,
} from './owner-matcher';

export interface MandateContext {
  matcher: OwnerMatcher;
  meeting: number;
  calendar: CalendarSession[];
  /** Year of the document, where a decision's number does not give one. */
  year: number;
}

interface Candidate {
  owners: string[];
  partners: string[];
  action: string;
  clause: string;
}

/** The council asks or commissions someone: "bittet", "beauftragt", "ersucht", "fordert ... auf". */
const ACTIVE =
  /(?<![\p{L}-])(bittet|bitten|beauftragt|beauftragen|ersucht|ersuchen|fordert|fordern)(?![\p{L}-])/gu;
const PASSIVE =
  /(?<![\p{L}-])(?:wird|werden)(?![\p{L}-])(.{0,120}?)(?<![\p{L}-])(gebeten|beauftragt|aufgefordert|ersucht)(?![\p{L}-])/u;
const LEADING_ADVERBS =
  /^(?:(?:zudem|ferner|außerdem|weiterhin|darüber hinaus|des weiteren|hierzu|dazu|dabei|hierfür|zugleich|ebenso|daher|deshalb|insbesondere|ausdrücklich|erneut|nochmals|zusätzlich|gleichzeitig|ergänzend|darüber\s+hinaus),?\s+)+/i;
/** A named actor's own duty ("Sachsen und FITKO berichten ...", "Die FITKO legt ... vor"). */
const ACTOR_VERB =
  /^(?:berichtet|berichten|legt|legen|stellt(?!\s+fest)|stellen(?!\s+fest)|erarbeitet|erarbeiten|erstellt|erstellen|prüft|prüfen|übermittelt|übermitteln|unterrichtet|unterrichten|informiert|informieren|entwickelt|entwickeln|setzt|setzen|führt|führen|koordiniert|koordinieren|sorgt|sorgen|veranlasst|veranlassen|bereitet|bereiten|organisiert|organisieren|evaluiert|evaluieren|überarbeitet|überarbeiten|aktualisiert|aktualisieren|unterbreitet|unterbreiten|schlägt|schlagen|richtet|richten|gewährleistet|gewährleisten|erhebt|erheben|benennt|benennen|leitet|leiten|meldet|melden|schafft|schaffen|treibt|treiben)(?![\p{L}-])/u;
const FUTURE_DUTY =
  /^(?:wird|werden)\b.*\b(?:berichten|vorlegen|vorstellen|erarbeiten|erstellen|prüfen|übermitteln|informieren|unterrichten|entwickeln|umsetzen|bereitstellen|sicherstellen|koordinieren|durchführen|fortführen|überarbeiten|aktualisieren|benennen|melden)\s*[.]?$/u;
const PARTNER_MARKER =
  /(?<![\p{L}-])(?:in\s+Zusammenarbeit\s+mit|in\s+Abstimmung\s+mit|im\s+Benehmen\s+mit|im\s+Einvernehmen\s+mit|gemeinsam\s+mit|zusammen\s+mit|unter\s+(?:Beteiligung|Einbindung|Mitwirkung|Einbeziehung)\s+(?:von|der|des)?|mit\s+Unterstützung\s+(?:von|der|des)?|mit)\s+/gu;
const INVOLVE =
  /(?<![\p{L}-])(?:einzuladen|einzubinden|einzubeziehen|zu\s+beteiligen|hinzuzuziehen)(?![\p{L}-])/u;
const DEFINED_LEADS =
  /^(?:[Dd]ie|[Dd]en|[Dd]er)\s+(?:Federführer|federführenden\s+(?:Länder|Stellen|Partner))(?![\p{L}-])/u;
const HEAD_ABBREVIATIONS: Record<string, string> = {
  Arbeitsgruppe: 'AG',
  Projektgruppe: 'PG',
  Koordinierungsgruppe: 'KG',
};

/** Finds every mandate in the points of the given decisions. */
export function extractMandates(
  resolutions: ParsedResolution[],
  ctx: MandateContext,
): ExtractedMandate[] {
  return resolutions.flatMap((resolution) => mandatesOf(resolution, ctx));
}

function mandatesOf(resolution: ParsedResolution, ctx: MandateContext): ExtractedMandate[] {
  const year = Number(/^(?:B-)?(\d{4})/.exec(resolution.id)?.[1] ?? ctx.year);
  const deadlines: DeadlineContext = {
    meeting: ctx.meeting,
    year,
    calendar: ctx.calendar,
    councilAliases: ctx.matcher.councilAliases,
  };
  const out: ExtractedMandate[] = [];
  let context = matchableText(resolution.title ?? '');
  let leads: string[] = [];

  for (const point of resolution.points) {
    const inPoint: ExtractedMandate[] = [];
    for (const sentence of splitSentences(point.text)) {
      const text = matchableText(withoutQuotedText(sentence.text));
      const candidates = candidatesIn(text, ctx.matcher, { context, point, leads });
      const source = tidy(sentence.text);
      const line = lineAt(point, sentence.offset);
      if (candidates.length === 0) {
        // "In der 38. Sitzung soll berichtet werden." only adds a deadline to the point's mandate.
        const deadline = parseDeadline(text, deadlines);
        const previous = inPoint[inPoint.length - 1];
        if (
          deadline.due.kind !== 'none' &&
          previous &&
          previous.due.kind === 'none' &&
          isImpersonal(text)
        ) {
          previous.due = deadline.due;
          previous.dueText = deadline.text;
        }
      }
      for (const candidate of candidates) {
        const deadline = parseDeadline(candidate.clause, deadlines);
        const mandate: ExtractedMandate = {
          resolution: resolution.id,
          point: point.number,
          owners: candidate.owners,
          partners: candidate.partners,
          action: candidate.action,
          due: deadline.due,
          dueText: deadline.text,
          source,
          line,
        };
        const same = inPoint.find(
          (m) => sameOwners(m.owners, mandate.owners) && sameDue(m.due, mandate.due),
        );
        if (same) {
          same.action = `${same.action}; ${mandate.action}`;
          for (const partner of mandate.partners)
            if (!same.partners.includes(partner)) same.partners.push(partner);
        } else {
          inPoint.push(mandate);
        }
      }
      const defined = definedLeads(text, ctx.matcher);
      if (defined.length > 0) leads = defined;
      context = `${context} ${text}`;
    }
    out.push(...inPoint);
  }
  return out;
}

/**
 * Text the council quotes (a resolution it recommends another body to adopt) holds no mandate
 * of the council; short quotes are names ("Koordinierungsprojekt „Blockchain“") and stay.
 */
function withoutQuotedText(text: string): string {
  return text.replace(/[„“"]([^„“”"]*)[“”"]/g, (quote: string, inner: string) =>
    inner.trim().split(/\s+/).length > 5 ? '„…“' : quote,
  );
}

function sameOwners(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((owner) => b.includes(owner));
}

function sameDue(a: Due, b: Due): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isImpersonal(text: string): boolean {
  return /\b(?:soll|sollen|ist|sind|hat|haben)\b.*\b(?:werden|erfolgen|vorzulegen|vorzusehen|zu berichten)\b|\bberichtet werden\b/.test(
    text,
  );
}

interface SentenceScope {
  /** Title and text read before this sentence, for "das Koordinierungsprojekt" and the like. */
  context: string;
  point: PointText;
  /** Owners the decision itself named as leads ("die Federführer"). */
  leads: string[];
}

function candidatesIn(text: string, matcher: OwnerMatcher, scope: SentenceScope): Candidate[] {
  const passive = PASSIVE.exec(text);
  if (passive) {
    const candidate = passiveCandidate(text, passive, matcher, scope);
    return candidate ? [candidate] : [];
  }
  const verbs = [...text.matchAll(ACTIVE)];
  if (verbs.length > 0 && councilIsSubject(text.slice(0, verbs[0].index), matcher)) {
    return verbs.flatMap((verb, n) => {
      const end = n + 1 < verbs.length ? (verbs[n + 1].index as number) : text.length;
      const clause = text.slice((verb.index as number) + verb[0].length, end);
      const candidate = activeCandidate(clause, text, matcher, scope);
      return candidate ? [candidate] : [];
    });
  }
  const actor = actorCandidate(text, matcher, scope);
  return actor ? [actor] : [];
}

function councilIsSubject(before: string, matcher: OwnerMatcher): boolean {
  const subject = before.trim();
  if (subject === '' || /^(?:Er|Es|Zudem|Ferner|Außerdem|Weiterhin|Darüber hinaus)\b/.test(subject))
    return true;
  return matcher.findAll(subject).some((mention) => mention.kind === 'council');
}

function activeCandidate(
  clause: string,
  sentence: string,
  matcher: OwnerMatcher,
  scope: SentenceScope,
): Candidate | undefined {
  const lead = /^\s*/.exec(clause)?.[0].length ?? 0;
  const adverbs = LEADING_ADVERBS.exec(clause.slice(lead))?.[0].length ?? 0;
  const at = lead + adverbs;
  const rest = clause.slice(at);
  if (/^um\s/.test(rest)) {
    const owners = fallbackOwners(sentence, scope, matcher);
    return {
      owners,
      partners: partnersIn(clause, at, owners, matcher),
      action: actionText(rest.slice(3)),
      clause,
    };
  }
  const addressees = readAddressees(clause, at, matcher, scope, true);
  if (!addressees) {
    const owners = fallbackOwners(sentence, scope, matcher);
    return {
      owners,
      partners: partnersIn(clause, at, owners, matcher),
      action: actionText(rest),
      clause,
    };
  }
  return {
    owners: addressees.owners,
    partners: partnersIn(clause, addressees.end, addressees.owners, matcher),
    action: actionText(clause.slice(addressees.end).replace(/^\s*um\s/, '')),
    clause,
  };
}

function passiveCandidate(
  text: string,
  passive: RegExpExecArray,
  matcher: OwnerMatcher,
  scope: SentenceScope,
): Candidate | undefined {
  const before = text.slice(0, passive.index);
  const adverbs = LEADING_ADVERBS.exec(before)?.[0].length ?? 0;
  const subject = before.slice(adverbs).trim();
  const middleAt = passive.index + passive[0].indexOf(passive[1]);
  const found = subject
    ? readAddressees(
        text,
        adverbs + (before.slice(adverbs).length - before.slice(adverbs).trimStart().length),
        matcher,
        scope,
        true,
      )
    : readAddressees(
        text,
        middleAt + (passive[1].length - passive[1].trimStart().length),
        matcher,
        scope,
        true,
      );
  const afterVerb = passive.index + passive[0].length;
  const owners = found?.owners ?? fallbackOwners(text, scope, matcher);
  if (owners.length === 0 && !found) return undefined;
  const clause = text.slice(afterVerb);
  return {
    owners,
    partners: partnersIn(text, found?.end ?? afterVerb, owners, matcher),
    action: actionText(clause),
    clause: text,
  };
}

function actorCandidate(
  text: string,
  matcher: OwnerMatcher,
  scope: SentenceScope,
): Candidate | undefined {
  const adverbs = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
  // Any name will do as subject when a duty verb follows it directly.
  const found = readAddressees(text, adverbs, matcher, scope, true);
  if (!found) return undefined;
  const rest = text.slice(found.end).trimStart();
  if (!ACTOR_VERB.test(rest) && !FUTURE_DUTY.test(rest)) return undefined;
  return {
    owners: found.owners,
    partners: partnersIn(text, found.end, found.owners, matcher),
    action: actionText(rest),
    clause: text,
  };
}

/** Reads the addressees at `at`, resolving "die Federführer" and "das Koordinierungsprojekt". */
function readAddressees(
  text: string,
  at: number,
  matcher: OwnerMatcher,
  scope: SentenceScope,
  unknownFirst: boolean,
): { owners: string[]; end: number } | undefined {
  const leads = DEFINED_LEADS.exec(text.slice(at));
  if (leads && scope.leads.length > 0)
    return { owners: [...scope.leads], end: at + leads[0].length };
  const list = matcher.readList(text, at, { unknownFirst });
  if (!list) return undefined;
  const owners = list.owners.map((owner) => {
    const name = list.names.find((n) => n.name === owner);
    return name ? resolveBareHead(name, scope, matcher, text.slice(0, name.start)) : owner;
  });
  return { owners: [...new Set(owners)], end: list.end };
}

/** "das Koordinierungsprojekt" after "Koordinierungsprojekt Registermodernisierung" means the latter. */
function resolveBareHead(
  name: UnknownName,
  scope: SentenceScope,
  matcher: OwnerMatcher,
  before: string,
): string {
  if (name.name !== name.head || !BODY_HEAD.test(name.head)) return name.name;
  const context = `${scope.context} ${before}`;
  const abbreviation = HEAD_ABBREVIATIONS[name.head];
  const known = matcher
    .findAll(context)
    .filter((m) => m.kind === 'body')
    .filter((m) =>
      [m.text, ...m.owners].some(
        (t) => t.startsWith(name.head) || (abbreviation && t.startsWith(`${abbreviation} `)),
      ),
    );
  if (known.length > 0) return known[known.length - 1].owners[0];
  const pattern = new RegExp(`(?<![\\p{L}-])${name.head}(?![\\p{L}-])`, 'gu');
  let best: string | undefined;
  for (const match of context.matchAll(pattern)) {
    const named = readUnknownName(context, match.index as number, matcher);
    if (named && named.name !== name.head) best = named.name;
  }
  return best ?? name.name;
}

/** Who a decision is about where its request names nobody ("bittet um zügige Umsetzung"). */
function fallbackOwners(sentence: string, scope: SentenceScope, matcher: OwnerMatcher): string[] {
  for (const text of [sentence, matchableText(scope.point.text), scope.context]) {
    const mentions = matcher.findAll(text).filter((m) => m.kind !== 'council');
    const bodies = bodyNames(text, matcher);
    const firstBody = [...mentions.filter((m) => m.kind === 'body'), ...bodies].sort(
      (a, b) => a.start - b.start,
    )[0];
    if (firstBody) return firstBody.owners;
    if (mentions.length > 0) return mentions[0].owners;
  }
  return [];
}

function bodyNames(
  text: string,
  matcher: OwnerMatcher,
): Array<{ start: number; owners: string[] }> {
  const found: Array<{ start: number; owners: string[] }> = [];
  for (const match of text.matchAll(/(?<![\p{L}-])[\p{Lu}][\p{L}-]*(?![\p{L}-])/gu)) {
    if (!BODY_HEAD.test(match[0])) continue;
    const named = readUnknownName(text, match.index as number, matcher);
    if (named && named.name !== named.head)
      found.push({ start: named.start, owners: [named.name] });
  }
  return found;
}

function partnersIn(text: string, from: number, owners: string[], matcher: OwnerMatcher): string[] {
  const partners: string[] = [];
  const add = (list: string[]) => {
    for (const p of list) if (!owners.includes(p) && !partners.includes(p)) partners.push(p);
  };
  const rest = text.slice(from);
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

/** Owners a sentence names as leads ("Bayern und Hamburg übernehmen die Federführung"). */
function definedLeads(text: string, matcher: OwnerMatcher): string[] {
  if (!/Federführung|federführend|Federführer/.test(text)) return [];
  return matcher
    .findAll(text)
    .filter((m) => m.kind === 'member' || m.kind === 'group')
    .flatMap((m) => m.owners);
}

function actionText(text: string): string {
  return text
    .replace(/^[\s,;:]+/, '')
    .replace(/[\s.;]+$/, '')
    .replace(/\s+/g, ' ');
}
