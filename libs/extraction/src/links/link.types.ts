import type { Due } from '@app/domain';
import type { ExtractedMandate } from '../extraction.types';
import type { OwnerMatcher } from '../mandates/owner-matcher';
import type { LinkKind } from './link.kinds';

/** An earlier mandate a new decision may answer. */
export interface EarlierMandate {
  /** The caller's handle for it (a database id, or `resolution#point` in tests). */
  key: string | number;
  resolution: string;
  point: number;
  owners: string[];
  action: string;
  source: string;
  /** Its deadline: the finder asks only whether it was due at the new decision's session. */
  due: Due;
  /** The session it was decided at, where numbered. */
  meeting?: number;
  /** When it was decided (ISO date), where known: orders decisions without a number. */
  decidedOn?: string;
  /** Its decision's title. */
  title?: string;
}

/** A link from a sentence of a new decision to an earlier decision (and its mandates). */
export interface FoundLink {
  /** The new (later) decision. */
  from: string;
  /** Its point; null where the link is made in the title. */
  point: number | null;
  /** The sentence that makes the link, as written. */
  sentence: string;
  /** 1-based line of the input where the point (or title) starts. */
  line: number;
  /** The earlier decision, as YYYY/NN where it has a number. */
  to: string;
  /** The text names the earlier decision by its number; else it was found by owner and subject. */
  explicit: boolean;
  kind: LinkKind;
  /** Why this link and this kind, for the person who confirms it. */
  reason: string;
  /** The earlier mandates it concerns (their keys); empty where none is known. */
  mandates: Array<string | number>;
  /** The owners whose obligations it concerns; empty for all of the mandates' owners. */
  owners: string[];
  /** For `extends`: the new deadline, from the new decision's mandate in the same point. */
  due?: Due;
}

export interface LinkContext {
  matcher: OwnerMatcher;
  /** The new decisions' mandates, for the new deadline of an extension. */
  mandates: ExtractedMandate[];
  /** The session of the new decisions, where numbered. */
  meeting?: number;
  /** The day they were taken (ISO), where known. */
  decidedOn?: string;
  /** The input's lines, to read numbers outside titles and points (a table's "Quelle"). */
  lines?: string[];
}
