import { dueOfColumns, type Due, type Session } from '@app/domain';
import { describeDecidedIn } from '@app/follow-up';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import {
  Mandate,
  Meeting,
  Obligation,
  ObligationEvent,
  Resolution,
  ResolutionPoint,
} from '@app/persistence';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { memberScope, refuse } from '../scope';
import type { MandateListQuery } from './mandate-list.query';
import { LinksService, type LinkView } from '@app/links';

/** A mandate's deadline as the API gives it: the deadline, the day it falls due, its words in the text. */
export type DueView = Due & {
  /** The day it falls due: the due date, or the date of the session it points at. */
  on?: string;
  text: string;
};

/**
 * The calendar as far as a view knows it, for `describeDue`: the day of the session its deadline
 * names ("35. Sitzung (23.06.2021)"), or no day ("49. Sitzung (Termin offen)").
 */
export function viewCalendar(due: DueView): Session[] {
  return due.kind === 'meeting'
    ? [{ number: due.meeting, date: due.on ?? null, state: 'planned' }]
    : [];
}

export interface MandateView {
  id: number;
  resolution: string;
  resolutionId: number;
  /** The council session that decided it; null for a special session, Umlaufverfahren, AL-Runde. */
  meeting: number | null;
  point: number;
  action: string;
  due: DueView;
  /**
   * Obligations the reader may see (a delegate: its own member's only); in a list filtered by
   * owner, that owner's obligation only (`allOwners` still names every owner).
   */
  owners: Array<{
    owner: string;
    status: string;
    obligationId: number;
    overdueSince: string | null;
  }>;
  /** Every owner of the mandate, by name. */
  allOwners: string[];
  partners: string[];
  source: string;
  sourceLine: number;
  corrected: boolean;
}

export interface MandateDetail extends MandateView {
  /** Where it was decided, in words ("34. Sitzung", "Sondersitzung am 08.02.2018"). */
  decidedIn: string;
  /** The meeting it was decided in: the address of those without a number. */
  meetingId: number;
  /** Why the sentence was taken as a mandate: the form of the request that matched. */
  basis: string | null;
  /** Why the reading should be checked; empty where it is certain. */
  uncertain: string[];
  resolutionTitle: string | null;
  pointText: string | null;
  extracted: Mandate['extracted'];
  /** `manual`: added by the secretariat, not read from a text. */
  origin: Mandate['origin'];
  /**
   * Taken out of every list: by the secretariat (`by`, `reason`), or by the ingest because a
   * corrected text no longer has it (`by` and `reason` null).
   */
  withdrawn: { at: string; by: string | null; reason: string | null } | null;
  /**
   * Its chain: later decisions that fulfil, extend, renew or supersede it (proposed, confirmed or
   * rejected), and the earlier ones its own decision answers.
   */
  links: LinkView[];
  obligations: Array<
    MandateView['owners'][number] & { history: Array<Omit<ObligationEvent, 'id' | 'obligationId'>> }
  >;
}

/** Which obligations a list item carries. */
export interface MandateListOptions {
  /**
   * `matching` (the API's lists): with an `owner` filter, only that owner's obligation per
   * mandate, so a member's list reads a page of rows, not every owner's; `all`: every obligation
   * the reader may see (pages that summarise all owners, exports).
   */
  obligations?: 'all' | 'matching';
}

