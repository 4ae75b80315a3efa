import type { Due, ObligationStatus } from '@app/domain';

/** What the follow-up rules need to know about one owner's share of a mandate. */
export interface ObligationFacts {
  id: number;
  /** Member code ("HB", "Bund", "FITKO") or the name of another owner such as a working group. */
  owner: string;
  status: ObligationStatus;
  due: Due;
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
