import { Injectable } from '@nestjs/common';
import {
  AuditRepository,
  type AuditEvent,
  type AuditFilter,
  type AuditPage,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';

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

export type { AuditFilter, AuditPage } from '@app/persistence';

export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' };
export const ANONYMOUS: AuditActor = { id: null, email: 'anonymous' };

/** Appends to the audit trail; pass the write's own transaction so both land or neither does. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditRepository) {}

  async record(
    actor: AuditActor,
    entry: AuditEntry,
    manager?: EntityManager,
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
    await this.events.append(row, manager);
  }

  /** The trail, newest first; read-only: nothing changes or deletes an entry. */
  list(filter: AuditFilter): Promise<AuditPage> {
    return this.events.page(filter);
  }
}
