import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Mandate } from '../entities/mandate.entity';
import { Meeting } from '../entities/meeting.entity';
import { Obligation } from '../entities/obligation.entity';
import { ObligationEvent } from '../entities/obligation-event.entity';
import { Resolution } from '../entities/resolution.entity';

/** A delegate's report that an obligation is delivered, with what the secretariat is told of it. */
export interface DelegateReport {
  eventId: number;
  at: string;
  actor: string;
  note: string | null;
  link: string | null;
  memberId: number;
  memberCode: string;
  memberName: string;
  mandateId: number;
  point: number;
  action: string;
  code: string;
}

/** An entry of an obligation's history, as it is appended. */
export type NewObligationEvent = Omit<ObligationEvent, 'id'>;

/** One owner's share of a mandate: its status, its history, who owes it. */
@Injectable()
export class ObligationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Obligation | null> {
    return manager.findOneBy(Obligation, { id });
  }

  /** The mandate an obligation belongs to, its decision and the meeting that decided it. */
  async decisionOf(
    obligation: Obligation,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ mandate: Mandate; resolution: Resolution; meeting: Meeting }> {
    const mandate = await manager.findOneByOrFail(Mandate, { id: obligation.mandateId });
    const resolution = await manager.findOneByOrFail(Resolution, { id: mandate.resolutionId });
    const meeting = await manager.findOneByOrFail(Meeting, { id: resolution.meetingId });
    return { mandate, resolution, meeting };
  }

  /** An obligation's history, oldest first. */
  async history(
    obligationId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ObligationEvent[]> {
    return manager.find(ObligationEvent, { where: { obligationId }, order: { id: 'ASC' } });
  }

  /**
   * Moves an obligation from one status to another; false when it no longer has the `from`
   * status (someone else changed it since it was read).
   */
  async moveStatus(
    manager: EntityManager,
    id: number,
    from: Obligation['status'],
    to: Obligation['status'],
    now: string,
  ): Promise<boolean> {
    const changed = await manager.update(
      Obligation,
      { id, status: from },
      { status: to, updatedAt: now },
    );
    return changed.affected !== 0;
  }

  /** Appends to the history of obligations. */
  async addEvents(manager: EntityManager, events: NewObligationEvent[]): Promise<void> {
    if (events.length > 0) await manager.insert(ObligationEvent, events);
  }

  /** The reports delegates made (status to "reported") from `since` to `until`, oldest first. */
  async reportsByDelegates(since: string, until: string): Promise<DelegateReport[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .createQueryBuilder()
      .select([
        'e.id AS "eventId"',
        'e.at AS at',
        'e.actor AS actor',
        'e.note AS note',
        'e.link AS link',
        'o."memberId" AS "memberId"',
        'mb.code AS "memberCode"',
        'mb.name AS "memberName"',
        'm.id AS "mandateId"',
        'm.point AS point',
        'm.action AS action',
        'r.code AS code',
      ])
      .from('obligation_event', 'e')
      .innerJoin('obligation', 'o', 'o.id = e."obligationId"')
      .innerJoin('member', 'mb', 'mb.id = o."memberId"')
      .innerJoin('mandate', 'm', 'm.id = o."mandateId"')
      .innerJoin('resolution', 'r', 'r.id = m."resolutionId"')
      .innerJoin('user', 'u', `u.email = e.actor AND u.role = 'delegate'`)
      .where(`e."toStatus" = 'reported'`)
      .andWhere('e.at >= :since AND e.at <= :until', { since, until })
      .orderBy('e.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      eventId: Number(r.eventId),
      at: String(r.at),
      actor: String(r.actor),
      note: (r.note as string | null) ?? null,
      link: (r.link as string | null) ?? null,
      memberId: Number(r.memberId),
      memberCode: String(r.memberCode),
      memberName: String(r.memberName),
      mandateId: Number(r.mandateId),
      point: Number(r.point),
      action: String(r.action),
      code: String(r.code),
    }));
  }

  /** Some obligation is owed by an owner of this name (one the registry may not know). */
  async existsForOwner(owner: string): Promise<boolean> {
    return this.dataSource.getRepository(Obligation).existsBy({ owner });
  }

  /** The obligations of a mandate. */
  async ofMandate(manager: EntityManager, mandateId: number): Promise<Obligation[]> {
    return manager.findBy(Obligation, { mandateId });
  }

  /** The obligations owed under one of these owner names. */
  async ofOwners(manager: EntityManager, owners: string[]): Promise<Obligation[]> {
    return manager.findBy(Obligation, { owner: In(owners) });
  }

  async update(
    manager: EntityManager,
    id: number,
    values: Partial<Pick<Obligation, 'owner' | 'memberId' | 'overdueSince' | 'updatedAt'>>,
  ): Promise<void> {
    await manager.update(Obligation, id, values);
  }
}
