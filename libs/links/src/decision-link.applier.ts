import { decideLinkChanges, type LinkEffect } from '@app/follow-up';
import { dueColumns } from '@app/domain';
import { In, type EntityManager } from 'typeorm';
import { Mandate, Obligation, ObligationEvent, type DecisionLink } from '@app/persistence';

export type { LinkEffect } from '@app/follow-up';

/**
 * Applies a confirmed link: loads the earlier mandates' obligations, asks the rule of
 * @app/follow-up (`decideLinkChanges`) what changes, and writes that, each history entry naming
 * the later decision with a link to its sentence.
 */
export async function applyDecisionLink(
  manager: EntityManager,
  link: DecisionLink,
  context: { actor: string; now: string; fromCode: string; fromSession: string; href: string },
): Promise<LinkEffect[]> {
  if (link.kind === 'references' || link.mandateIds.length === 0) return [];
  const obligations = await manager.find(Obligation, {
    where: { mandateId: In(link.mandateIds) },
    order: { id: 'ASC' },
  });
  const changes = decideLinkChanges(
    link,
    obligations,
    `Beschluss ${context.fromCode} (${context.fromSession})`,
  );
  const { now } = context;
  if (changes.deadline)
    await manager.update(
      Mandate,
      { id: In(changes.deadline.mandateIds) },
      { ...dueColumns(changes.deadline.due), dueText: changes.deadline.dueText, updatedAt: now },
    );
  for (const change of changes.statuses)
    await manager.update(Obligation, change.obligationId, {
      status: change.to,
      overdueSince: null,
      updatedAt: now,
    });
  for (const entry of changes.history)
    await manager.insert(ObligationEvent, {
      ...entry,
      at: now,
      actor: context.actor,
      link: context.href,
    });
  if (changes.liftOverdue.length > 0)
    await manager.update(
      Obligation,
      { id: In(changes.liftOverdue) },
      { overdueSince: null, updatedAt: now },
    );
  return changes.effects;
}
