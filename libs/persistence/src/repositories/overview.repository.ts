import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Mandate } from '../entities/mandate.entity';
import { Obligation } from '../entities/obligation.entity';

/** How many obligations an owner has in one status, and how many of them are overdue. */
export interface OwnerStatusCount {
  owner: string;
  status: string;
  count: number;
  overdue: number;
}

/** How many mandates (in force) are due at a numbered session. */
export interface SessionDueCount {
  session: number;
  mandates: number;
}

/**
 * The overview's counts: grouped reads over the mandates still in force, so a dozen numbers do
 * not load thousands of rows. `memberId` limits them to one member's obligations (a delegate).
 */
@Injectable()
export class OverviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  async obligationCounts(memberId?: number, councilId?: number): Promise<OwnerStatusCount[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('o.owner', 'owner')
      .addSelect('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(CASE WHEN o.overdueSince IS NOT NULL THEN 1 ELSE 0 END)', 'overdue')
      .from(Obligation, 'o')
      .innerJoin(Mandate, 'm', 'm.id = o.mandateId AND m.withdrawnAt IS NULL')
      .groupBy('o.owner')
      .addGroupBy('o.status');
    if (memberId !== undefined) qb.andWhere('o.memberId = :memberId', { memberId });
    if (councilId !== undefined)
      qb.andWhere(
        'm.resolutionId IN (SELECT "r"."id" FROM "resolution" "r" WHERE "r"."councilId" = :councilId)',
        { councilId },
      );
    const rows: Array<{ owner: string; status: string; count: unknown; overdue: unknown }> =
      await qb.getRawMany();
    return rows.map((r) => ({
      owner: r.owner,
      status: r.status,
      count: Number(r.count),
      overdue: Number(r.overdue ?? 0),
    }));
  }

  async mandatesDueBySession(memberId?: number, councilId?: number): Promise<SessionDueCount[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('m.dueMeeting', 'number')
      .addSelect('COUNT(*)', 'count')
      .from(Mandate, 'm')
      .where('m.withdrawnAt IS NULL')
      .andWhere("m.dueKind = 'meeting'")
      .groupBy('m.dueMeeting');
    if (memberId !== undefined) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM "obligation" "s" WHERE "s"."mandateId" = "m"."id" AND "s"."memberId" = :memberId)',
        { memberId },
      );
    }
    if (councilId !== undefined)
      qb.andWhere(
        'm.resolutionId IN (SELECT "r"."id" FROM "resolution" "r" WHERE "r"."councilId" = :councilId)',
        { councilId },
      );
    const rows: Array<{ number: unknown; count: unknown }> = await qb.getRawMany();
    return rows.map((r) => ({ session: Number(r.number), mandates: Number(r.count) }));
  }
}
