import {
  effectiveSession,
  isClosed,
  OBLIGATION_STATUSES,
  type ObligationStatus,
  type Session,
} from '@app/domain';
import { isDueAtSession } from './deadline.resolver';
import type { ObligationFacts } from './follow-up.types';
import { compareReportItems, type ReportItem, toOverdueAwareItem } from './member-report.composer';

/** The order statuses are grouped in: the order of OBLIGATION_STATUSES. */
export const STATUS_ORDER: readonly ObligationStatus[] = OBLIGATION_STATUSES;

export interface PreparationOwner {
  owner: string;
  /** The member's name when known, otherwise the owner as written. */
  name: string;
  groups: Array<{ status: ObligationStatus; items: ReportItem[] }>;
  count: number;
}

export interface SessionPreparation {
  /** The session asked for. */
  requested: number;
  /** The session the business is actually taken up at (past cancellations); null if unknown. */
  session: Session | null;
  generatedAt: string;
  owners: PreparationOwner[];
  counts: { total: number; overdue: number; byStatus: Record<ObligationStatus, number> };
}

export interface SessionPreparationInput {
  session: number;
  obligations: Array<ObligationFacts & { memberName?: string }>;
  sessions: Session[];
  now: Date;
  baseUrl: string;
}

/**
 * Everything due at a session, for the office preparing it: one-off deadlines at the session in
 * any status (so the delivered ones show too), and recurring duties still running.
 */
export function composeSessionPreparation(input: SessionPreparationInput): SessionPreparation {
  const { sessions, baseUrl } = input;
  const due = input.obligations.filter(
    (facts) =>
      isDueAtSession(facts.due, input.session, sessions) &&
      !(facts.due.kind === 'recurring' && isClosed(facts.status)),
  );

  const byOwner = new Map<string, typeof due>();
  for (const facts of due) {
    const list = byOwner.get(facts.owner);
    if (list) list.push(facts);
    else byOwner.set(facts.owner, [facts]);
  }
  const owners = [...byOwner].map(([owner, list]): PreparationOwner => {
    const items = list
      .map((facts) => toOverdueAwareItem(facts, sessions, input.now, baseUrl))
      .sort(compareReportItems);
    return {
      owner,
      name: list.find((facts) => facts.memberName)?.memberName ?? owner,
      groups: STATUS_ORDER.map((status) => ({
        status,
        items: items.filter((item) => item.status === status),
      })).filter((group) => group.items.length > 0),
      count: items.length,
    };
  });
  owners.sort((a, b) => a.name.localeCompare(b.name, 'de'));

  const byStatus = Object.fromEntries(
    STATUS_ORDER.map((status) => [status, due.filter((facts) => facts.status === status).length]),
  ) as Record<ObligationStatus, number>;
  return {
    requested: input.session,
    session: effectiveSession(input.session, sessions) ?? null,
    generatedAt: input.now.toISOString(),
    owners,
    counts: {
      total: due.length,
      overdue: owners.reduce(
        (n, owner) =>
          n + owner.groups.reduce((m, g) => m + g.items.filter((i) => i.overdueSince).length, 0),
        0,
      ),
      byStatus,
    },
  };
}
