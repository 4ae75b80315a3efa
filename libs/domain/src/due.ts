// The deadline of a mandate, one shape for every layer: the extraction reads it from a text, the
// mandate stores it in five columns, the follow-up rules judge it, the pages and reports put it
// into words (german.wording.ts).

/** What kind of deadline a mandate has. */
export const DUE_KINDS = ['meeting', 'date', 'recurring', 'event', 'none'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * A deadline. `soft` marks "möglichst bis …". The extraction's contract JSON carries exactly this
 * shape; `later` and a recurring duty's `date` are read from texts but not stored.
 */
export type Due =
  | { kind: 'meeting'; meeting: number; soft?: boolean }
  /** `later`: further dates of the same duty ("zum Stichtag 01.01.2026, 01.01.2028"), ascending. */
  | { kind: 'date'; date: string; later?: string[]; soft?: boolean }
  /**
   * From session `fromMeeting` on, at every session; without it, every year after the decision.
   * `date`: the first day it falls due where the text names a day ("jährlich zum 31.03.").
   */
  | { kind: 'recurring'; fromMeeting?: number; date?: string; soft?: boolean }
  | { kind: 'event'; soft?: boolean }
  | { kind: 'none' };

/** A deadline as forms, DTOs and JSON columns give it: any field may be missing or null. */
export interface LooseDue {
  kind: DueKind;
  meeting?: number | null;
  date?: string | null;
  fromMeeting?: number | null;
  soft?: boolean | null;
}

/** The five columns a mandate keeps its deadline in. */
export interface DueColumns {
  dueKind: DueKind;
  dueMeeting: number | null;
  dueDate: string | null;
  dueFromMeeting: number | null;
  dueSoft: boolean;
}

/** The columns of a deadline: only the field of its kind is set. */
export function dueColumns(due: LooseDue): DueColumns {
  return {
    dueKind: due.kind,
    dueMeeting: due.kind === 'meeting' ? (due.meeting ?? null) : null,
    dueDate: due.kind === 'date' ? (due.date ?? null) : null,
    dueFromMeeting: due.kind === 'recurring' ? (due.fromMeeting ?? null) : null,
    dueSoft: due.soft === true,
  };
}

const present = (value: unknown): boolean => value !== null && value !== undefined;

/**
 * The deadline of a mandate row. Raw query results give numbers as strings and booleans as 0/1;
 * a session or date deadline whose session or date is missing is no deadline.
 */
export function dueOfColumns(row: Partial<Record<keyof DueColumns, unknown>>): Due {
  const soft = row.dueSoft === true || row.dueSoft === 1 ? { soft: true } : {};
  switch (row.dueKind) {
    case 'meeting':
      return present(row.dueMeeting)
        ? { kind: 'meeting', meeting: Number(row.dueMeeting), ...soft }
        : { kind: 'none' };
    case 'date':
      return present(row.dueDate)
        ? { kind: 'date', date: String(row.dueDate), ...soft }
        : { kind: 'none' };
    case 'recurring':
      return present(row.dueFromMeeting)
        ? { kind: 'recurring', fromMeeting: Number(row.dueFromMeeting), ...soft }
        : { kind: 'recurring', ...soft };
    case 'event':
      return { kind: 'event', ...soft };
    default:
      return { kind: 'none' };
  }
}

/** A loosely given deadline (a form, a DTO, a JSON column) as a `Due`, by the column rules. */
export function dueOf(due: LooseDue): Due {
  return dueOfColumns(dueColumns(due));
}
