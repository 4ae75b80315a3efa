import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, Like } from 'typeorm';
import {
  AgendaItem,
  Council,
  DecisionLink,
  Mandate,
  Meeting,
  Member,
  Obligation,
  Resolution,
  ResolutionPoint,
  Setting,
  SourceDocument,
} from '../entities';

/** The rows of one council the OParl publication is built from. */
export interface OparlCouncilRows {
  members: Member[];
  meetings: Meeting[];
  /** Headers only (no text). */
  documents: SourceDocument[];
  resolutions: Resolution[];
  agendaItems: AgendaItem[];
  points: ResolutionPoint[];
  mandates: Mandate[];
  /** With the follow-up only (else empty). */
  obligations: Obligation[];
  /** The council's confirmed links; with the follow-up only (else empty). */
  links: DecisionLink[];
}

/**
 * Which decisions a page of papers may hold: without a time, those not withdrawn; with one, those
 * changed since then (`followUp`: obligations too; `linked`: decisions a link changed); with
 * `everything` all of them.
 */
export type OparlPaperFilter =
  | { kind: 'in-force' }
  | { kind: 'everything' }
  | { kind: 'changed'; since: string; followUp: boolean; linked: number[] };

/** The reads of the OParl publication (read-only): a council's rows, pages of its decisions. */
@Injectable()
export class OparlReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One council's rows in one go; with `only`, just those decisions (one list page) and what they
   * need: the registry, the calendar, the documents' headers, the agenda items of their meetings.
   */
  async councilRows(
    councilId: number,
    followUp: boolean,
    only?: number[],
  ): Promise<OparlCouncilRows> {
    const m = this.dataSource.manager;
    const where = { councilId };
    const [members, meetings, documents, resolutions] = await Promise.all([
      m.find(Member, { where, order: { id: 'ASC' } }),
      m.find(Meeting, { where, order: { id: 'ASC' } }),
      m
        .createQueryBuilder(SourceDocument, 'd')
        .select([
          'd.id',
          'd.meetingId',
          'd.fileName',
          'd.documentDate',
          'd.resolutionIds',
          'd.ingestedAt',
        ])
        .where('d.councilId = :id', { id: councilId })
        .orderBy('d.id', 'ASC')
        .getMany(),
      only
        ? only.length > 0
          ? m.find(Resolution, { where: { ...where, id: In(only) }, order: { id: 'ASC' } })
          : []
        : m.find(Resolution, { where, order: { id: 'ASC' } }),
    ]);
    const meetingIds = only
      ? [...new Set(resolutions.map((r) => r.meetingId))]
      : meetings.map((x) => x.id);
    const resolutionIds = resolutions.map((r) => r.id);
    const [agendaItems, points, mandates] = await Promise.all([
      meetingIds.length ? m.find(AgendaItem, { where: { meetingId: In(meetingIds) } }) : [],
      resolutionIds.length
        ? m.find(ResolutionPoint, { where: { resolutionId: In(resolutionIds) } })
        : [],
      resolutionIds.length ? m.find(Mandate, { where: { resolutionId: In(resolutionIds) } }) : [],
    ]);
    const mandateIds = mandates.map((x) => x.id);
    const [obligations, links] =
      followUp && mandateIds.length > 0
        ? await Promise.all([
            m.find(Obligation, { where: { mandateId: In(mandateIds) } }),
            this.confirmedLinks(councilId),
          ])
        : [[], []];
    return {
      members,
      meetings,
      documents,
      resolutions,
      agendaItems,
      points,
      mandates,
      obligations,
      links,
    };
  }

  /** The codes of the council's decisions `ids` (those that exist). */
  async decisionCodes(
    councilId: number,
    ids: number[],
  ): Promise<Array<{ id: number; code: string }>> {
    if (ids.length === 0) return [];
    return this.dataSource.manager.find(Resolution, {
      select: { id: true, code: true },
      where: { councilId, id: In([...new Set(ids)]) },
    });
  }

  /** The values of the settings that tie an OParl body to a council (JSON, as the sync wrote them). */
  async councilLinkValues(): Promise<string[]> {
    const settings = await this.dataSource.manager.find(Setting, {
      where: { key: Like('oparl-council:%') },
    });
    return settings.map((s) => s.value);
  }

  /** When the council's first document was ingested; null before any. */
  async firstIngest(councilId: number): Promise<string | null> {
    const first = await this.dataSource.manager
      .createQueryBuilder(SourceDocument, 'd')
      .select('MIN(d.ingestedAt)', 'first')
      .where('d.councilId = :council', { council: councilId })
      .getRawOne<{ first: string | null }>();
    return first?.first ?? null;
  }

  /** The ids of one page of the council's decisions in id order, and how many match in all. */
  async paperPage(
    councilId: number,
    filter: OparlPaperFilter,
    page: { offset: number; limit: number },
  ): Promise<{ ids: number[]; total: number }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Resolution, 'r')
      .select('r.id', 'id')
      .where('r.councilId = :council', { council: councilId });
    if (filter.kind === 'in-force') {
      // Withdrawn: it had mandates and every one is withdrawn (a deleted object, sent to updates).
      // Asked the other way round, the first mandate in force usually answers.
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM "mandate" "k" WHERE "k"."resolutionId" = "r"."id" AND "k"."withdrawnAt" IS NULL) OR NOT EXISTS (SELECT 1 FROM "mandate" "w" WHERE "w"."resolutionId" = "r"."id"))`,
      );
    } else if (filter.kind === 'changed') {
      const { since, followUp, linked } = filter;
      qb.andWhere(
        new Brackets((w) => {
          w.where(
            'EXISTS (SELECT 1 FROM "source_document" "d" WHERE "d"."id" = "r"."documentId" AND "d"."ingestedAt" >= :since)',
            { since },
          ).orWhere(
            'EXISTS (SELECT 1 FROM "mandate" "u" WHERE "u"."resolutionId" = "r"."id" AND ("u"."updatedAt" >= :since OR "u"."createdAt" >= :since OR "u"."withdrawnAt" >= :since))',
          );
          if (followUp)
            w.orWhere(
              'EXISTS (SELECT 1 FROM "obligation" "o" INNER JOIN "mandate" "om" ON "om"."id" = "o"."mandateId" WHERE "om"."resolutionId" = "r"."id" AND "o"."updatedAt" >= :since)',
            );
          if (linked.length > 0) w.orWhere('r.id IN (:...linked)', { linked });
        }),
      );
    }
    const total = await qb.clone().getCount();
    const rows: Array<{ id: unknown }> = await qb
      .orderBy('r.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getRawMany();
    return { ids: rows.map((r) => Number(r.id)), total };
  }

  /** The council's confirmed links between decisions. */
  confirmedLinks(councilId: number): Promise<DecisionLink[]> {
    return this.dataSource.manager.find(DecisionLink, {
      where: { councilId, state: 'confirmed' },
    });
  }

  /** The decisions (ids) the mandates `ids` belong to. */
  async decisionsOfMandates(ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.manager.find(Mandate, {
      select: { id: true, resolutionId: true },
      where: { id: In([...new Set(ids)]) },
    });
    return [...new Set(rows.map((r) => r.resolutionId))];
  }

  /**
   * The council an object belongs to, told by its own row (`kind` as its URL starts); null when
   * that row does not exist.
   */
  async councilOfObject(kind: OparlObjectKind, id: number): Promise<Council | null> {
    const m = this.dataSource.manager;
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(OWNER_SQL[kind], {
      id,
    });
    const [row] = (await m.query(sql, values)) as Array<{
      councilId: number;
    }>;
    return row ? m.findOneBy(Council, { id: row.councilId }) : null;
  }

  /** The council of a stored decision; undefined where the id names none. */
  async councilOfDecision(resolutionId: number): Promise<Council | undefined> {
    const resolution = await this.dataSource.manager.findOne(Resolution, {
      select: { id: true, councilId: true },
      where: { id: resolutionId },
    });
    if (!resolution) return undefined;
    return this.dataSource.manager.findOneByOrFail(Council, { id: resolution.councilId });
  }

  /** A stored protocol's text. */
  async documentText(id: number): Promise<string> {
    return (await this.dataSource.manager.findOneByOrFail(SourceDocument, { id })).text;
  }
}

/** The row that tells an object's council, by how the object's URL starts. */
const OWNER_SQL = {
  'organization/council-': 'SELECT "id" AS "councilId" FROM "council" WHERE "id" = :id',
  'organization/member-': 'SELECT "councilId" FROM "member" WHERE "id" = :id',
  'meeting/': 'SELECT "councilId" FROM "meeting" WHERE "id" = :id',
  'agenda-item/':
    'SELECT "mt"."councilId" FROM "agenda_item" "a" JOIN "meeting" "mt" ON "mt"."id" = "a"."meetingId" WHERE "a"."id" = :id',
  'agenda-item/decision-': 'SELECT "councilId" FROM "resolution" WHERE "id" = :id',
  'file/document-': 'SELECT "councilId" FROM "source_document" WHERE "id" = :id',
} as const;

/** The start of an object's URL (below the root) that names the table its id is from. */
export type OparlObjectKind = keyof typeof OWNER_SQL;
