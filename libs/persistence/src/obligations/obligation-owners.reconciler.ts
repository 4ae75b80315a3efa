import { planOwners, type OwnerChange } from '@app/follow-up';
import { In, type EntityManager } from 'typeorm';
import { ObligationEvent } from '../entities/obligation-event.entity';
import { Obligation } from '../entities/obligation.entity';

export type { OwnerChange } from '@app/follow-up';

/**
 * Makes a mandate's obligations match its owners, as the rule of @app/follow-up (`planOwners`)
 * says: a new owner gets an open obligation, a removed owner's obligation is superseded (its
 * history stays), an owner named again is restored to the status it had. Used by re-ingests of
 * corrected texts and by the secretariat's corrections.
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
  const existing = await manager.find(Obligation, { where: { mandateId }, order: { id: 'ASC' } });
  const steps = planOwners(owners, existing, await statusBefore(manager, existing, owners));
  const event = (obligationId: number, type: string, fromStatus: string | null, toStatus: string) =>
    manager.insert(ObligationEvent, {
      obligationId,
      at: now,
      actor,
      type,
      fromStatus,
      toStatus,
      note: reason,
      link: null,
    });

  for (const step of steps) {
    if (step.change === 'added') {
      const id = (
        await manager.insert(Obligation, {
          mandateId,
          memberId: memberIds.get(step.owner) ?? null,
          owner: step.owner,
          status: 'open',
          overdueSince: null,
          createdAt: now,
          updatedAt: now,
        })
      ).identifiers[0].id as number;
      await event(id, 'created', null, 'open');
    } else if (step.change === 'restored') {
      await manager.update(Obligation, step.obligationId, {
        status: step.status,
        updatedAt: now,
      });
      await event(step.obligationId, 'restored', 'superseded', step.status);
    } else {
      await manager.update(Obligation, step.obligationId, {
        status: 'superseded',
        updatedAt: now,
      });
      await event(step.obligationId, 'superseded', step.from, 'superseded');
    }
  }
  return steps.map(({ owner, change }) => ({ owner, change }));
}

/** For superseded obligations named again: the status each had before its last supersession. */
async function statusBefore(
  manager: EntityManager,
  existing: Obligation[],
  owners: string[],
): Promise<Map<number, string | null>> {
  const named = existing.filter((o) => o.status === 'superseded' && owners.includes(o.owner));
  if (named.length === 0) return new Map();
  const events = await manager.find(ObligationEvent, {
    where: { obligationId: In(named.map((o) => o.id)), type: 'superseded' },
    order: { id: 'ASC' },
  });
  // Ascending, so the last supersession of each obligation wins.
  return new Map(events.map((e) => [e.obligationId, e.fromStatus]));
}
