import type { DueKind, Mandate } from '../entities/mandate.entity';

/** A deadline as the extraction and the API give it. */
export interface MandateDue {
  kind: DueKind;
  meeting?: number;
  date?: string;
  fromMeeting?: number;
  soft?: boolean;
}

/** A deadline read back from a mandate's columns. */
export type StoredDue =
  | { kind: 'meeting'; meeting: number; soft?: boolean }
  | { kind: 'date'; date: string; soft?: boolean }
  | { kind: 'recurring'; fromMeeting?: number }
  | { kind: 'event' }
  | { kind: 'none' };

/** The deadline columns of a mandate: one place for the ingest, corrections and links. */
export function dueColumns(
  due: MandateDue,
): Pick<Mandate, 'dueKind' | 'dueMeeting' | 'dueDate' | 'dueFromMeeting' | 'dueSoft'> {
  return {
    dueKind: due.kind,
    dueMeeting: due.kind === 'meeting' ? (due.meeting ?? null) : null,
    dueDate: due.kind === 'date' ? (due.date ?? null) : null,
    dueFromMeeting: due.kind === 'recurring' ? (due.fromMeeting ?? null) : null,
    dueSoft: due.soft === true,
  };
}

/** The deadline of a mandate row (raw query results give numbers and 0/1 as they come). */
export function dueOfColumns(
  r: Partial<Record<'dueKind' | 'dueMeeting' | 'dueDate' | 'dueFromMeeting' | 'dueSoft', unknown>>,
): StoredDue {
  const soft = r.dueSoft === true || r.dueSoft === 1;
  switch (r.dueKind as DueKind) {
    case 'meeting':
      return r.dueMeeting === null || r.dueMeeting === undefined
        ? { kind: 'none' }
        : { kind: 'meeting', meeting: Number(r.dueMeeting), ...(soft ? { soft } : {}) };
    case 'date':
      return r.dueDate === null || r.dueDate === undefined
        ? { kind: 'none' }
        : { kind: 'date', date: String(r.dueDate), ...(soft ? { soft } : {}) };
    case 'recurring':
      return r.dueFromMeeting === null || r.dueFromMeeting === undefined
        ? { kind: 'recurring' }
        : { kind: 'recurring', fromMeeting: Number(r.dueFromMeeting) };
    case 'event':
      return { kind: 'event' };
    default:
      return { kind: 'none' };
  }
}
