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
  if (isClosed(facts.status)) return null;
  const today = utcDay(now);
  const { due } = facts;
  if (due.kind === 'meeting' || due.kind === 'date') {
    // A report ends a one-off duty even before the secretariat confirms it as done.
    if (facts.status === 'reported') return null;
    const date = dueDateOf(due, sessions);
    return date !== null && date < today ? addDays(date, 1) : null;
  }
  if (due.kind !== 'recurring') return null;
  for (const window of reportWindows(facts, due, sessions)) {
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
  if (isClosed(facts.status)) return null;
  const today = utcDay(now);
  const { due } = facts;
  if (due.kind === 'meeting' || due.kind === 'date') {
    const date = facts.status === 'reported' ? null : dueDateOf(due, sessions);
    return date !== null && date >= today ? date : null;
  }
  if (due.kind !== 'recurring') return null;
  for (const window of reportWindows(facts, due, sessions)) {
    if (window.by >= today) return window.reported ? null : window.by;
  }
  return null;
}

/**
 * Whole days an obligation is overdue at `now`. The day it became overdue counts as the first,
 * so the day after the deadline reads "seit 1 Tag überfällig", never "seit 0 Tagen".
 */
export function daysOverdue(since: string, now: Date): number {
  return Math.max(0, daysBetween(since, utcDay(now)) + 1);
}
