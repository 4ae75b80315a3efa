import { In, type EntityManager } from 'typeorm';
import type { DecisionLink } from '../entities/decision-link.entity';
import { dueColumns, type MandateDue } from '../mandates/mandate-due';
import { Mandate } from '../entities/mandate.entity';
import { ObligationEvent } from '../entities/obligation-event.entity';
import { Obligation, type ObligationStatus } from '../entities/obligation.entity';

/** What confirming a link did, per obligation. */
export interface LinkEffect {
  obligationId: number;
  mandateId: number;
  owner: string;
  from: ObligationStatus;
  to: ObligationStatus;
  /** The deadline set, for an extension. */
  due?: string;
}

const STILL_OWED: ObligationStatus[] = ['open', 'in_progress'];
const NOT_CLOSED: ObligationStatus[] = ['open', 'in_progress', 'reported'];

function describeDue(due: MandateDue): string {
  if (due.kind === 'meeting') return `bis zur ${String(due.meeting)}. Sitzung`;
  if (due.kind === 'date') return `bis ${String(due.date)}`;
  if (due.kind === 'recurring') return 'wiederkehrend';
  return 'nach Eintritt des Ereignisses';
}

/**
 * Applies a confirmed link to the earlier mandates' obligations (of its owners, or all of them):
 * `fulfils` and `renews` -> `reported` for what is still owed; `extends` -> the new deadline on
 * the mandate, noted in each obligation's history; `supersedes` -> `superseded` for what is not
 * closed; `references` changes nothing. Every change gets a history entry naming the later
 * decision, with a link to its sentence.
 */
export async function applyDecisionLink(
  manager: EntityManager,
  link: DecisionLink,
  context: { actor: string; now: string; fromCode: string; fromSession: string; href: string },
): Promise<LinkEffect[]> {
  if (link.kind === 'references' || link.mandateIds.length === 0) return [];
  const obligations = (
    await manager.find(Obligation, {
      where: { mandateId: In(link.mandateIds) },
      order: { id: 'ASC' },
    })
  ).filter((o) => link.owners.length === 0 || link.owners.includes(o.owner));
  const effects: LinkEffect[] = [];
  const by = `Beschluss ${context.fromCode} (${context.fromSession})`;
  const event = (o: Obligation, type: string, to: ObligationStatus | null, note: string) =>
    manager.insert(ObligationEvent, {
      obligationId: o.id,
      at: context.now,
      actor: context.actor,
      type,
      fromStatus: to ? o.status : null,
      toStatus: to,
      note,
      link: context.href,
    });

  if (link.kind === 'extends') {
    const due = link.due;
    if (due) {
      const mandates = [...new Set(obligations.map((o) => o.mandateId))];
      if (mandates.length > 0)
        await manager.update(
          Mandate,
          { id: In(mandates) },
          {
            ...dueColumns(due),
            dueText: `verlängert: ${describeDue(due)}`,
            updatedAt: context.now,
          },
        );
    }
    for (const o of obligations.filter((x) => NOT_CLOSED.includes(x.status))) {
      const note = due
        ? `Frist verlängert ${describeDue(due)} durch ${by}`
        : `Auftrag fortgesetzt durch ${by}`;
      await event(o, 'due', null, note);
      effects.push({
        obligationId: o.id,
        mandateId: o.mandateId,
        owner: o.owner,
        from: o.status,
        to: o.status,
        ...(due ? { due: describeDue(due) } : {}),
      });
    }
    // A new deadline is a new chance: an obligation flagged overdue is not overdue against it yet;
    // the next overdue scan decides again.
    if (due && obligations.length > 0)
      await manager.update(
        Obligation,
        { id: In(obligations.map((o) => o.id)) },
        { overdueSince: null, updatedAt: context.now },
      );
    return effects;
  }

  const target: ObligationStatus = link.kind === 'supersedes' ? 'superseded' : 'reported';
  const from = link.kind === 'supersedes' ? NOT_CLOSED : STILL_OWED;
  const note =
    link.kind === 'supersedes'
      ? `abgelöst durch ${by}`
      : link.kind === 'renews'
        ? `wiederkehrender Bericht entgegengenommen in ${by}`
        : `Bericht zur Kenntnis genommen in ${by}`;
  for (const o of obligations.filter((x) => from.includes(x.status))) {
    await manager.update(Obligation, o.id, {
      status: target,
      overdueSince: null,
      updatedAt: context.now,
    });
    await event(o, 'status', target, note);
    effects.push({
      obligationId: o.id,
      mandateId: o.mandateId,
      owner: o.owner,
      from: o.status,
      to: target,
    });
  }
  return effects;
}
