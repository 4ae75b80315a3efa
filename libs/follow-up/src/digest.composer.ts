import {
  describeDue,
  describeSession,
  germanDate,
  isoWeek,
  utcDay,
  type Session,
  type SessionRef,
} from '@app/domain';
import { nextSession } from './deadline.resolver';
import type { ObligationFacts } from './follow-up.types';
import { describeOverdue } from './german.wording';
import { escapeHtml, htmlDocument, htmlLink } from './html.writer';
import { daysOverdue, overdueSinceOf, upcomingDueDate } from './overdue.rule';

export interface Digest {
  /** The period key the digest was composed for, to send each period only once. */
  period: string;
  subject: string;
  text: string;
  html: string;
  counts: { overdue: number; dueSoon: number };
}

export interface DigestInput {
  member: { code: string; name: string };
  recipient: { name: string; email: string };
  obligations: ObligationFacts[];
  sessions: Session[];
  now: Date;
  baseUrl: string;
  period: string;
}

interface DigestItem {
  facts: ObligationFacts;
  /** "seit 3 Tagen überfällig" or "fällig am 23.06.2021" */
  state: string;
  /** Sorts ascending: the day it became overdue (most overdue first) or the day it falls due. */
  order: string;
}

/** A stable key per digest period: the UTC day for daily digests, the ISO week for weekly ones. */
export function digestPeriod(now: Date, frequency: 'daily' | 'weekly'): string {
  return frequency === 'daily' ? utcDay(now) : isoWeek(utcDay(now));
}

/** The key of the secretariat's weekly overview: "S" and the ISO week ("S2026-W49"). */
export function secretariatDigestPeriod(now: Date): string {
  return `S${digestPeriod(now, 'weekly')}`;
}

/**
 * The inverse of `digestPeriod` (and of `secretariatDigestPeriod`, which the weekly run sends too): how often digests of a period go out, and an instant inside it
 * (noon UTC of its first day), to run that period's digests again. Null for anything else.
 */
export function digestPeriodStart(
  period: string,
): { frequency: 'daily' | 'weekly'; now: Date } | null {
  const week = /^S?(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    const now = new Date(monday + (Number(week[2]) - 1) * 7 * 86_400_000 + 12 * 3_600_000);
    return digestPeriod(now, 'weekly') === period.replace(/^S/, '')
      ? { frequency: 'weekly', now }
      : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period)) return null;
  const now = new Date(`${period}T12:00:00Z`);
  if (Number.isNaN(now.getTime())) return null;
  return digestPeriod(now, 'daily') === period ? { frequency: 'daily', now } : null;
}

