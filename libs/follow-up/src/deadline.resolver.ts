import { effectiveSession, type Due, type Session, type SessionRef } from '@app/domain';

/**
 * The number of the effective session, or N itself while the calendar does not know N: two
 * deadlines naming the same unknown session still fall together.
 */
export function effectiveNumber(number: number, sessions: Session[]): number {
  return effectiveSession(number, sessions)?.number ?? number;
}

/** The day a one-off deadline falls on; null for undated sessions and deadlines without a day. */
export function dueDateOf(due: Due, sessions: Session[]): string | null {
  if (due.kind === 'meeting') return effectiveSession(due.meeting, sessions)?.date ?? null;
  return due.kind === 'date' ? due.date : null;
}

/** Sessions that take place and have a date, in calendar order. */
export function scheduledSessions(sessions: Session[]): Array<Session & SessionRef> {
  return sessions
    .filter(
      (session): session is Session & SessionRef =>
        session.state !== 'cancelled' && session.date !== null,
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
}

/** The first session that takes place on or after `today` (YYYY-MM-DD). */
export function nextSession(
  sessions: Session[],
  today: string,
): (Session & SessionRef) | undefined {
  return scheduledSessions(sessions).find((session) => session.date >= today);
}

/** The most recent session that took place before `today` (YYYY-MM-DD). */
export function lastSession(
  sessions: Session[],
  today: string,
): (Session & SessionRef) | undefined {
  return scheduledSessions(sessions)
    .filter((session) => session.date < today)
    .at(-1);
}

/**
 * Whether an obligation has to deliver at session `number`: a one-off deadline at that session
 * (both sides resolved past cancellations), or a duty to report at every session that has begun.
 */
export function isDueAtSession(due: Due, number: number, sessions: Session[]): boolean {
  const target = effectiveNumber(number, sessions);
  if (due.kind === 'meeting') return effectiveNumber(due.meeting, sessions) === target;
  return (
    due.kind === 'recurring' &&
    due.fromMeeting !== undefined &&
    effectiveNumber(due.fromMeeting, sessions) <= target
  );
}

/**
 * The session coming next on `today` (YYYY-MM-DD), dated or not: the first session that is not
 * cancelled after the last one that has taken place. A session whose date is still open
 * ("Termin offen") is the next one all the same, so a calendar of planned sessions always has one.
 */
export function comingSession<S extends { number: number; date: string | null; state: string }>(
  sessions: S[],
  today: string,
): S | undefined {
  const active = sessions.filter((session) => session.state !== 'cancelled');
  const past = active
    .filter((session) => session.date !== null && session.date < today)
    .map((session) => session.number);
  const last = past.length ? Math.max(...past) : 0;
  return active
    .filter((session) => session.number > last && (session.date === null || session.date >= today))
    .sort((a, b) => a.number - b.number)[0];
}
