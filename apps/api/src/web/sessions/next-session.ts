import { comingSession } from '@app/follow-up';
import { isCalendarSession, type MeetingView, type SessionView } from '@app/tracking';

/** Today as the calendar reads it (YYYY-MM-DD). */
export function calendarDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The numbered session coming next, dated or with its date still open; undefined when none is planned. */
export function nextSession(meetings: MeetingView[], now: Date): SessionView | undefined {
  return comingSession(meetings.filter(isCalendarSession), calendarDay(now));
}

/** A meeting's page: numbered sessions by their number, the others by their id. */
export function meetingHref(meeting: Pick<MeetingView, 'id' | 'kind' | 'number'>): string {
  return meeting.kind === 'session' && meeting.number !== null
    ? `/sessions/${meeting.number}`
    : `/sessions/s/${meeting.id}`;
}