function counted(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "2 überfällige und 1 bald fälliger Auftrag": the noun follows the count nearest to it. */
function tally(overdue: number, dueSoon: number): string {
  const parts = [
    overdue ? counted(overdue, 'überfälliger', 'überfällige') : '',
    dueSoon ? counted(dueSoon, 'bald fälliger', 'bald fällige') : '',
  ].filter(Boolean);
  return `${parts.join(' und ')} ${(dueSoon || overdue) === 1 ? 'Auftrag' : 'Aufträge'}`;
}

/**
 * The mail a member's delegates get: what is overdue, then what falls due up to and including the
 * next session. Null when there is nothing to say, so nobody learns to ignore empty mails.
 */
export function composeDigest(input: DigestInput): Digest | null {
  const { member, obligations, sessions, now } = input;
  const next = nextSession(sessions, utcDay(now));

  const overdue: DigestItem[] = [];
  const dueSoon: DigestItem[] = [];
  for (const facts of obligations) {
    const since = overdueSinceOf(facts, sessions, now);
    const dueOn = upcomingDueDate(facts, sessions, now);
    if (since) {
      overdue.push({ facts, state: describeOverdue(daysOverdue(since, now)), order: since });
    } else if (next && dueOn !== null && dueOn <= next.date) {
      dueSoon.push({ facts, state: `fällig am ${germanDate(dueOn)}`, order: dueOn });
    }
  }
  if (overdue.length === 0 && dueSoon.length === 0) return null;
  const byOrder = (a: DigestItem, b: DigestItem) =>
    a.order.localeCompare(b.order) ||
    a.facts.resolution.localeCompare(b.facts.resolution, 'de', { numeric: true }) ||
    a.facts.point - b.facts.point;
  overdue.sort(byOrder);
  dueSoon.sort(byOrder);

  const subject = `mandate-tracker: ${tally(overdue.length, dueSoon.length)} für ${member.name}`;
  const view = { ...input, subject, overdue, dueSoon, next: next ?? null };
  return {
    period: input.period,
    subject,
    text: renderText(view),
    html: renderHtml(view),
    counts: { overdue: overdue.length, dueSoon: dueSoon.length },
  };
}

interface DigestView extends DigestInput {
  subject: string;
  overdue: DigestItem[];
  dueSoon: DigestItem[];
  next: SessionRef | null;
}

function sections(view: DigestView): Array<{ heading: string; items: DigestItem[] }> {
  const dueSoonHeading = view.next ? `Bis zur ${describeSession(view.next)} fällig` : 'Bald fällig';
  return [
    { heading: 'Überfällig', items: view.overdue },
    { heading: dueSoonHeading, items: view.dueSoon },
  ].filter((section) => section.items.length > 0);
}

function intro(view: DigestView): string {
  // A list, not "gibt es ...": the tally is in the nominative, which "es gibt" would not take.
  return `Stand für ${view.member.name} (${view.member.code}): ${tally(view.overdue.length, view.dueSoon.length)}.`;
}

const link = (view: DigestView, facts: ObligationFacts) =>
  `${view.baseUrl}/mandates/${facts.mandateId}`;
const heading = (facts: ObligationFacts) => `Beschluss ${facts.resolution}, Ziffer ${facts.point}`;
const deadline = (view: DigestView, item: DigestItem) =>
  `Frist: ${describeDue(item.facts.due, view.sessions)}, ${item.state}`;
const SETTINGS_LEAD = 'Wie oft und worüber Sie diese Nachricht erhalten, stellen Sie unter';

function renderText(view: DigestView): string {
  const lines = [`Guten Tag ${view.recipient.name},`, '', intro(view)];
  for (const section of sections(view)) {
    lines.push('', section.heading, '-'.repeat(section.heading.length));
    for (const item of section.items) {
      lines.push(
        `- ${heading(item.facts)}: ${item.facts.action}`,
        `  ${deadline(view, item)}`,
        `  ${link(view, item.facts)}`,
      );
    }
  }
  lines.push('', '-- ', `${SETTINGS_LEAD} ${view.baseUrl}/settings ein.`);
  return `${lines.join('\n')}\n`;
}

function renderHtml(view: DigestView): string {
  const settings = `${view.baseUrl}/settings`;
  const body = [
    `<h1>${escapeHtml(`Aufträge für ${view.member.name} (${view.member.code})`)}</h1>`,
    `<p>${escapeHtml(`Guten Tag ${view.recipient.name},`)}</p>`,
    `<p>${escapeHtml(intro(view))}</p>`,
    ...sections(view).flatMap((section) => [
      `<h2>${escapeHtml(section.heading)}</h2>`,
      '<ul>',
      ...section.items.map(
        (item) =>
          `<li>${htmlLink({ href: link(view, item.facts), text: heading(item.facts) })}: ` +
          `${escapeHtml(item.facts.action)}<br>${escapeHtml(deadline(view, item))}</li>`,
      ),
      '</ul>',
    ]),
    `<p><small>${escapeHtml(SETTINGS_LEAD)} ${htmlLink({ href: settings, text: settings })} ein.</small></p>`,
  ].join('\n');
  return htmlDocument(view.subject, body);
}
