import { STATUS_LABELS } from '@app/domain';

// German wording of the pages' recurring values, so every page says the same thing.

export { ROLE_LABELS } from '@app/accounts';
export { germanDate } from '@app/domain';

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
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

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "HB – Bremen", or just "Bund" where the code is the name. */
export function memberLabel(member: { code: string; name: string }): string {
  return member.name === member.code ? member.code : `${member.code} – ${member.name}`;
}
