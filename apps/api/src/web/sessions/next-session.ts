import type { MeetingView } from '@app/tracking';

/** The first session on or after today that is not cancelled; undefined when none is planned. */
export function nextSession(meetings: MeetingView[], now: Date): MeetingView | undefined {
  const today = now.toISOString().slice(0, 10);
  return meetings
    .filter((m) => m.state !== 'cancelled' && m.date !== null && m.date >= today)
    .sort((a, b) => a.number - b.number)[0];
}
