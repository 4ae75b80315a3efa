import {
  describeDue,
  isClosed,
  utcDay,
  type ObligationStatus,
  type Session,
  type SessionRef,
} from '@app/domain';
import { dueDateOf, isDueAtSession, lastSession, nextSession } from './deadline.resolver';
import type { ObligationFacts } from './follow-up.types';
import { daysOverdue, overdueSinceOf } from './overdue.rule';

/** One obligation as a report shows it. */
export interface ReportItem {
  obligationId: number;
  mandateId: number;
  owner: string;
  resolution: string;
  point: number;
  action: string;
  /** The deadline in words (describeDue). */
  due: string;
  /** The day a one-off deadline falls on, for sorting and exports; null otherwise. */
  dueDate: string | null;
  status: ObligationStatus;
  source: string;
  link: string;
  /** Set on overdue items in every section, so no list hides that an item is late. */
  overdueSince?: string;
  daysOverdue?: number;
}

export type OverdueReportItem = ReportItem &
  Required<Pick<ReportItem, 'overdueSince' | 'daysOverdue'>>;

export interface MemberReport {
  member: { code: string; name: string };
  generatedAt: string;
  nextSession: SessionRef | null;
  lastSession: SessionRef | null;
  sections: {
    /** Most overdue first. */
    overdue: OverdueReportItem[];
    /** Still owed and due at the next session. */
    dueAtNextSession: ReportItem[];
    /** Everything not done, cancelled or superseded, the two sections above included. */
    open: ReportItem[];
    /** Confirmed done after the day of the last session (or ever, before the first one). */
    doneSinceLastSession: ReportItem[];
  };
  counts: { open: number; overdue: number; done: number };
}

export interface MemberReportInput {
  member: { code: string; name: string };
  /** The obligations the report is about; the caller chooses them (usually the member's own). */
  obligations: ObligationFacts[];
  sessions: Session[];
  now: Date;
  baseUrl: string;
}

export function toReportItem(
  facts: ObligationFacts,
  sessions: Session[],
  baseUrl: string,
): ReportItem {
  return {
    obligationId: facts.id,
    mandateId: facts.mandateId,
    owner: facts.owner,
    resolution: facts.resolution,
    point: facts.point,
    action: facts.action,
    due: describeDue(facts.due, sessions),
    dueDate: dueDateOf(facts.due, sessions),
    status: facts.status,
    source: facts.source,
    link: `${baseUrl}/mandates/${facts.mandateId}`,
  };
}

/** A report item that says, when it is late, since when and for how many days. */
export function toOverdueAwareItem(
  facts: ObligationFacts,
  sessions: Session[],
  now: Date,
  baseUrl: string,
): ReportItem {
  const item = toReportItem(facts, sessions, baseUrl);
  const since = overdueSinceOf(facts, sessions, now);
  return since ? { ...item, overdueSince: since, daysOverdue: daysOverdue(since, now) } : item;
}

/** Earliest deadline first (undated last), then in the order of the decisions and their points. */
export function compareReportItems(a: ReportItem, b: ReportItem): number {
  const undatedLast = (item: ReportItem) => item.dueDate ?? '9999-12-31';
  return (
    undatedLast(a).localeCompare(undatedLast(b)) ||
    a.resolution.localeCompare(b.resolution, 'de', { numeric: true }) ||
    a.point - b.point ||
    a.obligationId - b.obligationId
  );
}

const sessionRef = (session: SessionRef | undefined): SessionRef | null =>
  session ? { number: session.number, date: session.date } : null;

export function composeMemberReport(input: MemberReportInput): MemberReport {
  const { obligations, sessions, now, baseUrl } = input;
  const today = utcDay(now);
  const next = nextSession(sessions, today);
  const last = lastSession(sessions, today);
  const toItem = (facts: ObligationFacts) => toOverdueAwareItem(facts, sessions, now, baseUrl);
  const active = obligations
    .filter((facts) => !isClosed(facts.status))
    .map((facts) => ({ facts, item: toItem(facts) }));

  const open = active.map(({ item }) => item).sort(compareReportItems);
  const overdue = open
    .filter((item): item is OverdueReportItem => item.overdueSince !== undefined)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || compareReportItems(a, b));
  const dueAtNextSession = next
    ? active
        .filter(({ facts }) => isDueAtSession(facts.due, next.number, sessions))
        .map(({ item }) => item)
        .sort(compareReportItems)
    : [];
  const done = obligations
    .filter(
      (facts) =>
        facts.status === 'done' &&
        (last === undefined ||
          (facts.statusChangedAt !== undefined && utcDay(facts.statusChangedAt) > last.date)),
    )
    .map(toItem)
    .sort(compareReportItems);
  return {
    member: input.member,
    generatedAt: now.toISOString(),
    nextSession: sessionRef(next),
    lastSession: sessionRef(last),
    sections: { overdue, dueAtNextSession, open, doneSinceLastSession: done },
    counts: { open: open.length, overdue: overdue.length, done: done.length },
  };
}
