// The status of one owner's share of a mandate, and the sets every rule and query asks about.

export const OBLIGATION_STATUSES = [
  'open',
  'in_progress',
  'reported',
  'done',
  'cancelled',
  'superseded',
] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** Still owed: nothing delivered yet. Reminders go out for these, and only these become overdue. */
export const OWED_STATUSES: readonly ObligationStatus[] = ['open', 'in_progress'];

/** Closed: done, cancelled and superseded obligations owe nothing any more. */
export const CLOSED_STATUSES: readonly ObligationStatus[] = ['done', 'cancelled', 'superseded'];

/** Not closed: still owed, or reported and waiting for the secretariat's confirmation. */
export const ACTIVE_STATUSES: readonly ObligationStatus[] = OBLIGATION_STATUSES.filter(
  (status) => !CLOSED_STATUSES.includes(status),
);

export function isObligationStatus(value: unknown): value is ObligationStatus {
  return (OBLIGATION_STATUSES as readonly unknown[]).includes(value);
}

export function isOwed(status: string): boolean {
  return (OWED_STATUSES as readonly string[]).includes(status);
}

export function isClosed(status: string): boolean {
  return (CLOSED_STATUSES as readonly string[]).includes(status);
}

/** A status set as an SQL list, `('open', 'in_progress')`, for queries that filter by it. */
export function sqlList(statuses: readonly ObligationStatus[]): string {
  return `(${statuses.map((status) => `'${status}'`).join(', ')})`;
}
