import type { ExtractedMandate } from '../extraction.types';
import type { ParsedResolution } from '../document/parsed-document';
import { escapeRegExp } from '../text/escape-regexp';
import { matchableText } from './mention-text';
import type { OwnerMatcher } from './owner-matcher';

/** Points of a decision that speak of another point: whom it named, what it asked for. */

/** "die in Ziffer 1 genannten Länder": members named in another point of the same decision. */
const REFERRED =
  /(?<![\p{L}-])(?:in|unter)\s+(?:Ziffer|Nr\.|Nummer|Punkt)\s*(\d{1,2})\s+(?:genannten|aufgeführten|bezeichneten)\s+(Ländern?|Mitgliedern?)(?![\p{L}-])/u;

export function referredOwners(
  text: string,
  resolution: ParsedResolution,
  matcher: OwnerMatcher,
): string[] {
  const ref = REFERRED.exec(text);
  const point = ref && resolution.points.find((p) => p.number === Number(ref[1]));
  if (!ref || !point) return [];
  const named = matcher
    .findAll(matchableText(point.text))
    .filter((m) => m.kind === 'member')
    .flatMap((m) => m.owners);
  return [...new Set(named)].filter((o) => !ref[2].startsWith('Länd') || matcher.isState(o));
}

/** The mandate of the point before, where the sentence's subject names its object again. */
export function namedAgain(
  before: ExtractedMandate | undefined,
  point: number,
  text: string,
): ExtractedMandate | undefined {
  const subject = /^(?:Das|Der|Die)\s+(\p{Lu}[\p{L}-]{3,})\s/u.exec(text)?.[1];
  if (!before || before.point !== point - 1 || !subject) return undefined;
  return new RegExp(`(?<![\\p{L}-])${escapeRegExp(subject)}(?![\\p{L}-])`, 'u').test(before.source)
    ? before
    : undefined;
}

/**
 * "Hamburg und das Saarland, die bereits …, sind hiervon ausgenommen.": a sentence after a request
 * of the same point takes those members out of it.
 */
export function dropExempted(request: ExtractedMandate, text: string, matcher: OwnerMatcher): void {
  if (!EXEMPTED.test(text)) return;
  const exempt = matcher
    .findAll(text)
    .filter((m) => m.kind === 'member')
    .flatMap((m) => m.owners);
  request.owners = request.owners.filter((o) => !exempt.includes(o));
}
const EXEMPTED =
  /(?<![\p{L}-])(?:sind|ist)\s+(?:hiervon|davon|von\s+(?:dieser\s+)?(?:der|dieser|diesem)\s+\p{L}+)\s+ausgenommen|(?<![\p{L}-])(?:gilt|gelten)\s+nicht\s+für(?![\p{L}-])/u;
