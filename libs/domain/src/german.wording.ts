import type { Due, DueKind } from './due';
import type { ObligationStatus } from './obligation-status';
import { effectiveSession, type Session } from './session';

// The German words for a deadline and a status, in one place: every page, list, export, report,
// digest, mail, feed, history note and the CLI say a deadline the way the pages say it.

/** The kinds of deadline as the forms offer them (review, correction, mandate by hand). */
export const DUE_KIND_LABELS: Record<DueKind, string> = {
  meeting: 'zu einer Sitzung',
  date: 'bis zu einem Datum',
  recurring: 'wiederkehrend (ab einer Sitzung)',
  event: 'nach einem Ereignis',
  none: 'ohne Frist',
};

export const STATUS_LABELS: Record<ObligationStatus, string> = {
  open: 'offen',
  in_progress: 'in Bearbeitung',
  reported: 'berichtet',
  done: 'erledigt',
  cancelled: 'aufgehoben',
  superseded: 'überholt',
};

/** A status in words; a value it does not know stays as it is. */
export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** Said of a session the calendar has no date for (or does not know at all). */
export const DATE_OPEN = 'Termin offen';

/** "1 Auftrag", "22 Aufträge". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "17.03.2021" from "2021-03-17" (or from an ISO timestamp of that day). */
export function germanDate(day: string): string {
  const [year, month, date] = day.slice(0, 10).split('-');
  return `${date}.${month}.${year}`;
}

/** "29.11.2026, 05:04 Uhr" in German time from an ISO timestamp. */
export function germanDateTime(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const text = moment.toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${text} Uhr`;
}

/** "34. Sitzung (17.03.2021)", or "49. Sitzung (Termin offen)" while it has no date. */
export function describeSession(session: { number: number; date: string | null }): string {
  return `${session.number}. Sitzung (${session.date === null ? DATE_OPEN : germanDate(session.date)})`;
}

function describeMeeting(number: number, sessions: readonly Session[] | undefined): string {
  // Without the calendar (a history note, the CLI's reading of a text) the session is named only:
  // its date may still change.
  if (sessions === undefined) return `${number}. Sitzung`;
  const named = sessions.find((session) => session.number === number);
  if (named?.state !== 'cancelled') return describeSession(named ?? { number, date: null });
  const moved = effectiveSession(number, sessions);
  return moved
    ? `${number}. Sitzung, verschoben auf die ${describeSession(moved)}`
    : `${number}. Sitzung (abgesagt, Folgesitzung noch nicht bekannt)`;
}

/**
 * The deadline in words: "35. Sitzung (23.06.2021)", "49. Sitzung (Termin offen)", "möglichst bis
 * 31.12.2021", "wiederkehrend ab der 33. Sitzung", "nach Ereignis", "ohne Frist". Given the
 * calendar (`sessions`), a session deadline names the session's day and where the business of a
 * cancelled session went; without it, the session alone ("34. Sitzung").
 */
export function describeDue(due: Due, sessions?: readonly Session[]): string {
  const soft = 'soft' in due && due.soft ? 'möglichst ' : '';
  switch (due.kind) {
    case 'meeting':
      return soft + describeMeeting(due.meeting, sessions);
    case 'date':
      return `${soft}bis ${germanDate(due.date)}`;
    case 'recurring':
      return due.fromMeeting === undefined
        ? 'wiederkehrend'
        : `wiederkehrend ab der ${due.fromMeeting}. Sitzung`;
    case 'event':
      return 'nach Ereignis';
    case 'none':
      return 'ohne Frist';
  }
}
