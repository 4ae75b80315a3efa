import type { Candidate, DecisionState } from './decision.state';
import type { OwnerMatcher } from './owner-matcher';
import { candidatesIn } from './request.grammar';

/**
 * "BW und HE erarbeiten bis … ein Konzept; die übrigen Länder benennen … bis …": a second main
 * clause after a semicolon, with a subject of its own, where the sentence's first gave one task.
 * The first clause counts as said before ("die übrigen Länder" are those it did not name).
 */
export function afterSemicolon(
  text: string,
  found: Candidate[],
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate[] {
  if (found.length !== 1 || !text.includes('; ')) return [];
  const [first, ...rest] = text.split(/;\s+/);
  const saved = state.context;
  state.context = `${saved} ${first}`;
  const more = rest
    .filter((part) => /^(?:die|der|das|Die|Der|Das|\p{Lu}\p{L}+\s+\p{Ll})/u.test(part))
    .flatMap((part) => candidatesIn(part.charAt(0).toUpperCase() + part.slice(1), matcher, state));
  state.context = saved;
  return more;
}
