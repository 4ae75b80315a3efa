import { germanDate } from './calendar-day';
import { effectiveSession } from './deadline.resolver';
import type { DueSpec, ObligationStatus, Session } from './follow-up.types';

// Everything people read about deadlines and statuses, in one place, so a change of wording
// touches one file and every report, digest and export says the same thing.

export const STATUS_LABELS: Record<ObligationStatus, string> = {
  open: 'offen',
  in_progress: 'in Bearbeitung',
  reported: 'berichtet',
  done: 'erledigt',
  cancelled: 'aufgehoben',
  superseded: 'überholt',
};

/** Said of a session the calendar has no date for (or does not know at all). */
export const DATE_OPEN = 'Termin offen';

/** "34. Sitzung (17.03.2021)", or "49. Sitzung (Termin offen)" while it has no date. */
export function describeSession(session: { number: number; date: string | null }): string {
  return `${session.number}. Sitzung (${session.date === null ? DATE_OPEN : germanDate(session.date)})`;
}

/** What people read about a meeting's state: the calendar's word, or what its date says. */
export const MEETING_STATE_LABELS = {
  planned: 'geplant',
  held: 'stattgefunden',
  cancelled: 'abgesagt',
} as const;

/**
 * A meeting's state as people read it on `today` (YYYY-MM-DD): cancelled is cancelled; a meeting
 * whose date has passed has taken place, whatever the calendar still says; one without a date
 * that was not imported as held is still planned.
 */
export function describeMeetingState(
  meeting: { state: string; date: string | null },
  today: string,
): string {
  if (meeting.state === 'cancelled') return MEETING_STATE_LABELS.cancelled;
  if (meeting.date !== null) {
    return meeting.date < today ? MEETING_STATE_LABELS.held : MEETING_STATE_LABELS.planned;
  }
  return meeting.state === 'held'
    ? MEETING_STATE_LABELS.held
    : `${MEETING_STATE_LABELS.planned}, ${DATE_OPEN}`;
}

/**
 * A meeting's name, and where a decision was taken: "34. Sitzung", "Sondersitzung am
 * 18.09.2020", "Umlaufverfahren vom 01.03.2021", "AL-Runde, 39. Sitzung am 02.06.2025" ...
 */
export function describeDecidedIn(meeting: {
  number: number | null;
  kind?: string;
  body?: string | null;
  label?: string | null;
  date: string | null;
}): string {
  const on = meeting.date ? germanDate(meeting.date) : undefined;
  if (meeting.body) {
    const which = meeting.number !== null ? `${meeting.number}. Sitzung` : 'Sitzung';
    return `${meeting.body}, ${which}${on ? ` am ${on}` : ''}`;
  }
  if (meeting.kind === 'special') return `Sondersitzung${on ? ` am ${on}` : ''}`;
  if (meeting.kind === 'circulation') return `Umlaufverfahren${on ? ` vom ${on}` : ''}`;
  if (meeting.number === null) return meeting.label ?? (on ? `Sitzung am ${on}` : 'Sitzung');
  return `${meeting.number}. Sitzung`;
}

function describeMeeting(number: number, sessions: Session[]): string {
  const named = sessions.find((session) => session.number === number);
  if (named?.state !== 'cancelled') return describeSession(named ?? { number, date: null });
  const moved = effectiveSession(number, sessions);
  return moved
    ? `${number}. Sitzung, verschoben auf die ${describeSession(moved)}`
    : `${number}. Sitzung (abgesagt, Folgesitzung noch nicht bekannt)`;
}

/** The deadline in words: "34. Sitzung (17.03.2021)", "bis 31.12.2020", "jährlich" … */
export function describeDue(due: DueSpec, sessions: Session[]): string {
  const soft = 'soft' in due && due.soft ? 'möglichst ' : '';
  switch (due.kind) {
    case 'meeting':
      return soft + describeMeeting(due.meeting, sessions);
    case 'date':
      return `${soft}bis ${germanDate(due.date)}`;
    case 'recurring':
      return due.fromMeeting === undefined
        ? 'jährlich'
        : `ab der ${due.fromMeeting}. Sitzung, zu jeder Sitzung`;
    case 'event':
      return 'nach Ereignis';
    case 'none':
      return 'ohne Frist';
  }
}

/** "seit 1 Tag überfällig", "seit 12 Tagen überfällig" */
export function describeOverdue(days: number): string {
  return `seit ${days} ${days === 1 ? 'Tag' : 'Tagen'} überfällig`;
}
