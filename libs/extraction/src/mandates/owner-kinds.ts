import { BODY_HEAD } from './owner-matcher';

/** An unknown name that says what it is ("Arbeitsgruppe ...", "Verwaltung"), not a bare label. */
export function namesABody(name: string): boolean {
  return name.split(/[\s/()]+/).some((word) => BODY_HEAD.test(word) || OFFICE.test(word));
}

/** An office or a municipality ("Ortsvorsteher", "Gemeinde"); not "…vorsitzende" (form unsure). */
const OFFICE = /(?:vorsteher(?:in)?|leiter(?:in)?|kanzler(?:in)?|gemeinde)$/i;
