import { OWED_STATUSES, sqlList, type DueKind } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  DecisionLink,
  Mandate,
  Meeting,
  Obligation,
  Resolution,
  type DecisionLinkKind,
  type DecisionLinkState,
} from '../entities';
import { INSERT_CHUNK, insertRows } from './batch-insert';

/** A stored mandate a new decision may answer, with its decision and meeting. */
export interface EarlierMandateRow {
  id: number;
  point: number;
  owners: string;
  action: string;
  source: string;
  dueKind: DueKind;
  dueMeeting: number | null;
  dueDate: string | null;
  dueFromMeeting: number | null;
  code: string;
  title: string | null;
  meetingNumber: number | null;
  meetingKind: string;
  meetingDate: string | null;
}

/** Which links the secretariat asks for. */
export interface DecisionLinkFilter {
  meeting?: number;
  state?: DecisionLinkState;
  kind?: DecisionLinkKind;
  resolution?: string;
  /** Only links from decisions of this council (session numbers are per council). */
  councilId?: number;
}

/**
 * The reads and writes of the link lifecycle: what an ingest compares its decisions with, the
 * proposals it stores, the lists the secretariat reviews and the decision it takes. Methods that
 * take a `manager` run inside the caller's transaction.
 */
@Injectable()
export class DecisionLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every live mandate of the decisions `codes`, none of the decisions `own`. */
  mandatesOfDecisions(
    manager: EntityManager,
    councilId: number,
    own: string[],
    codes: string[],
  ): Promise<EarlierMandateRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.earlier(manager, own)
      .andWhere('r.councilId = :councilId AND r.code IN (:...codes)', { councilId, codes })
      .getRawMany<EarlierMandateRow>();
  }

  /**
   * The still-owed mandates of the sessions `first`..`last` (by number) or, for meetings without
   * a number, of those on or after `since`; the newest `limit` of them.
   */
  owedMandatesNear(
    manager: EntityManager,
    councilId: number,
    own: string[],
    near: { sessions?: { first: number; last: number }; since?: string; limit: number },
  ): Promise<EarlierMandateRow[]> {
    const { sessions, since } = near;
    if (sessions === undefined && since === undefined) return Promise.resolve([]);
    return this.earlier(manager, own)
      .andWhere(
        `r.meetingId IN (SELECT "h"."id" FROM "meeting" "h" WHERE "h"."councilId" = :councilId AND (${[
          ...(sessions !== undefined
            ? [`("h"."kind" = 'session' AND "h"."number" BETWEEN :first AND :last)`]
            : []),
          ...(since !== undefined
            ? [`(("h"."number" IS NULL OR "h"."kind" <> 'session') AND "h"."date" >= :since)`]
            : []),
        ].join(' OR ')}))`,
        {
          councilId,
          first: sessions?.first ?? 0,
          last: sessions?.last ?? 0,
          since: since ?? '',
        },
      )
      .andWhere(
        `EXISTS (SELECT 1 FROM "obligation" "o" WHERE "o"."mandateId" = "m"."id" AND "o"."status" IN ${sqlList(OWED_STATUSES)})`,
      )
      .orderBy('m.id', 'DESC')
      .limit(near.limit)
      .getRawMany<EarlierMandateRow>();
  }

  /** The owners of obligations that are no registered member (bodies set up by decisions). */
  async ownersWithoutMember(manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .select('DISTINCT o.owner', 'owner')
      .where('o.memberId IS NULL')
      .getRawMany<{ owner: string }>();
    return rows.map((r) => r.owner);
  }

  /** The mandates any of `owners` owes under, the oldest `limit` of them. */
  mandatesOwedBy(
    manager: EntityManager,
    councilId: number,
    own: string[],
    owners: string[],
    limit: number,
  ): Promise<EarlierMandateRow[]> {
    if (owners.length === 0) return Promise.resolve([]);
    return this.earlier(manager, own)
      .andWhere(
        `r.councilId = :councilId AND m.id IN (SELECT "b"."mandateId" FROM "obligation" "b" WHERE "b"."owner" IN (:...bodies))`,
        { councilId, bodies: owners },
      )
      .orderBy('m.id', 'ASC')
      .limit(limit)
      .getRawMany<EarlierMandateRow>();
  }

  /** The ids of the council's decisions by their codes. */
  async resolutionIds(
    manager: EntityManager,
    councilId: number,
    codes: string[],
  ): Promise<Map<string, number>> {
    const resolutions = await manager.findBy(Resolution, { councilId, code: In(codes) });
    return new Map(resolutions.map((r) => [r.code, r.id]));
  }

  /**
   * The stored links from these decisions (in whatever state): their ids and the decisions they
   * name, one statement for all.
   */
  async linksFrom(
    manager: EntityManager,
    fromResolutionIds: number[],
  ): Promise<Array<Pick<DecisionLink, 'id' | 'fromResolutionId' | 'toCode'>>> {
    const rows: Array<Pick<DecisionLink, 'id' | 'fromResolutionId' | 'toCode'>> = [];
    for (let i = 0; i < fromResolutionIds.length; i += INSERT_CHUNK) {
      const found = await manager.find(DecisionLink, {
        select: { id: true, fromResolutionId: true, toCode: true },
        where: { fromResolutionId: In(fromResolutionIds.slice(i, i + INSERT_CHUNK)) },
      });
      rows.push(...found);
    }
    return rows;
  }

  /** Stores links in the order given, in multi-row INSERTs (their ids: `linksFrom`). */
  async insertMany(manager: EntityManager, rows: Array<Omit<DecisionLink, 'id'>>): Promise<void> {
    await insertRows(manager, DecisionLink, rows);
  }

  /** Records the secretariat's (or the setting's) decision on a link. */
  async decide(
    manager: EntityManager,
    id: number,
    decision: { state: Exclude<DecisionLinkState, 'proposed'>; by: string; at: string },
  ): Promise<void> {
    await manager.update(DecisionLink, id, {
      state: decision.state,
      decidedBy: decision.by,
      decidedAt: decision.at,
    });
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(DecisionLink, { id });
  }

  /** The links that match the filter, in the order they were found. */
  list(filter: DecisionLinkFilter): Promise<DecisionLink[]> {
    const qb = this.dataSource
      .getRepository(DecisionLink)
      .createQueryBuilder('link')
      .innerJoin(Resolution, 'r', 'r.id = link.fromResolutionId')
      .innerJoin(Meeting, 'mt', 'mt.id = r.meetingId')
      .orderBy('link.id', 'ASC');
    if (filter.meeting !== undefined)
      qb.andWhere("mt.number = :meeting AND mt.kind = 'session'", { meeting: filter.meeting });
    if (filter.state) qb.andWhere('link.state = :state', { state: filter.state });
    if (filter.kind) qb.andWhere('link.kind = :kind', { kind: filter.kind });
    if (filter.resolution) qb.andWhere('r.code = :code', { code: filter.resolution });
    if (filter.councilId !== undefined)
      qb.andWhere('r.councilId = :councilId', { councilId: filter.councilId });
    return qb.getMany();
  }

  /** The links from and to a mandate's decision that concern the mandate (its chain). */
  async ofMandate(
    mandateId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DecisionLink[]> {
    const mandate = await manager.findOneByOrFail(Mandate, { id: mandateId });
    const links = await this.ofResolution(mandate.resolutionId, manager);
    return links.filter(
      (l) => l.fromResolutionId === mandate.resolutionId || l.mandateIds.includes(mandateId),
    );
  }

  /** The links from and to a decision. */
  ofResolution(
    resolutionId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DecisionLink[]> {
    return manager
      .getRepository(DecisionLink)
      .createQueryBuilder('link')
      .where('link.fromResolutionId = :r OR link.toResolutionId = :r', { r: resolutionId })
      .orderBy('link.id', 'ASC')
      .getMany();
  }

  /** What a review of these links shows beside them: both decisions, meetings and mandates. */
  async reviewContext(links: DecisionLink[], manager: EntityManager = this.dataSource.manager) {
    const resolutionIds = [
      ...new Set(
        links.flatMap((l) => [l.fromResolutionId, ...(l.toResolutionId ? [l.toResolutionId] : [])]),
      ),
    ];
    const resolutions = await manager.findBy(Resolution, { id: In(resolutionIds) });
    const meetings = await manager.findBy(Meeting, {
      id: In([...new Set(resolutions.map((r) => r.meetingId))]),
    });
    const mandateIds = [...new Set(links.flatMap((l) => l.mandateIds))];
    const mandates = mandateIds.length ? await manager.findBy(Mandate, { id: In(mandateIds) }) : [];
    return {
      resolutions: new Map(resolutions.map((r) => [r.id, r])),
      meetings: new Map(meetings.map((m) => [m.id, m])),
      mandates: new Map(mandates.map((m) => [m.id, m])),
    };
  }

  /** The mandates an ingest may link to, without the withdrawn ones and the text's own. */
  private earlier(manager: EntityManager, own: string[]) {
    return (
      manager
        .getRepository(Mandate)
        .createQueryBuilder('m')
        .innerJoin(Resolution, 'r', 'r.id = m.resolutionId')
        .innerJoin(Meeting, 'mt', 'mt.id = r.meetingId')
        .select([
          'm.id AS "id"',
          'm.point AS "point"',
          'm.owners AS "owners"',
          'm.action AS "action"',
          'm.source AS "source"',
          'm.dueKind AS "dueKind"',
          'm.dueMeeting AS "dueMeeting"',
          'm.dueDate AS "dueDate"',
          'm.dueFromMeeting AS "dueFromMeeting"',
          'r.code AS "code"',
          'r.title AS "title"',
          'mt.number AS "meetingNumber"',
          'mt.kind AS "meetingKind"',
          'mt.date AS "meetingDate"',
        ])
        .where('r.code NOT IN (:...own)', { own })
        // What the secretariat withdrew as wrongly read is answered by nothing.
        .andWhere('m.withdrawnBy IS NULL')
    );
  }
}
