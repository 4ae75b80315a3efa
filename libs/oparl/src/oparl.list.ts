import type { OparlObject } from './oparl.types';

/** A request the API cannot answer, with a message for the user (German) and the HTTP status. */
export class OparlRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly debug: string,
  ) {
    super(message);
  }
}

const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
type Filter = (typeof FILTERS)[number];

/** The parameters of an external list, as the spec defines them. */
export interface OparlListQuery {
  filters: Partial<Record<Filter, string>>;
  omitInternal: boolean;
  limit: number;
  page: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Reads a list's query string; an unreadable value is refused with the parameter's name. */
export function parseListQuery(query: Record<string, unknown>): OparlListQuery {
  const single = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw new OparlRequestError(
        400,
        `Der Parameter „${name}“ darf nur einmal angegeben werden.`,
        `parameter ${name} repeated`,
      );
    return value;
  };
  const filters: OparlListQuery['filters'] = {};
  for (const name of FILTERS) {
    const value = single(name);
    if (value === undefined) continue;
    if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
      throw new OparlRequestError(
        400,
        `Der Parameter „${name}“ muss ein Zeitpunkt mit Datum, Uhrzeit und Zeitzone sein, zum Beispiel 2024-01-01T00:00:00+01:00.`,
        `${name}=${value} is no date-time`,
      );
    filters[name] = value;
  }
  const whole = (name: string, fallback: number, max: number): number => {
    const value = single(name);
    if (value === undefined) return fallback;
    if (!/^[1-9]\d{0,6}$/.test(value))
      throw new OparlRequestError(
        400,
        `Der Parameter „${name}“ muss eine ganze Zahl ab 1 sein.`,
        `${name}=${value} is no positive whole number`,
      );
    return Math.min(Number(value), max);
  };
  const omit = single('omit_internal');
  if (omit !== undefined && omit !== 'true' && omit !== 'false')
    throw new OparlRequestError(
      400,
      'Der Parameter „omit_internal“ muss true oder false sein.',
      `omit_internal=${omit}`,
    );
  return {
    filters,
    omitInternal: omit === 'true',
    limit: whole('limit', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    page: whole('page', 1, Number.MAX_SAFE_INTEGER),
  };
}

function passes(object: OparlObject, filters: OparlListQuery['filters']): boolean {
  const at = (time: string) => Date.parse(time);
  const created = at(object.created);
  const modified = at(object.modified);
  if (filters.created_since && created < at(filters.created_since)) return false;
  if (filters.created_until && created > at(filters.created_until)) return false;
  if (filters.modified_since && modified < at(filters.modified_since)) return false;
  if (filters.modified_until && modified > at(filters.modified_until)) return false;
  // Deleted objects only for an update (modified_since), as the spec asks.
  if (object.deleted === true && !filters.modified_since) return false;
  return true;
}

/** Properties a client may ask to leave out (omit_internal=true). */
const INTERNAL = ['agendaItem', 'auxiliaryFile'];

export type OparlListPage = {
  data: OparlObject[];
  pagination: Record<string, number>;
  links: Record<string, string>;
};

/** Whether a list query can be answered from the database page by page (see selectedPage). */
export function pagedInDatabase(query: OparlListQuery): boolean {
  return (
    !query.filters.created_since && !query.filters.created_until && !query.filters.modified_until
  );
}

/** One page of an external list, with `pagination` and `links` that keep the filters. */
export function listPage(
  all: OparlObject[],
  query: OparlListQuery,
  listUrl: string,
): OparlListPage {
  const matching = all.filter((o) => passes(o, query.filters));
  const start = (query.page - 1) * query.limit;
  return selectedPage(matching.slice(start, start + query.limit), matching.length, query, listUrl);
}

/**
 * A page whose objects the database already selected (filtered, in order, this page only), with
 * the number of all that match: the same answer as listPage over every object.
 */
export function selectedPage(
  objects: OparlObject[],
  total: number,
  query: OparlListQuery,
  listUrl: string,
): OparlListPage {
  const totalPages = Math.max(1, Math.ceil(total / query.limit));
  const pageUrl = (page: number): string => {
    const params = new URLSearchParams();
    for (const name of FILTERS) if (query.filters[name]) params.set(name, query.filters[name]);
    if (query.omitInternal) params.set('omit_internal', 'true');
    if (query.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(query.limit));
    if (page > 1) params.set('page', String(page));
    const text = params.toString();
    return text ? `${listUrl}?${text}` : listUrl;
  };
  const data = objects.map((object) => {
    if (!query.omitInternal) return object;
    const copy: OparlObject = { ...object };
    for (const key of INTERNAL) delete copy[key];
    return copy;
  });
  return {
    data,
    pagination: {
      totalElements: total,
      elementsPerPage: query.limit,
      currentPage: query.page,
      totalPages,
    },
    links: {
      first: pageUrl(1),
      ...(query.page > 1 ? { prev: pageUrl(Math.min(query.page - 1, totalPages)) } : {}),
      self: pageUrl(query.page),
      ...(query.page < totalPages ? { next: pageUrl(query.page + 1) } : {}),
      last: pageUrl(totalPages),
    },
  };
}

/** The spec's error object. */
export function oparlError(message: string, debug: string): Record<string, string> {
  return { type: 'https://schema.oparl.org/1.1/Error', message, debug };
}
