import { In, type EntityManager } from 'typeorm';
import { ObligationEvent } from '../entities/obligation-event.entity';
import { Obligation, type ObligationStatus } from '../entities/obligation.entity';

export interface OwnerChange {
  owner: string;
  change: 'added' | 'removed' | 'restored';
}

/**
 * Makes a mandate's obligations match its owners: a new owner gets an open obligation, a removed
 * owner's obligation is superseded (its history stays), an owner named again is restored to the
 * status it had. Used by re-ingests of corrected texts and by the secretariat's corrections.
 */
export async function reconcileOwners(
  manager: EntityManager,
  input: {
    mandateId: number;
    owners: string[];
    memberIds: Map<string, number>;
    now: string;
    actor: string;
    reason: string;
  },
): Promise<OwnerChange[]> {
  const { mandateId, owners, memberIds, now, actor, reason } = input;
  const existing = await manager.findBy(Obligation, { mandateId });
  const changes: OwnerChange[] = [];
  const event = (
    obligationId: number,
    type: string,
    fromStatus: string | null,
    toStatus: string,
    note: string,
  ) =>
    manager.insert(ObligationEvent, {
      obligationId,
      at: now,
      actor,
      type,
      fromStatus,
      toStatus,
      note,
      link: null,
    });

  for (const owner of owners) {
    const old = existing.find((o) => o.owner === owner);
    if (!old) {
      const id = (
        await manager.insert(Obligation, {
          mandateId,
          memberId: memberIds.get(owner) ?? null,
          owner,
          status: 'open',
          overdueSince: null,
          createdAt: now,
          updatedAt: now,
        })
      ).identifiers[0].id as number;
      await event(id, 'created', null, 'open', reason);
      changes.push({ owner, change: 'added' });
    } else if (old.status === 'superseded') {
      const previous = await manager.findOne(ObligationEvent, {
        where: { obligationId: old.id, type: 'superseded' },
        order: { id: 'DESC' },
      });
      const status = (previous?.fromStatus ?? 'open') as ObligationStatus;
      await manager.update(Obligation, old.id, { status, updatedAt: now });
      await event(old.id, 'restored', 'superseded', status, reason);
      changes.push({ owner, change: 'restored' });
    }
  }
  const removed = existing.filter((o) => !owners.includes(o.owner) && o.status !== 'superseded');
  if (removed.length > 0) {
    await manager.update(
      Obligation,
      { id: In(removed.map((o) => o.id)) },
      { status: 'superseded', updatedAt: now },
    );
    for (const old of removed) {
      await event(old.id, 'superseded', old.status, 'superseded', reason);
      changes.push({ owner: old.owner, change: 'removed' });
    }
  }
  return changes;
}
