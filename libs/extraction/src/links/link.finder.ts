import type { ExtractedMandate, ExtractedResolution } from '../extraction.types';
import type { OwnerMatcher } from '../mandates/owner-matcher';
import { decisionNumbers, normaliseDecisionId } from './decision-references';
import { headerSentences, sentencesOf, sessionOf, verdict } from './decision-sentences';
import { CONTINUES, implicitLink } from './implicit-link';
import { dueInPoint, withDue } from './link-due';
import {
  classifyLink,
  DECIDES,
  FULFILS,
  KIND_STRENGTH,
  REPORT_NOUN,
  type LinkKind,
  type LinkReading,
} from './link.kinds';
import type { EarlierMandate, FoundLink, LinkContext } from './link.types';
import { plain, spelled, subjectWords, taskWords } from './subject-words';

export type { EarlierMandate, FoundLink, LinkContext } from './link.types';
export { decisionOrder } from './decision-sentences';
export { LINK_HORIZON_SESSIONS, LINK_HORIZON_YEARS } from './implicit-link';

/**
 * The links of new decisions to earlier ones: every decision number a sentence names (other than
 * its own), and, where a decision answers an earlier mandate without its number, that mandate
 * (see `implicitLink`). Each link gets its kind from the sentence's grammar (see `classifyLink`);
 * where one decision links to another in several sentences, the strongest effect stands.
 */
export function findLinks(
  resolutions: ExtractedResolution[],
  earlier: EarlierMandate[],
  context: LinkContext,
): FoundLink[] {
  const links = new Map<string, FoundLink>();
  const keep = (link: FoundLink) => {
    const key = `${link.from}|${link.to}`;
    const old = links.get(key);
    if (!old || KIND_STRENGTH[link.kind] > KIND_STRENGTH[old.kind]) links.set(key, link);
  };
  const byDecision = new Map<string, EarlierMandate[]>();
  for (const m of earlier) {
    const list = byDecision.get(m.resolution) ?? [];
    list.push(m);
    byDecision.set(m.resolution, list);
  }
  const starts = resolutions.map((r) => r.line).sort((a, b) => a - b);
  for (const resolution of resolutions) {
    const own = normaliseDecisionId(resolution.id);
    const next = starts.find((l) => l > resolution.line);
    const sentences = [
      ...headerSentences(resolution, next, context.lines),
      ...sentencesOf(resolution),
    ];
    const session = sessionOf(resolution, context);
    let explicit = false;
    for (const s of sentences) {
      const refs = decisionNumbers(s.text).filter((r) => r.id !== own);
      if (refs.length === 0) continue;
      explicit = true;
      const named = [...new Set(context.matcher.findAll(s.text).flatMap((m) => m.owners))];
      for (const ref of refs) {
        // A number in the title or the header is where the item came from: the decision's
        // points say what becomes of it.
        const classified =
          s.point === null && resolution.points.length > 0
            ? classifyLink(verdict(resolution))
            : classifyLink(s.text, ref);
        const theirs = byDecision.get(ref.id) ?? [];
        const answered =
          classified.kind === 'references' ? answeredHere(theirs, resolution, session) : [];
        const kind = answered.length > 0 ? answered[0].reading : classified;
        const targets =
          answered.length > 0
            ? { mandates: answered.map((a) => a.mandate), owners: [] }
            : concerned(theirs, named, kind);
        // "hebt die Ziffer 3 des Beschlusses ... auf": only that point's mandates.
        const points = pointsNamed(ref.before);
        if (points.length > 0 && targets.mandates.some((m) => points.includes(m.point)))
          targets.mandates = targets.mandates.filter((m) => points.includes(m.point));
        keep({
          from: resolution.id,
          point: s.point,
          sentence: s.text.trim(),
          line: s.line,
          to: ref.id,
          explicit: true,
          kind: kind.kind,
          reason: `Nennt den Beschluss ${ref.id} („${ref.text.trim()}“). ${kind.reason}${points.length > 0 ? ` Betroffen ist nur Ziffer ${points.join(', ')}.` : ''}`,
          mandates: targets.mandates.map((m) => m.key),
          owners: targets.owners,
          ...(kind.kind === 'extends'
            ? withDue(dueInPoint(context.mandates, resolution.id, s.point, s.text))
            : {}),
        });
      }
    }
    if (explicit) continue;
    const implicit = implicitLink(resolution, earlier, context);
    if (implicit) keep(implicit);
  }
  return [...links.values()];
}

/** The points of the earlier decision a sentence names before its number ("Ziffer 3 des"). */
function pointsNamed(before: string): number[] {
  const m =
    /(?:Ziffer|Ziffern|Ziff\.|Nummer|Nummern|Punkt|Punkte)\s+(\d+(?:\s*(?:,|und|sowie)\s*\d+)*)\s+(?:des|der|seines|ihres)$/u.exec(
      before,
    );
  return m ? m[1].split(/\D+/).filter(Boolean).map(Number) : [];
}

