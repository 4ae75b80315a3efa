import { addDays, daysBetween, isClosed, utcDay, type Due, type Session } from '@app/domain';
import { dueDateOf, effectiveNumber, scheduledSessions } from './deadline.resolver';
import type { ObligationFacts } from './follow-up.types';

type Recurring = Extract<Due, { kind: 'recurring' }>;

interface ReportWindow {
  /** Reports on days after this one count for the window ... */
  after: string;
  /** ... up to and including this day, the deadline. */
  by: string;
  reported: boolean;
}

/**
 * A recurring duty's deadlines in order, each with the window of days a report counts for: every
 * session from `fromMeeting` on, or every 365 days after the decision for yearly duties. Sessions
 * on or before the decision day are skipped: nobody can report to a session before being asked.
 */
function* reportWindows(facts: ObligationFacts, due: Recurring, sessions: Session[]) {
  const reportDays = facts.reports.map((report) => utcDay(report));
  const window = (after: string, by: string): ReportWindow => ({
    after,
    by,
    reported: reportDays.some((day) => day > after && day <= by),
  });
  let after = facts.decidedAt;
  if (due.fromMeeting === undefined) {
    // Endless on purpose: callers stop at the first deadline that is not yet behind them.
    for (;;) {
      const by = addDays(after, 365);
      yield window(after, by);
      after = by;
    }
  }
  const from = effectiveNumber(due.fromMeeting, sessions);
  for (const session of scheduledSessions(sessions)) {
    if (session.number < from || session.date <= facts.decidedAt) continue;
    yield window(after, session.date);
    after = session.date;
  }
}

/**
 * The day (YYYY-MM-DD) an obligation became overdue, or null when it is not overdue at `now`.
 * A one-off deadline is overdue from the day after it; a recurring duty from the day after the
 * first deadline that passed without a report, whatever happened later.
 */
export function overdueSince(
  facts: ObligationFacts,
  sessions: Session[],
  now: Date,
): string | null {
  const today = utcDay(now);
  const owed = deadlinesOwed(facts, sessions);
  if (!owed) return null;
  if ('day' in owed) return owed.day !== null && owed.day < today ? addDays(owed.day, 1) : null;
  for (const window of owed.windows) {
    if (window.by >= today) return null;
    if (!window.reported) return addDays(window.by, 1);
  }
  return null;
}

/** The day an obligation became overdue: as stored with its facts, else by the rule at `now`. */
export function overdueSinceOf(
  facts: ObligationFacts,
  sessions: Session[],
  now: Date,
): string | null {
  return facts.overdueSince !== undefined ? facts.overdueSince : overdueSince(facts, sessions, now);
}

/**
 * The next day on which the obligation still has to deliver (today or later), or null when it
 * has nothing pending: closed, one-off and already reported, already reported for the coming
 * round of a recurring duty, or without a dated deadline.
 */
export function upcomingDueDate(
  facts: ObligationFacts,
  sessions: Session[],
  now: Date,
): string | null {
  const today = utcDay(now);
  const owed = deadlinesOwed(facts, sessions);
  if (!owed) return null;
  if ('day' in owed) return owed.day !== null && owed.day >= today ? owed.day : null;
  for (const window of owed.windows) {
    if (window.by >= today) return window.reported ? null : window.by;
  }
  return null;
}

/**
 * What an obligation still owes, as both rules below read it: the day of a one-off deadline (null
 * when it has none with a date, or once reported: a report ends a one-off duty even before the
 * secretariat confirms it as done), or a recurring duty's report windows in order; undefined when
 * it owes nothing (closed, or a deadline that is an event or none).
 */
function deadlinesOwed(
  facts: ObligationFacts,
  sessions: Session[],
): { day: string | null } | { windows: Iterable<ReportWindow> } | undefined {
  if (isClosed(facts.status)) return undefined;
  const { due } = facts;
  if (due.kind === 'meeting' || due.kind === 'date')
    return { day: facts.status === 'reported' ? null : dueDateOf(due, sessions) };
  if (due.kind !== 'recurring') return undefined;
  return { windows: reportWindows(facts, due, sessions) };
}

/**
 * Whole days an obligation is overdue at `now`. The day it became overdue counts as the first,
 * so the day after the deadline reads "seit 1 Tag überfällig", never "seit 0 Tagen".
 */
export function daysOverdue(since: string, now: Date): number {
  return Math.max(0, daysBetween(since, utcDay(now)) + 1);
}
