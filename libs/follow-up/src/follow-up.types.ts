export type ObligationStatus =
  'open' | 'in_progress' | 'reported' | 'done' | 'cancelled' | 'superseded';

export interface Session {
  number: number;
  /** YYYY-MM-DD; null while the session is not yet scheduled. */
  date: string | null;
  state: 'planned' | 'held' | 'cancelled';
}

export type DueSpec =
  | { kind: 'meeting'; meeting: number; soft?: boolean }
  | { kind: 'date'; date: string; soft?: boolean }
  | { kind: 'recurring'; fromMeeting?: number }
  | { kind: 'event' }
  | { kind: 'none' };

/** What the follow-up rules need to know about one owner's share of a mandate. */
export interface ObligationFacts {
  id: number;
  /** Member code ("HB", "Bund", "FITKO") or the name of another owner such as a working group. */
  owner: string;
  status: ObligationStatus;
  due: DueSpec;
  /** YYYY-MM-DD of the session that decided the mandate, or the day the mandate was created. */
  decidedAt: string;
  /** ISO timestamps at which the obligation was set to 'reported', ascending. */
  reports: string[];
  /** "2020/28" */
  resolution: string;
  point: number;
  action: string;
  /** The decision sentence the mandate was read from. */
  source: string;
  mandateId: number;
  /** ISO timestamp of the last status change. */
  statusChangedAt?: string;
  /**
   * The stored flag (YYYY-MM-DD or null), which every writer and the daily scan keep equal to
   * `overdueSince` of overdue.rule. Reports read it, so they say what the lists say; absent, the
   * rule is asked.
   */
  overdueSince?: string | null;
}

/** A session as a report names it: only sessions with a date are ever "next" or "last". */
export interface SessionRef {
  number: number;
  date: string;
}
