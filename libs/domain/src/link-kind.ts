/**
 * What a later decision does to an earlier one: `fulfils` (its report taken note of, its concept
 * approved), `extends` (the same task with a new deadline, or more of it), `renews` (a recurring
 * duty for another round), `supersedes` (replaced, amended, lifted), `references` (named only).
 */
export const LINK_KINDS = ['fulfils', 'extends', 'renews', 'supersedes', 'references'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
