import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Mandate } from '../entities/mandate.entity';
import { Meeting } from '../entities/meeting.entity';
import { Obligation } from '../entities/obligation.entity';
import { ObligationEvent } from '../entities/obligation-event.entity';
import { Resolution } from '../entities/resolution.entity';
import { ResolutionPoint } from '../entities/resolution-point.entity';
import { StatementCache } from './statement-cache';

/** What a mandate list is filtered, sorted and paged by (the API's query, already validated). */
export interface MandateListFilter {
  owner?: string;
  status?: string;
  overdue?: boolean;
  dueMeeting?: number;
  dueBefore?: string;
  resolution?: string;
  meeting?: number;
  meetingId?: number;
  /** A council by its short name or id. */
  council?: string;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
  includeTotal?: boolean;
}

/** One row of a mandate list: the mandate (list columns only) and what it is shown with. */
export interface MandateListRow {
  mandate: Mandate;
  resolutionCode: string;
  /** The date of the session its deadline names, when the calendar has one. */
  dueMeetingDate: string | null;
  /** With `ownerObligation`: that owner's obligation of the mandate (none if it has none). */
  owned: Obligation[];
}

export interface MandateListResult {
  rows: MandateListRow[];
  /** Another page follows. */
  hasMore: boolean;
  /** All matches; only with `includeTotal`. */
  total?: number;
}

/** The reads around one mandate that its detail shows. */
export interface MandateDecision {
  resolution: Resolution;
  meeting: Meeting;
  dueMeeting: Meeting | null;
  point: ResolutionPoint | null;
}

/** A council named by its id in a filter ("2"); -1 (no council) for a short name. */
export function councilIdOf(value: string): number {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : -1;
}

/** Columns a list reads (no history, no original extraction). */
const MANDATE_COLUMNS = [
  'id',
  'resolutionId',
  'meetingNumber',
  'point',
  'ordinal',
  'owners',
  'partners',
  'action',
  'dueKind',
  'dueMeeting',
  'dueDate',
  'dueFromMeeting',
  'dueSoft',
  'dueText',
  'source',
  'sourceLine',
  'corrected',
] as const;

/**
 * A list row as the page statement names its columns: the mandate's as "mandate_<column>"
 * (TypeORM's aliases for `MANDATE_COLUMNS`), the filtered owner's obligation as
 * "owned_<column>" (`OWNED_COLUMNS`).
 */
type ListRaw = Record<string, unknown>;

/**
 * A mandate from a raw row, JSON and boolean columns decoded. Written out property by property
 * (the columns of `MANDATE_COLUMNS`, in order): every row's object then has one shape and each
 * read is a plain property load; copying by a list of computed keys cost 4% of the hot list
 * route's CPU. `satisfies` keeps the literal and the column list in step (a column missing here
 * fails the type check).
 */
function fromRaw(raw: ListRaw): Mandate {
  return {
    id: raw.mandate_id,
    resolutionId: raw.mandate_resolutionId,
    meetingNumber: raw.mandate_meetingNumber,
    point: raw.mandate_point,
    ordinal: raw.mandate_ordinal,
    owners: JSON.parse(String(raw.mandate_owners)),
    partners: JSON.parse(String(raw.mandate_partners)),
    action: raw.mandate_action,
    dueKind: raw.mandate_dueKind,
    dueMeeting: raw.mandate_dueMeeting,
    dueDate: raw.mandate_dueDate,
    dueFromMeeting: raw.mandate_dueFromMeeting,
    dueSoft: raw.mandate_dueSoft === true || raw.mandate_dueSoft === 1,
    dueText: raw.mandate_dueText,
    source: raw.mandate_source,
    sourceLine: raw.mandate_sourceLine,
    corrected: raw.mandate_corrected === true || raw.mandate_corrected === 1,
  } satisfies Record<(typeof MANDATE_COLUMNS)[number], unknown> as unknown as Mandate;
}

/** Columns of the filtered owner's obligation read with a list row ("owned_<column>"). */
const OWNED_COLUMNS = ['id', 'mandateId', 'owner', 'status', 'memberId', 'overdueSince'] as const;

