import { OBLIGATION_STATUSES, type ObligationStatus, STATUS_LABELS } from '@app/domain';
import type { MyObligation } from './my-obligations.view';

/** What "Meine Aufträge" can be narrowed to: a status, and overdue ones or those due at a session. */
export interface MyFilters {
  status?: ObligationStatus;
  due?: 'overdue' | number;
  /** One council's decisions only (short name or id), where more than one is kept. */
  council?: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The filters of the query, or what is wrong with them in German (a 400 names the value). */
export function readMyFilters(
  query: Record<string, unknown>,
): { filters: MyFilters } | { error: string } {
  const filters: MyFilters = {};
  const status = text(query.status);
  if (status) {
    if (!(OBLIGATION_STATUSES as readonly string[]).includes(status))
      return {
        error: `„${status}“ ist kein Status. Möglich sind: ${OBLIGATION_STATUSES.map((s) => STATUS_LABELS[s]).join(', ')}.`,
      };
    filters.status = status as ObligationStatus;
  }
  const due = text(query.due);
  if (due === 'overdue') filters.due = 'overdue';
  else if (/^[1-9]\d{0,3}$/.test(due)) filters.due = Number(due);
  else if (due)
    return { error: `„${due}“ ist keine Frist: „überfällig“ oder die Nummer einer Sitzung.` };
  const council = text(query.council);
  if (council) filters.council = council;
  return { filters };
}

export function applyMyFilters(rows: MyObligation[], filters: MyFilters): MyObligation[] {
  return rows.filter(
    (row) =>
      (!filters.status || row.status === filters.status) &&
      (filters.due === undefined ||
        (filters.due === 'overdue'
          ? row.overdueSince !== null
          : row.mandate.due.kind === 'meeting' && row.mandate.due.meeting === filters.due)),
  );
}

/** The sessions the member's obligations fall due at, for the deadline filter. */
export function dueSessions(rows: MyObligation[]): number[] {
  const numbers = rows
    .map((row) => row.mandate.due)
    .flatMap((due) => (due.kind === 'meeting' ? [due.meeting] : []));
  return [...new Set(numbers)].sort((a, b) => a - b);
}
