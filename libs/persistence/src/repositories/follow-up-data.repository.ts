import { dueOfColumns, type Session } from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { ObligationFacts } from '@app/follow-up';
import { Council } from '../entities/council.entity';
import { Meeting } from '../entities/meeting.entity';
import { DataSource } from 'typeorm';

/** Which obligations to read: one owner's (a member code), one member's (a delegate's), or all. */
export interface FollowUpScope {
  owner?: string;
  memberId?: number;
  /** Only decisions of this council. */
  councilId?: number;
}

/**
 * Reads obligations and the calendar in the shape the pure follow-up rules take: for the jobs
 * (overdue flags, stored reports, digests) and the report pages alike.
 */
@Injectable()
export class FollowUpDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One council's numbered sessions (session numbers are per council): the given one's, else the
   * first council's (the seeded one) so that another council's 15th session is never taken for it.
   */
  async sessions(councilId?: number): Promise<Session[]> {
    const council =
      councilId ??
      (await this.dataSource.getRepository(Council).find({ order: { id: 'ASC' }, take: 1 }))[0]?.id;
    const meetings = await this.dataSource.getRepository(Meeting).find({
      where: { kind: 'session', ...(council === undefined ? {} : { councilId: council }) },
      order: { number: 'ASC' },
    });
    return meetings
      .filter((m): m is Meeting & { number: number } => m.number !== null)
      .map((m) => ({ number: m.number, date: m.date, state: m.state }));
  }

  /** Obligations of mandates in force (not withdrawn), in the given scope. */
  async obligations(
    scope: FollowUpScope = {},
  ): Promise<Array<ObligationFacts & { memberId: number | null; councilId: number }>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select([
        'o.id AS id',
        'o.owner AS owner',
        'o.status AS status',
        'o."overdueSince" AS "overdueSince"',
        'o."memberId" AS "memberId"',
        'o."updatedAt" AS "updatedAt"',
        'm.id AS "mandateId"',
        'm.point AS point',
        'm.action AS action',
        'm.source AS source',
        'm."dueKind" AS "dueKind"',
        'm."dueMeeting" AS "dueMeeting"',
        'm."dueDate" AS "dueDate"',
        'm."dueFromMeeting" AS "dueFromMeeting"',
        'm."dueSoft" AS "dueSoft"',
        'm."createdAt" AS "createdAt"',
        'r.code AS code',
        'r."councilId" AS "councilId"',
        'mt.date AS "decidedDate"',
      ])
      .from('obligation', 'o')
      .innerJoin('mandate', 'm', 'm.id = o."mandateId"')
      .innerJoin('resolution', 'r', 'r.id = m."resolutionId"')
      .innerJoin('meeting', 'mt', 'mt.id = r."meetingId"')
      .where('m."withdrawnAt" IS NULL')
      .orderBy('o.id', 'ASC');
    if (scope.owner !== undefined) qb.andWhere('o.owner = :owner', { owner: scope.owner });
    if (scope.councilId !== undefined)
      qb.andWhere('r."councilId" = :councilId', { councilId: scope.councilId });
    if (scope.memberId !== undefined)
      qb.andWhere('o."memberId" = :memberId', { memberId: scope.memberId });
    const rows: Array<Record<string, unknown>> = await qb.getRawMany();
    const ids = rows.map((r) => Number(r.id));
    const events: Array<{
      obligationId: number;
      at: string;
      toStatus: string | null;
      type: string;
    }> = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (chunk.length === 0) continue;
      events.push(
        ...(await this.dataSource
          .createQueryBuilder()
          .select([
            'e."obligationId" AS "obligationId"',
            'e.at AS at',
            'e."toStatus" AS "toStatus"',
            'e.type AS type',
          ])
          .from('obligation_event', 'e')
          .where('e."obligationId" IN (:...chunk)', { chunk })
          .orderBy('e.id', 'ASC')
          .getRawMany()),
      );
    }
    const byObligation = new Map<number, typeof events>();
    for (const e of events) {
      const list = byObligation.get(Number(e.obligationId)) ?? [];
      list.push(e);
      byObligation.set(Number(e.obligationId), list);
    }
    return rows.map((r) => {
      const history = byObligation.get(Number(r.id)) ?? [];
      const statusChanges = history.filter((e) => e.type === 'status');
      return {
        id: Number(r.id),
        owner: String(r.owner),
        memberId: r.memberId === null ? null : Number(r.memberId),
        councilId: Number(r.councilId),
        status: r.status as ObligationFacts['status'],
        // The flag the lists read, so reports and digests count what they count.
        overdueSince: (r.overdueSince as string | null) ?? null,
        due: dueOfColumns(r),
        decidedAt: (r.decidedDate as string | null) ?? String(r.createdAt).slice(0, 10),
        reports: history.filter((e) => e.toStatus === 'reported').map((e) => e.at),
        resolution: String(r.code),
        point: Number(r.point),
        action: String(r.action),
        source: String(r.source),
        mandateId: Number(r.mandateId),
        statusChangedAt: statusChanges.length
          ? statusChanges[statusChanges.length - 1].at
          : undefined,
      };
    });
  }
}