/** The filtered owner's obligation from a list row; none when the mandate has no such owner. */
function ownedFromRaw(raw: ListRaw): Obligation[] {
  if (raw.owned_id === null || raw.owned_id === undefined) return [];
  const obligation = {
    id: raw.owned_id,
    mandateId: raw.owned_mandateId,
    owner: raw.owned_owner,
    status: raw.owned_status,
    memberId: raw.owned_memberId,
    overdueSince: raw.owned_overdueSince,
  } satisfies Record<(typeof OWNED_COLUMNS)[number], unknown>;
  return [obligation as unknown as Obligation];
}

/**
 * The values a list's filter binds, by the names its statement gives them; a condition is in the
 * statement exactly when its value is here (`filtered`), so their names are the statement's shape.
 */
function filterParameters(filter: MandateListFilter, scope?: number): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (scope !== undefined) p.scope = scope;
  if (filter.owner !== undefined) p.owner = filter.owner;
  if (filter.status !== undefined) p.status = filter.status;
  if (filter.dueMeeting !== undefined) p.dueMeeting = filter.dueMeeting;
  if (filter.dueBefore !== undefined) p.dueBefore = filter.dueBefore;
  if (filter.resolution) p.code = filter.resolution.replace(/\s+/g, '');
  if (filter.meeting !== undefined) p.meetingNumber = filter.meeting;
  if (filter.meetingId !== undefined) p.meetingId = filter.meetingId;
  if (filter.council) {
    p.council = filter.council;
    p.councilId = councilIdOf(filter.council);
  }
  if (filter.q) p.q = `%${filter.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return p;
}

const SORTS: Record<string, [string, 'ASC' | 'DESC']> = {
  '-meeting': ['mandate.meetingNumber', 'DESC'],
  meeting: ['mandate.meetingNumber', 'ASC'],
  due: ['due_on', 'ASC'],
  '-due': ['due_on', 'DESC'],
  resolution: ['resolution.code', 'ASC'],
  '-resolution': ['resolution.code', 'DESC'],
};

/** Mandates with their obligations: the filtered, paged lists, a mandate's detail, the lists' filters. */
@Injectable()
export class MandateRepository {
  /** The list statements, built once per shape of filter (see `StatementCache`). */
  private readonly lists: StatementCache;

  constructor(private readonly dataSource: DataSource) {
    this.lists = new StatementCache(dataSource);
  }

  /**
   * The mandates in force matching the filter. `scope` (a delegate's member) limits them to
   * those with an obligation of that member, and the owner, status and overdue filters to its
   * obligations. Which conditions it has follows from the filter's `parameters` present (and
   * `overdue`), nothing else: `page` keys its statements by them.
   */
  private filtered(filter: MandateListFilter, scope?: number): SelectQueryBuilder<Mandate> {
    const p = filterParameters(filter, scope);
    const qb = this.dataSource
      .createQueryBuilder(Mandate, 'mandate')
      .innerJoin(Resolution, 'resolution', 'resolution.id = mandate.resolutionId')
      .leftJoin(
        Meeting,
        'dueMeeting',
        'dueMeeting.councilId = resolution.councilId AND dueMeeting.number = mandate.dueMeeting',
      )
      .where('mandate.withdrawnAt IS NULL');
    // Owner, status and scope as EXISTS probes: the database walks mandates in list order and
    // stops after a page, instead of sorting every match.
    const exists = (alias: string, condition: string) =>
      `EXISTS (SELECT 1 FROM "obligation" "${alias}" WHERE "${alias}"."mandateId" = "mandate"."id" AND ${condition})`;
    // A delegate's filters test only the obligations it may see: a status or overdue filter that
    // matched another member's obligation would tell that member's status by what it lists.
    const inScope = 'scope' in p ? ' AND "%a"."memberId" = :scope' : '';
    const visible = (alias: string, condition: string) =>
      exists(alias, condition + inScope.replace('%a', alias));
    if ('scope' in p) qb.andWhere(exists('s', '"s"."memberId" = :scope'));
    if ('owner' in p || 'status' in p) {
      const conditions = [
        ...('owner' in p ? ['"o"."owner" = :owner'] : []),
        ...('status' in p ? ['"o"."status" = :status'] : []),
      ];
      qb.andWhere(visible('o', conditions.join(' AND ')));
    }
    if (filter.overdue !== undefined) {
      // The asked owner's obligation (and, for a delegate, only its member's) is the one that is
      // late, not another owner's of the same mandate: the same count the pages and reports give.
      const whose = 'owner' in p ? ['"v"."owner" = :owner'] : [];
      qb.andWhere(
        `${filter.overdue ? '' : 'NOT '}${visible('v', [...whose, '"v"."overdueSince" IS NOT NULL'].join(' AND '))}`,
      );
    }
    if ('dueMeeting' in p) qb.andWhere('mandate.dueMeeting = :dueMeeting');
    if ('dueBefore' in p) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("mandate.dueKind = 'date' AND mandate.dueDate <= :dueBefore")
            .orWhere("mandate.dueKind = 'meeting' AND dueMeeting.date <= :dueBefore"),
        ),
      );
    }
    if ('code' in p) qb.andWhere('resolution.code = :code');
    if ('meetingNumber' in p) qb.andWhere('mandate.meetingNumber = :meetingNumber');
    if ('meetingId' in p) qb.andWhere('resolution.meetingId = :meetingId');
    if ('council' in p) {
      // By its short name ("itplr") or its id, as the pages and the OParl body name it.
      qb.andWhere(
        'resolution.councilId IN (SELECT "c"."id" FROM "council" "c" WHERE "c"."code" = :council OR "c"."id" = :councilId)',
      );
    }
    if ('q' in p) {
      qb.andWhere(
        "(LOWER(mandate.action) LIKE :q ESCAPE '\\' OR LOWER(mandate.source) LIKE :q ESCAPE '\\')",
      );
    }
    return qb.setParameters(p);
  }

  /**
   * A page of mandates. `hasMore` comes from reading one row past the page; the exact `total`
   * costs a count over every match and is given when asked for (`includeTotal`). With
   * `ownerObligation`, each row carries that owner's obligation, read with its mandate (one row
   * each through the unique mandate-owner index) instead of every owner's afterwards. The
   * statement is built once per shape of filter and then only run (`StatementCache`).
   */
  async page(
    filter: MandateListFilter,
    scope?: number,
    ownerObligation?: string,
  ): Promise<MandateListResult> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    const total = filter.includeTotal ? await this.filtered(filter, scope).getCount() : undefined;
    const parameters = filterParameters(filter, scope);
    const sort = filter.sort ?? '-meeting';
    const shape = [
      Object.keys(parameters).join(','),
      `overdue=${filter.overdue}`,
      `sort=${sort}`,
      `owned=${ownerObligation !== undefined}`,
    ].join('|');
    const raws = await this.lists.rows<ListRaw>(
      shape,
      () => this.pageStatement(filter, scope, sort, ownerObligation !== undefined),
      {
        ...parameters,
        ...(ownerObligation !== undefined ? { ownedBy: ownerObligation } : {}),
        pageLimit: pageSize + 1,
        pageOffset: (page - 1) * pageSize,
      },
    );
    const rows = raws.slice(0, pageSize).map((raw) => ({
      mandate: fromRaw(raw),
      resolutionCode: String(raw.resolution_code),
      dueMeetingDate: (raw.due_meeting_date as string | null) ?? null,
      owned: ownerObligation !== undefined ? ownedFromRaw(raw) : [],
    }));
    return { rows, hasMore: raws.length > pageSize, ...(total !== undefined ? { total } : {}) };
  }

  /** The page statement of a shape: list columns, sorted, `:pageLimit` rows from `:pageOffset`. */
  private pageStatement(
    filter: MandateListFilter,
    scope: number | undefined,
    sort: string,
    owned: boolean,
  ): string {
    const qb = this.filtered(filter, scope);
    const [sortColumn, direction] = SORTS[sort];
    qb.select(MANDATE_COLUMNS.map((c) => `mandate.${c}`))
      .addSelect('resolution.code', 'resolution_code')
      .addSelect('dueMeeting.date', 'due_meeting_date')
      .addSelect(
        "CASE WHEN mandate.dueKind = 'date' THEN mandate.dueDate WHEN mandate.dueKind = 'meeting' THEN dueMeeting.date ELSE NULL END",
        'due_on',
      );
    if (owned) {
      qb.leftJoin(Obligation, 'owned', 'owned.mandateId = mandate.id AND owned.owner = :ownedBy');
      for (const column of OWNED_COLUMNS) qb.addSelect(`owned.${column}`, `owned_${column}`);
    }
    qb.orderBy(
      sortColumn,
      direction,
      sortColumn === 'due_on' ? (direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST') : undefined,
    ).addOrderBy('mandate.id', 'ASC');
    return `${qb.getQuery()} LIMIT :pageLimit OFFSET :pageOffset`;
  }

  /** The obligations of listed mandates, as plain rows (no entity hydration). */
  async obligationsOf(mandateIds: number[]): Promise<Obligation[]> {
    if (mandateIds.length === 0) return [];
    return this.dataSource
      .createQueryBuilder(Obligation, 'o')
      .select([
        'o.id AS id',
        'o.mandateId AS "mandateId"',
        'o.owner AS owner',
        'o.status AS status',
        'o.memberId AS "memberId"',
        'o.overdueSince AS "overdueSince"',
      ])
      .where('o.mandateId IN (:...ids)', { ids: mandateIds })
      .orderBy('o.id', 'ASC')
      .getRawMany<Obligation>();
  }

  async findById(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Mandate | null> {
    return manager.findOneBy(Mandate, { id });
  }

  /** A mandate's obligations, every owner's, in the order they were made. */
  async obligationsOfMandate(
    mandateId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Obligation[]> {
    return manager.find(Obligation, { where: { mandateId }, order: { id: 'ASC' } });
  }

  /** Where a mandate was decided: its decision, session, point, and the session it is due at. */
  async decisionOf(mandate: Mandate): Promise<MandateDecision> {
    const m = this.dataSource.manager;
    const resolution = await m.findOneByOrFail(Resolution, { id: mandate.resolutionId });
    const meeting = await m.findOneByOrFail(Meeting, { id: resolution.meetingId });
    const dueMeeting = mandate.dueMeeting
      ? await m.findOneBy(Meeting, { councilId: resolution.councilId, number: mandate.dueMeeting })
      : null;
    const point = await m.findOneBy(ResolutionPoint, {
      resolutionId: resolution.id,
      number: mandate.point,
    });
    return { resolution, meeting, dueMeeting, point };
  }

  /** The history of obligations, oldest first. */
  async historyOf(obligationIds: number[]): Promise<ObligationEvent[]> {
    if (obligationIds.length === 0) return [];
    return this.dataSource.manager.find(ObligationEvent, {
      where: { obligationId: In(obligationIds) },
      order: { id: 'ASC' },
    });
  }

  /** Some mandate is due at this session number (a session the calendar may not have yet). */
  async isDueAtSession(number: number): Promise<boolean> {
    return this.dataSource.getRepository(Mandate).existsBy({ dueMeeting: number });
  }

  /**
   * A council's deadlines that name session `from` move to session `to` (a cancelled session's
   * business goes to the next one); how many moved.
   */
  async moveDueSession(
    manager: EntityManager,
    councilId: number,
    from: number,
    to: number,
    dueText: string,
  ): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Mandate)
      .set({ dueMeeting: to, dueText, updatedAt: new Date().toISOString() })
      .where('dueMeeting = :number', { number: from })
      .andWhere("dueKind = 'meeting'")
      .andWhere(
        'resolutionId IN (SELECT "r"."id" FROM "resolution" "r" WHERE "r"."councilId" = :council)',
        { council: councilId },
      )
      .execute();
    return result.affected ?? 0;
  }

  async findByIds(
    ids: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Mandate[]> {
    return ids.length ? manager.findBy(Mandate, { id: In(ids) }) : [];
  }

  async update(manager: EntityManager, id: number, values: Partial<Mandate>): Promise<void> {
    await manager.update(Mandate, id, values as never);
  }

  /** Stores a new mandate; its id. */
  async add(manager: EntityManager, mandate: Omit<Mandate, 'id'>): Promise<number> {
    return (await manager.insert(Mandate, mandate)).identifiers[0].id as number;
  }

  /**
   * A place for a mandate added by hand at a decision's point: counted down from -1, so it never
   * takes the place (point, ordinal) a mandate of the text has or will have when the text is
   * read again.
   */
  async freeOrdinal(manager: EntityManager, resolutionId: number, point: number): Promise<number> {
    const row = await manager
      .createQueryBuilder(Mandate, 'm')
      .select('MIN(m.ordinal)', 'lowest')
      .where('m.resolutionId = :resolutionId AND m.point = :point', { resolutionId, point })
      .getRawOne<{ lowest: number | string | null }>();
    const lowest = row?.lowest === null || row?.lowest === undefined ? 0 : Number(row.lowest);
    return Math.min(lowest, 0) - 1;
  }
}
