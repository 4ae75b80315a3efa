import { DATE_OPEN, germanDate } from '@app/domain';

// What people read about meetings and overdue obligations. The words for a deadline and a status
// (describeDue, STATUS_LABELS) are the vocabulary of @app/domain.

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

/** "seit 1 Tag überfällig", "seit 12 Tagen überfällig" */
export function describeOverdue(days: number): string {
  return `seit ${days} ${days === 1 ? 'Tag' : 'Tagen'} überfällig`;
}