/** A decision's subject words, read once however many numbers it names. */
const RESOLUTION_WORDS = new WeakMap<ExtractedResolution, Set<string>>();

/**
 * The mandates of a decision named by number that this decision answers though the sentence
 * only names it: they were due at this very session, the decision decides or takes note of
 * something, and its words share the mandate's subject (at least two significant words).
 */
function answeredHere(
  mandates: EarlierMandate[],
  resolution: ExtractedResolution,
  session: number | undefined,
): Array<{ mandate: EarlierMandate; reading: LinkReading }> {
  if (session === undefined) return [];
  const texts = resolution.points.map((p) => p.text.replace(/\s+/g, ' '));
  if (!texts.some((t) => DECIDES.test(t) || FULFILS.test(t))) return [];
  let words = RESOLUTION_WORDS.get(resolution);
  if (!words)
    RESOLUTION_WORDS.set(
      resolution,
      (words = subjectWords(`${resolution.title ?? ''} ${texts.join(' ')}`, [])),
    );
  return mandates.flatMap((m) => {
    if (m.due.kind !== 'meeting' || m.due.meeting !== session) return [];
    const common = [...taskWords(m)].filter((w) => words.has(w));
    if (common.length < 2) return [];
    return [
      {
        mandate: m,
        reading: {
          kind: 'fulfils' as const,
          reason: `Dessen Ziffer ${m.point} bat um etwas, das zu dieser Sitzung fällig war; hier wird darüber entschieden. Gleiches Thema: ${spelled(common, `${m.action} ${m.source}`)}.`,
        },
      },
    ];
  });
}

/**
 * Which mandates of the referenced decision a link concerns: those of the owners the sentence
 * names (a report of FITKO closes FITKO's task, not the Länder's), else all of them. A `fulfils`
 * link to a decision with several mandates, none of whose owners is named, concerns its reports.
 */
function concerned(
  mandates: EarlierMandate[],
  named: string[],
  kind: { kind: LinkKind },
): { mandates: EarlierMandate[]; owners: string[] } {
  if (mandates.length === 0) return { mandates: [], owners: [] };
  const byOwner = mandates.filter((m) => m.owners.some((o) => named.includes(o)));
  if (byOwner.length > 0) {
    const owners = [...new Set(byOwner.flatMap((m) => m.owners.filter((o) => named.includes(o))))];
    const all = byOwner.every((m) => m.owners.every((o) => owners.includes(o)));
    return { mandates: byOwner, owners: all ? [] : owners };
  }
  if (kind.kind === 'fulfils' && mandates.length > 1) {
    const reports = mandates.filter((m) => REPORT_NOUN.test(m.action) || /bericht/i.test(m.action));
    if (reports.length > 0) return { mandates: reports, owners: [] };
  }
  return { mandates, owners: [] };
}

/**
 * What `findLinks` could link to, so a caller with many stored mandates loads only those: the
 * decision numbers the texts name, the owners they name or give mandates to (registry codes, and
 * those of `knownOwners` whose names appear), and the words after a "Fortführung" (a body set up
 * long ago, to be looked up without the horizon).
 */
export function ownersIn(text: string, names: string[], matcher: OwnerMatcher): string[] {
  const found = new Set(matcher.findAll(text).flatMap((m) => m.owners));
  const plainText = plain(text);
  for (const n of names) if (n.length >= 8 && plainText.includes(plain(n))) found.add(n);
  return [...found];
}

export function linkTargets(
  resolutions: ExtractedResolution[],
  context: { matcher: OwnerMatcher; mandates: ExtractedMandate[]; knownOwners?: string[] },
): { codes: string[]; owners: string[]; continued: string[] } {
  const codes = new Set<string>();
  const continued: string[] = [];
  const owners = new Set<string>(context.mandates.flatMap((m) => m.owners));
  const texts: string[] = [];
  for (const resolution of resolutions) {
    const own = normaliseDecisionId(resolution.id);
    for (const s of sentencesOf(resolution)) {
      texts.push(s.text);
      for (const ref of decisionNumbers(s.text)) if (ref.id !== own) codes.add(ref.id);
      for (const m of context.matcher.findAll(s.text)) for (const o of m.owners) owners.add(o);
      const going = CONTINUES.exec(s.text);
      if (going && s.point !== null)
        continued.push(s.text.slice(going.index, going.index + going[0].length + 70));
    }
  }
  const all = plain(texts.join(' '));
  for (const o of context.knownOwners ?? [])
    if (o.length >= 8 && all.includes(plain(o))) owners.add(o);
  return { codes: [...codes], owners: [...owners], continued };
}
