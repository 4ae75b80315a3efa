import {
  describeDue,
  germanDate,
  isClosed,
  STATUS_LABELS,
  utcDay,
  type Session,
} from '@app/domain';
import type { ObligationFacts } from './follow-up.types';
import { describeOverdue } from './german.wording';
import { escapeHtml, htmlDocument, htmlLink } from './html.writer';
import { daysOverdue, overdueSinceOf } from './overdue.rule';

export interface SecretariatDigestInput {
  recipient: { name: string };
  /** Members by code, to name the groups; other owners (working groups) are named by their code. */
  members: Array<{ code: string; name: string }>;
  obligations: ObligationFacts[];
  sessions: Session[];
  /**
   * The calendar an obligation's session deadline is dated by, where obligations come from
   * councils with calendars of their own (session numbers are per council); else `sessions`.
   */
  sessionsOf?: (facts: ObligationFacts) => Session[];
  now: Date;
  baseUrl: string;
  period: string;
}

export interface SecretariatDigest {
  period: string;
  subject: string;
  text: string;
  html: string;
  counts: { overdue: number; reported: number };
}

interface Line {
  facts: ObligationFacts;
  /** "seit 3 Tagen überfällig" or "berichtet am 01.12.2026" */
  state: string;
}

interface Group {
  title: string;
  overdue: Line[];
  reported: Line[];
}

/**
 * The weekly mail to the secretariat: every overdue obligation and every obligation a member
 * reported back (awaiting confirmation), across all members, grouped by member. Null when there is
 * nothing in either list.
 */
export function composeSecretariatDigest(input: SecretariatDigestInput): SecretariatDigest | null {
  const names = new Map(input.members.map((m) => [m.code, m.name]));
  const groups = new Map<string, Group>();
  const group = (owner: string): Group => {
    let g = groups.get(owner);
    if (!g) {
      const name = names.get(owner);
      g = { title: name ? `${name} (${owner})` : owner, overdue: [], reported: [] };
      groups.set(owner, g);
    }
    return g;
  };
  let overdueCount = 0;
  let reportedCount = 0;
  for (const facts of input.obligations) {
    if (facts.status === 'reported') {
      const last = facts.reports[facts.reports.length - 1];
      const state = last
        ? `${STATUS_LABELS.reported} am ${germanDate(last.slice(0, 10))}`
        : STATUS_LABELS.reported;
      group(facts.owner).reported.push({ facts, state });
      reportedCount++;
      continue;
    }
    if (isClosed(facts.status)) continue;
    const since = overdueSinceOf(facts, input.sessionsOf?.(facts) ?? input.sessions, input.now);
    if (!since) continue;
    group(facts.owner).overdue.push({
      facts,
      state: describeOverdue(daysOverdue(since, input.now)),
    });
    overdueCount++;
  }
  if (overdueCount === 0 && reportedCount === 0) return null;
  const ordered = [...groups.values()].sort((a, b) => a.title.localeCompare(b.title, 'de'));
  const subject = `mandate-tracker: Wochenübersicht ${input.period.replace(/^(\d{4})-W(\d{2})$/, 'KW $2/$1')} für die Geschäftsstelle`;
  const summary = `${overdueCount} überfällig, ${reportedCount} zur Bestätigung berichtet (Stand ${germanDate(utcDay(input.now))}).`;
  const view = { ...input, subject, summary, groups: ordered };
  return {
    period: input.period,
    subject,
    text: renderText(view),
    html: renderHtml(view),
    counts: { overdue: overdueCount, reported: reportedCount },
  };
}

interface View extends SecretariatDigestInput {
  subject: string;
  summary: string;
  groups: Group[];
}

const heading = (f: ObligationFacts) => `Beschluss ${f.resolution}, Ziffer ${f.point}`;
const link = (view: View, f: ObligationFacts) => `${view.baseUrl}/mandates/${f.mandateId}`;
const detail = (view: View, line: Line) =>
  `Frist: ${describeDue(line.facts.due, view.sessionsOf?.(line.facts) ?? view.sessions)}, ${line.state}`;

function sections(group: Group): Array<{ heading: string; lines: Line[] }> {
  return [
    { heading: 'Überfällig', lines: group.overdue },
    { heading: 'Berichtet, zu bestätigen', lines: group.reported },
  ].filter((s) => s.lines.length > 0);
}

function renderText(view: View): string {
  const out = [`Guten Tag ${view.recipient.name},`, '', view.summary];
  for (const group of view.groups) {
    out.push('', group.title, '='.repeat(group.title.length));
    for (const section of sections(group)) {
      out.push(`${section.heading}:`);
      for (const line of section.lines)
        out.push(
          `- ${heading(line.facts)}: ${line.facts.action}`,
          `  ${detail(view, line)}`,
          `  ${link(view, line.facts)}`,
        );
    }
  }
  return `${out.join('\n')}\n`;
}

function renderHtml(view: View): string {
  const body = [
    `<h1>${escapeHtml(view.subject)}</h1>`,
    `<p>${escapeHtml(`Guten Tag ${view.recipient.name},`)}</p>`,
    `<p>${escapeHtml(view.summary)}</p>`,
    ...view.groups.flatMap((group) => [
      `<h2>${escapeHtml(group.title)}</h2>`,
      ...sections(group).flatMap((section) => [
        `<h3>${escapeHtml(section.heading)}</h3>`,
        '<ul>',
        ...section.lines.map(
          (line) =>
            `<li>${htmlLink({ href: link(view, line.facts), text: heading(line.facts) })}: ` +
            `${escapeHtml(line.facts.action)}<br>${escapeHtml(detail(view, line))}</li>`,
        ),
        '</ul>',
      ]),
    ]),
  ].join('\n');
  return htmlDocument(view.subject, body);
}