export interface MandatePage {
  items: MandateView[];
  page: number;
  pageSize: number;
  /** Another page follows. */
  hasMore: boolean;
  /** All matches; only with `includeTotal=true`. */
  total?: number;
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

/** The raw row's alias of each list column ("mandate_<column>"), computed once. */
const RAW_KEYS = MANDATE_COLUMNS.map((column) => [column, `mandate_${column}`] as const);

/** A mandate from a raw row, JSON and boolean columns decoded. */
function fromRaw(raw: Record<string, unknown>): Mandate {
  const mandate: Record<string, unknown> = {};
  for (const [column, key] of RAW_KEYS) mandate[column] = raw[key];
  mandate.owners = JSON.parse(String(mandate.owners));
  mandate.partners = JSON.parse(String(mandate.partners));
  mandate.dueSoft = mandate.dueSoft === true || mandate.dueSoft === 1;
  mandate.corrected = mandate.corrected === true || mandate.corrected === 1;
  return mandate as unknown as Mandate;
}

/** Columns of the filtered owner's obligation read with a list row ("owned_<column>"). */
const OWNED_COLUMNS = ['id', 'mandateId', 'owner', 'status', 'memberId', 'overdueSince'] as const;

/** The filtered owner's obligation from a list row; none when the mandate has no such owner. */
function ownedFromRaw(raw: Record<string, unknown>): Obligation[] {
  if (raw.owned_id === null || raw.owned_id === undefined) return [];
  const obligation: Record<string, unknown> = {};
  for (const column of OWNED_COLUMNS) obligation[column] = raw[`owned_${column}`];
  return [obligation as unknown as Obligation];
}

const SORTS: Record<string, [string, 'ASC' | 'DESC']> = {
  '-meeting': ['mandate.meetingNumber', 'DESC'],
  meeting: ['mandate.meetingNumber', 'ASC'],
  due: ['due_on', 'ASC'],
  '-due': ['due_on', 'DESC'],
  resolution: ['resolution.code', 'ASC'],
  '-resolution': ['resolution.code', 'DESC'],
};

/** A council named by its id in a filter ("2"); -1 (no council) for a short name. */
export function councilIdOf(value: string): number {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : -1;
}

/** Mandates with their obligations: lists with filters, detail with history, corrections. */
@Injectable()
export class MandatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly links: LinksService,
  ) {}

  private filtered(query: MandateListQuery, user?: AuthUser): SelectQueryBuilder<Mandate> {
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
    const scope = user ? memberScope(user) : undefined;
    const inScope = scope !== undefined ? ' AND "%a"."memberId" = :scope' : '';
    const visible = (alias: string, condition: string) =>
      exists(alias, condition + inScope.replace('%a', alias));
    if (scope !== undefined) qb.andWhere(exists('s', '"s"."memberId" = :scope'), { scope });
    if (query.owner !== undefined || query.status !== undefined) {
      const conditions = [
        ...(query.owner !== undefined ? ['"o"."owner" = :owner'] : []),
        ...(query.status !== undefined ? ['"o"."status" = :status'] : []),
      ];
      qb.andWhere(visible('o', conditions.join(' AND ')), {
        owner: query.owner,
        status: query.status,
      });
    }
    if (query.overdue !== undefined) {
      // The asked owner's obligation (and, for a delegate, only its member's) is the one that is
      // late, not another owner's of the same mandate: the same count the pages and reports give.
      const whose = query.owner !== undefined ? ['"v"."owner" = :owner'] : [];
      qb.andWhere(
        `${query.overdue ? '' : 'NOT '}${visible('v', [...whose, '"v"."overdueSince" IS NOT NULL'].join(' AND '))}`,
        { owner: query.owner },
      );
    }
    if (query.dueMeeting !== undefined) {
      qb.andWhere('mandate.dueMeeting = :dueMeeting', { dueMeeting: query.dueMeeting });
    }
    if (query.dueBefore !== undefined) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("mandate.dueKind = 'date' AND mandate.dueDate <= :dueBefore", {
              dueBefore: query.dueBefore,
            })
            .orWhere("mandate.dueKind = 'meeting' AND dueMeeting.date <= :dueBefore", {
              dueBefore: query.dueBefore,
            }),
        ),
      );
    }
    if (query.resolution)
      qb.andWhere('resolution.code = :code', { code: query.resolution.replace(/\s+/g, '') });
    if (query.meeting !== undefined)
      qb.andWhere('mandate.meetingNumber = :meetingNumber', { meetingNumber: query.meeting });
    if (query.meetingId !== undefined)
      qb.andWhere('resolution.meetingId = :meetingId', { meetingId: query.meetingId });
    if (query.council) {
      // By its short name ("itplr") or its id, as the pages and the OParl body name it.
      qb.andWhere(
        'resolution.councilId IN (SELECT "c"."id" FROM "council" "c" WHERE "c"."code" = :council OR "c"."id" = :councilId)',
        { council: query.council, councilId: councilIdOf(query.council) },
      );
    }
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        "(LOWER(mandate.action) LIKE :q ESCAPE '\\' OR LOWER(mandate.source) LIKE :q ESCAPE '\\')",
        { q: like },
      );
    }
    return qb;
  }

  /**
   * A page of mandates. `hasMore` comes from reading one row past the page; the exact `total`
   * costs a count over every match and is given when asked for (`includeTotal`).
   */
  async list(
    query: MandateListQuery,
    user?: AuthUser,
    options: MandateListOptions = {},
  ): Promise<MandatePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.filtered(query, user);
    const total = query.includeTotal ? await qb.clone().getCount() : undefined;
    const [sortColumn, direction] = SORTS[query.sort ?? '-meeting'];
    qb.select(MANDATE_COLUMNS.map((c) => `mandate.${c}`))
      .addSelect('resolution.code', 'resolution_code')
      .addSelect('dueMeeting.date', 'due_meeting_date')
      .addSelect(
        "CASE WHEN mandate.dueKind = 'date' THEN mandate.dueDate WHEN mandate.dueKind = 'meeting' THEN dueMeeting.date ELSE NULL END",
        'due_on',
      );
    // Filtered by owner, the lists of the API carry that owner's obligation, read with its mandate
    // (one row each through the unique mandate-owner index) instead of every owner's afterwards.
    const owner = options.obligations === 'matching' ? query.owner : undefined;
    if (owner !== undefined) {
      qb.leftJoin(Obligation, 'owned', 'owned.mandateId = mandate.id AND owned.owner = :owner', {
        owner,
      });
      for (const column of OWNED_COLUMNS) qb.addSelect(`owned.${column}`, `owned_${column}`);
    }
    const rows: Array<Record<string, unknown>> = await qb
      .orderBy(
        sortColumn,
        direction,
        sortColumn === 'due_on' ? (direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST') : undefined,
      )
      .addOrderBy('mandate.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize + 1)
      .getRawMany();
    const hasMore = rows.length > pageSize;
    const mandates = rows.slice(0, pageSize).map((raw) => fromRaw(raw));
    const obligations =
      owner !== undefined
        ? rows.slice(0, pageSize).flatMap(ownedFromRaw)
        : await this.obligationsOf(mandates.map((m) => m.id));
    // A delegate sees its own member's obligation on a shared mandate, and the others by name only.
    const scope = user ? memberScope(user) : undefined;
    const byMandate = new Map<number, Obligation[]>();
    for (const o of obligations) {
      if (scope !== undefined && o.memberId !== scope) continue;
      const list = byMandate.get(o.mandateId);
      if (list) list.push(o);
      else byMandate.set(o.mandateId, [o]);
    }
    const items = mandates.map((mandate, i) =>
      toView(mandate, {
        resolution: String(rows[i].resolution_code),
        meeting: mandate.meetingNumber,
        dueMeetingDate: (rows[i].due_meeting_date as string | null) ?? null,
        obligations: byMandate.get(mandate.id) ?? [],
      }),
    );
    return { items, page, pageSize, hasMore, ...(total !== undefined ? { total } : {}) };
  }

  /** The obligations of listed mandates, as plain rows (no entity hydration). */
  private async obligationsOf(mandateIds: number[]): Promise<Obligation[]> {
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

  async detail(id: number, user: AuthUser): Promise<MandateDetail> {
    const m = this.dataSource.manager;
    const mandate = await m.findOneBy(Mandate, { id });
    if (!mandate) throw new NotFoundException(`Einen Auftrag ${id} gibt es nicht.`);
    const obligations = await m.find(Obligation, {
      where: { mandateId: id },
      order: { id: 'ASC' },
    });
    const scope = memberScope(user);
    if (scope !== undefined && !obligations.some((o) => o.memberId === scope)) {
      await this.audit.record(user, { action: 'access.denied', entity: 'mandate', entityId: id });
      refuse(`Der Auftrag ${id}`);
    }
    const resolution = await m.findOneByOrFail(Resolution, { id: mandate.resolutionId });
    const meeting = await m.findOneByOrFail(Meeting, { id: resolution.meetingId });
    const dueMeeting = mandate.dueMeeting
      ? await m.findOneBy(Meeting, { councilId: resolution.councilId, number: mandate.dueMeeting })
      : null;
    const visible = obligations.filter((o) => scope === undefined || o.memberId === scope);
    const history = visible.length
      ? await m.find(ObligationEvent, {
          where: { obligationId: In(visible.map((o) => o.id)) },
          order: { id: 'ASC' },
        })
      : [];
    const point = await m.findOneBy(ResolutionPoint, {
      resolutionId: resolution.id,
      number: mandate.point,
    });
    const view = toView(mandate, {
      resolution: resolution.code,
      meeting: meeting.number,
      dueMeetingDate: dueMeeting?.date ?? null,
      obligations: obligations.filter((o) => scope === undefined || o.memberId === scope),
    });
    return {
      ...view,
      decidedIn: describeDecidedIn(meeting),
      meetingId: meeting.id,
      basis: mandate.basis,
      uncertain: mandate.uncertain ?? [],
      resolutionTitle: resolution.title,
      pointText: point?.text ?? null,
      extracted: mandate.extracted,
      origin: mandate.origin,
      withdrawn: mandate.withdrawnAt
        ? { at: mandate.withdrawnAt, by: mandate.withdrawnBy, reason: mandate.withdrawnReason }
        : null,
      links: await this.links.forMandate(id, m),
      obligations: view.owners.map((o) => ({
        ...o,
        history: history
          .filter((e) => e.obligationId === o.obligationId)
          .map(({ id: _id, obligationId: _o, ...event }) => event),
      })),
    };
  }
}

function toView(
  m: Mandate,
  context: {
    resolution: string;
    meeting: number | null;
    dueMeetingDate: string | null;
    obligations: Obligation[];
  },
): MandateView {
  const on =
    m.dueKind === 'date' ? m.dueDate : m.dueKind === 'meeting' ? context.dueMeetingDate : null;
  return {
    id: m.id,
    resolution: context.resolution,
    resolutionId: m.resolutionId,
    meeting: context.meeting,
    point: m.point,
    action: m.action,
    due: { ...dueOfColumns(m), ...(on ? { on } : {}), text: m.dueText },
    allOwners: m.owners,
    owners: context.obligations.map((o) => ({
      owner: o.owner,
      status: o.status,
      obligationId: o.id,
      overdueSince: o.overdueSince,
    })),
    partners: m.partners,
    source: m.source,
    sourceLine: m.sourceLine,
    corrected: m.corrected,
  };
}
