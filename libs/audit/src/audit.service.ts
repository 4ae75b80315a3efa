import { Injectable } from '@nestjs/common';
import { AuditEvent } from '@app/persistence';
import { DataSource, type EntityManager } from 'typeorm';

export interface AuditActor {
  id: number | null;
  email: string;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

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

export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' };
export const ANONYMOUS: AuditActor = { id: null, email: 'anonymous' };

/** Appends to the audit trail; pass the write's own transaction so both land or neither does. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    actor: AuditActor,
    entry: AuditEntry,
    manager: EntityManager = this.dataSource.manager,
    now: Date = new Date(),
  ): Promise<void> {
    const row: Omit<AuditEvent, 'id'> = {
      at: now.toISOString(),
      userId: actor.id,
      actor: actor.email,
      action: entry.action,
      entity: entry.entity,
      entityId:
        entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    };
    await manager.insert(AuditEvent, row as never);
  }

  /** The trail, newest first; read-only: nothing changes or deletes an entry. */
  async list(filter: AuditFilter): Promise<AuditPage> {
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
