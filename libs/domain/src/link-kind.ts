/**
 * What a later decision does to an earlier one: `fulfils` (its report taken note of, its concept
 * approved), `extends` (the same task with a new deadline, or more of it), `renews` (a recurring
 * duty for another round), `supersedes` (replaced, amended, lifted), `references` (named only).
 */
export const LINK_KINDS = ['fulfils', 'extends', 'renews', 'supersedes', 'references'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** What a link does to the earlier mandate, in the secretariat's words (pages, CLI). */
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  fulfils: 'erledigt (Bericht zur Kenntnis genommen, Konzept gebilligt)',
  extends: 'verlängert oder fortgesetzt',
  renews: 'erneuert (wiederkehrende Pflicht)',
  supersedes: 'abgelöst, geändert oder aufgehoben',
  references: 'nur erwähnt',
};

/** Where the secretariat's decision on a proposed link stands. */
export const LINK_STATE_LABELS: Record<'proposed' | 'confirmed' | 'rejected', string> = {
  proposed: 'vorgeschlagen',
  confirmed: 'bestätigt',
  rejected: 'verworfen',
};
