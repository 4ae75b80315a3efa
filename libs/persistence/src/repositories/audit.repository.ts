import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from '../entities/audit-event.entity';

/** A page of the trail: who, what, which entity, when (each optional). */
export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  /** ISO timestamps, inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

/** The audit trail's table: appended to, read page by page; nothing changes or deletes a row. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one event, in the caller's transaction when it passes its manager. */
  async append(
    event: Omit<AuditEvent, 'id'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(AuditEvent, event as never);
  }

  /** The events matching the filter, newest first. */
  async page(filter: AuditFilter): Promise<AuditPage> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (filter.actor) qb.andWhere('event.actor = :actor', { actor: filter.actor.toLowerCase() });
    if (filter.action) qb.andWhere('event.action = :action', { action: filter.action });
    if (filter.entity) qb.andWhere('event.entity = :entity', { entity: filter.entity });
    if (filter.entityId) qb.andWhere('event.entityId = :entityId', { entityId: filter.entityId });
    if (filter.from) qb.andWhere('event.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('event.at <= :to', { to: filter.to });
    const [items, total] = await qb
      .orderBy('event.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }
}
