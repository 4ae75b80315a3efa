import { describeDecidedIn } from '@app/follow-up';
import {
  DecisionLinkRepository,
  Meeting,
  refreshOverdueFlags,
  Resolution,
  type DecisionLink,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { applyDecisionLink, type LinkEffect } from './decision-link.applier';

/** Who confirmed a link the setting applied. */
export const AUTO_ACTOR = 'ingest (LINKS_APPLY_EXPLICIT_FULFILS)';

/** Where the sentence of a link stands, for the history entries its confirmation writes. */
export function linkHref(link: Pick<DecisionLink, 'documentId' | 'line'>): string | null {
  return link.documentId === null
    ? null
    : `/documents/${link.documentId}?line=${link.line}#L${link.line}`;
}

/**
 * Confirms a link: applies its effect to the earlier obligations (see `applyDecisionLink`) and
 * records who confirmed it. The caller audits.
 */
export async function confirmLink(
  links: DecisionLinkRepository,
  manager: EntityManager,
  link: DecisionLink,
  actor: string,
  now: string,
): Promise<LinkEffect[]> {
  const from = await manager.findOneByOrFail(Resolution, { id: link.fromResolutionId });
  const meeting = await manager.findOneByOrFail(Meeting, { id: from.meetingId });
  const effects = await applyDecisionLink(manager, link, {
    actor,
    now,
    fromCode: from.code,
    fromSession: describeDecidedIn(meeting),
    href: linkHref(link) ?? '',
  });
  // What the link delivered, extended or replaced is judged again at once, not at the next scan.
  await refreshOverdueFlags(manager, new Date(now), { mandateIds: link.mandateIds });
  await links.decide(manager, link.id, { state: 'confirmed', by: actor, at: now });
  return effects;
}
