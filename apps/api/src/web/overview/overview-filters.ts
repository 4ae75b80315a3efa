import { OBLIGATION_STATUSES, type ObligationStatus } from '@app/domain';
import type { MandateListQuery } from '@app/tracking';

export const SORTS = {
  '-meeting': 'neueste Beschlüsse zuerst',
  due: 'früheste Frist zuerst',
  resolution: 'nach Beschlussnummer',
} as const;
export type OverviewSort = keyof typeof SORTS;

/** The overview's filters as the form sends them; what the form cannot send is dropped. */
export interface OverviewFilters {
  /** A council's short name, where more than one is kept. */
  council?: string;
  owner?: string;
  status?: ObligationStatus;
  dueMeeting?: number;
  /** The id of the meeting the mandates were decided in (every kind of meeting). */
  decidedIn?: number;
  q?: string;
  overdue?: boolean;
  sort: OverviewSort;
  page: number;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Empty fields mean "any" (a form sends every field), and unknown values are ignored rather
 * than refused: a page should still show something for an old bookmark.
 */
export function readOverviewFilters(
  query: Record<string, unknown>,
  known: { owners: string[]; meetings: number[]; decidedIn: number[]; councils?: string[] },
): OverviewFilters {
  const filters: OverviewFilters = { sort: '-meeting', page: 1 };
  const council = text(query.council);
  if (known.councils?.includes(council)) filters.council = council;
  const owner = text(query.owner);
  if (known.owners.includes(owner)) filters.owner = owner;
  const status = text(query.status);
  if ((OBLIGATION_STATUSES as readonly string[]).includes(status))
    filters.status = status as ObligationStatus;
  // An empty field is "any": Number('') is 0, which is no session.
  const due = Number(text(query.dueMeeting) || NaN);
  if (Number.isInteger(due) && due >= 1 && known.meetings.includes(due)) filters.dueMeeting = due;
  const decidedIn = Number(text(query.decidedIn) || NaN);
  if (Number.isInteger(decidedIn) && known.decidedIn.includes(decidedIn))
    filters.decidedIn = decidedIn;
  const q = text(query.q).slice(0, 200);
  if (q) filters.q = q;
  if (text(query.overdue) === 'true') filters.overdue = true;
  const sort = text(query.sort);
  if (sort in SORTS) filters.sort = sort as OverviewSort;
  const page = Number(text(query.page));
  if (Number.isInteger(page) && page >= 1 && page <= 10_000) filters.page = page;
  return filters;
}

export function toListQuery(filters: OverviewFilters, pageSize: number): MandateListQuery {
  return {
    council: filters.council,
    owner: filters.owner,
    status: filters.status,
    dueMeeting: filters.dueMeeting,
    meetingId: filters.decidedIn,
    q: filters.q,
    overdue: filters.overdue,
    sort: filters.sort,
    page: filters.page,
    pageSize,
    includeTotal: true,
  };
}

/** The overview's address with these filters (and another page). */
export function overviewHref(filters: OverviewFilters, page = filters.page): string {
  const params = new URLSearchParams();
  if (filters.council) params.set('council', filters.council);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.status) params.set('status', filters.status);
  if (filters.dueMeeting) params.set('dueMeeting', String(filters.dueMeeting));
  if (filters.decidedIn) params.set('decidedIn', String(filters.decidedIn));
  if (filters.q) params.set('q', filters.q);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.sort !== '-meeting') params.set('sort', filters.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/overview${search ? `?${search}` : ''}`;
}
