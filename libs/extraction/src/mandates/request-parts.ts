import { candidate, LEADING_ADVERBS, readAddressees } from './addressee.reader';
import { INFINITIVE } from './actor.grammar';
import type { Candidate, DecisionState } from './decision.state';
import type { OwnerMatcher } from './owner-matcher';

/**
 * One request verb, several addressees with tasks of their own: listed after a colon ("bittet:
 * 1. die FITKO, …, 2. den Bund, …") or joined by ", und die Länder, …". Each part is asked alone.
 */

/** A list item's marker: "1.", "1)", "a)", "-"; the item opens with an article or a name. */
const LIST_ITEM =
  /(?:^|[\s,;])(\d{1,2}[.)]|[a-h]\)|[-–•])\s+(?=(?:die|den|das|dem|der)\s|\p{Lu})/gu;

/**
 * "bittet: 1. die FITKO, bis … vorzulegen, 2. den Bund, bis … zu klären": one verb, its addressees
 * listed after a colon, each with its own task and time. The items count on in order (1., 2., …;
 * a), b), …; or bullets), the first right after the colon, at least two; each is asked alone.
 */
export function listedParts(clause: string): string[] | undefined {
  // "bittet: a) den Bund, … b) die Länder, …", also without the colon ("Er bittet⏎a) den Bund, …").
  const colon = /^\s*:\s*/.exec(clause) ?? /^\s*(?=a\)\s)/.exec(clause);
  if (!colon) return undefined;
  const rest = clause.slice(colon[0].length);
  const items: Array<{ at: number; from: number }> = [];
  for (const m of rest.matchAll(LIST_ITEM)) {
    const marker = m[1];
    const expected = items.length;
    const next = /^\d/.test(marker)
      ? Number.parseInt(marker, 10) === expected + 1
      : /^[a-h]/.test(marker)
        ? marker.charCodeAt(0) - 97 === expected
        : true;
    if (!next || (expected === 0 && (m.index as number) > 0)) continue;
    items.push({ at: m.index as number, from: (m.index as number) + m[0].length });
  }
  if (items.length < 2) return undefined;
  return items.map((item, i) =>
    rest
      .slice(item.from, i + 1 < items.length ? items[i + 1].at : rest.length)
      .replace(/[\s,;]+$/, ''),
  );
}

/** ", und die Länder, ...": a second addressee of the same verb, with a task of its own. */
const ELLIPSIS = /,\s+(?:und|sowie)\s+(?=(?:die|den|das|dem)\s+\p{Lu})/gu;

/**
 * "bittet die FITKO, bis zur 38. Sitzung einen Bericht vorzulegen, und die Länder, bis zum
 * 31.12.2022 ihre Daten zu liefern": one request to each addressee, each with its own task and
 * time. A part is cut off only where the text before it holds a task already and the addressees
 * after it are followed by a comma and a task of their own.
 */
export function ellipticalParts(
  clause: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): string[] {
  if (!clause.includes(', und ') && !clause.includes(', sowie ')) return [clause];
  const parts: string[] = [];
  let from = 0;
  for (const match of clause.matchAll(ELLIPSIS)) {
    const at = match.index as number;
    if (!INFINITIVE.test(clause.slice(from, at))) continue;
    const start = at + match[0].length;
    const found = readAddressees(clause, start, matcher, state);
    if (!found || found.owners.length === 0 || found.inferred) continue;
    const after = clause.slice(found.end);
    if (!/^\s*,\s/.test(after) || !INFINITIVE.test(after)) continue;
    parts.push(clause.slice(from, at));
    from = start;
  }
  parts.push(clause.slice(from));
  return parts;
}

/**
 * "Zur Umsetzung werden gebeten: a) der Bund, bis … zu veröffentlichen, b) die Länder, …": a passive
 * request whose addressees are listed after its colon, each with its own task and time; undefined
 * where no such list follows.
 */
export function passiveListed(
  text: string,
  passive: RegExpExecArray,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate[] | undefined {
  const items = listedParts(text.slice(passive.index + passive[0].length));
  if (!items) return undefined;
  const words = `${/^\S+/.exec(passive[0])?.[0] ?? ''} ${passive[2]}`;
  return items.flatMap((item) => {
    const found = readAddressees(item, 0, matcher, state);
    if (!found || found.owners.length === 0) return [];
    return [
      candidate(
        found,
        item,
        found.end,
        matcher,
        'passive-request',
        words,
        item.slice(found.end),
        item,
      ),
    ];
  });
}

/** "erteilen dem SpA den Prüfauftrag", "X hat den Auftrag, ...". */
const COMMISSION_GIVEN =
  /(?<![\p{L}-])(?:erteilt|erteilen)\s+(.{1,160}?)\s+(?:den|einen)\s+(?:[\p{L}-]*[Aa]uftrag)(?![\p{L}])/u;
const COMMISSION_HELD =
  /(?<![\p{L}-])(?:hat|haben|erhält|erhalten)\s+(?:den|einen)\s+(?:[\p{L}-]*[Aa]uftrag)(?![\p{L}])/u;

/** "erteilen dem SpA den Prüfauftrag", "Die FITKO hat den Auftrag, …": a commission given or held. */
export function commissionCandidate(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  const given = COMMISSION_GIVEN.exec(text);
  if (given) {
    const at = given.index + given[0].indexOf(given[1]);
    const found = readAddressees(text, at, matcher, state);
    if (found) {
      const rest = text.slice(given.index + given[0].length);
      return candidate(found, text, found.end, matcher, 'commission', 'erteilt den Auftrag', rest);
    }
  }
  const held = COMMISSION_HELD.exec(text);
  if (held) {
    const adverbs = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
    const found = readAddressees(text, adverbs, matcher, state);
    if (found && found.end <= held.index + 1) {
      const rest = text.slice(held.index + held[0].length);
      return candidate(found, text, found.end, matcher, 'commission', 'hat den Auftrag', rest);
    }
  }
  return undefined;
}
