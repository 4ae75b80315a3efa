import {
  addDays,
  daysBetween,
  describeDue,
  germanDate,
  isOwed,
  STATUS_LABELS,
  utcDay,
  type Session,
} from '@app/domain';
import type { ObligationFacts } from './follow-up.types';
import { upcomingDueDate } from './overdue.rule';
import { factsMail } from './report-notice.composer';

/** Days before a deadline that its owners are reminded, unless REMINDER_LEAD_DAYS says otherwise. */
export const DEFAULT_REMINDER_LEAD_DAYS = 14;

export interface DueReminder {
  facts: ObligationFacts;
  /** The day it is due (YYYY-MM-DD): the session's date or the due date. */
  dueOn: string;
}

/**
 * The obligations still owed (open or in progress) whose deadline falls from today up to `leadDays`
 * days ahead, each with its deadline's day.
 */
export function remindersDue(
  obligations: ObligationFacts[],
  sessions: Session[],
  now: Date,
  leadDays: number,
): DueReminder[] {
  const today = utcDay(now);
  const last = addDays(today, leadDays);
  const due: DueReminder[] = [];
  for (const facts of obligations) {
    if (!isOwed(facts.status)) continue;
    const dueOn = upcomingDueDate(facts, sessions, now);
    if (dueOn !== null && dueOn <= last) due.push({ facts, dueOn });
  }
  return due;
}

/**
 * What makes a reminder one of a kind: the obligation and its deadline's day, so a moved session
 * reminds again, and an unchanged one never twice ("F123-20261216", at most 20 characters).
 */
export function reminderKey(reminder: DueReminder): string {
  return `F${reminder.facts.id}-${reminder.dueOn.replace(/-/g, '')}`;
}

export interface ReminderInput {
  member: { code: string; name: string };
  recipient: { name: string };
  reminder: DueReminder;
  sessions: Session[];
  now: Date;
  baseUrl: string;
}

export type Reminder = ReturnType<typeof factsMail>;

function inDays(days: number): string {
  if (days === 0) return 'heute';
  if (days === 1) return 'morgen';
  return `in ${days} Tagen`;
}

/** The mail to a member's delegate that a deadline is near: which mandate, when, and where. */
export function composeReminder(input: ReminderInput): Reminder {
  const { facts, dueOn } = input.reminder;
  const what = `Beschluss ${facts.resolution}, Ziffer ${facts.point}`;
  const when = `${inDays(daysBetween(utcDay(input.now), dueOn))} (${germanDate(dueOn)})`;
  const subject = `mandate-tracker: ${what} ist ${when} fällig`;
  const link = `${input.baseUrl}/mandates/${facts.mandateId}`;
  const lead = `ein Auftrag für ${input.member.name} (${input.member.code}) ist ${when} fällig und noch nicht berichtet:`;
  const details: Array<[string, string]> = [
    ['Auftrag', `${what}: ${facts.action}`],
    ['Frist', describeDue(facts.due, input.sessions)],
    ['Stand', STATUS_LABELS[facts.status]],
  ];
  return factsMail({ subject, recipient: input.recipient.name, lead, facts: details, link });
}
