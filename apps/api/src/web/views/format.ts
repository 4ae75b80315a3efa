import { describeSession, STATUS_LABELS } from '@app/domain';
import type { DueView } from '@app/tracking';

// German wording of the pages' recurring values, so every page says the same thing.

export { ROLE_LABELS } from '@app/accounts';

export const DUE_KIND_LABELS: Record<string, string> = {
  meeting: 'zu einer Sitzung',
  date: 'zu einem Datum',
  recurring: 'wiederkehrend',
  event: 'nach Ereignis',
  none: 'ohne Frist',
};

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** "17.03.2021" from "2021-03-17". */
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

/** The deadline in words: "35. Sitzung (23.06.2021)", "49. Sitzung (Termin offen)", "bis 31.12.2021", "ohne Frist". */
export function dueLabel(due: DueView): string {
  const soft = due.soft ? 'möglichst ' : '';
  switch (due.kind) {
    case 'meeting':
      // A session the calendar has no date for reads "49. Sitzung (Termin offen)".
      return due.meeting === undefined
        ? `${soft}zu einer Sitzung`
        : `${soft}${describeSession({ number: due.meeting, date: due.on ?? null })}`;
    case 'date':
      return `${soft}bis ${due.date ? germanDate(due.date) : 'unbekannt'}`;
    case 'recurring':
      return due.fromMeeting ? `wiederkehrend ab der ${due.fromMeeting}. Sitzung` : 'wiederkehrend';
    case 'event':
      return 'nach Ereignis';
    default:
      return 'ohne Frist';
  }
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "HB – Bremen", or just "Bund" where the code is the name. */
export function memberLabel(member: { code: string; name: string }): string {
  return member.name === member.code ? member.code : `${member.code} – ${member.name}`;
}
