import { createHash } from 'node:crypto';
import type { Mailer } from '@app/mail';
import type { DigestOutboxRepository } from '@app/persistence';

export interface OutboxItem {
  memberId: number;
  memberCode: string;
  userId: number;
  recipient: string;
  /** What makes the mail one of a kind for this member and recipient: "2026-W48", "R1234". */
  period: string;
  message: { subject: string; text: string; html: string };
}

export type DeliveryOutcome = 'sent' | 'already-sent' | { error: string };

/**
 * Sends one mail at most once: the outbox row (member, recipient, period) is written before
 * sending and marked sent only after the SMTP server accepted the message, so a rerun or a retry
 * sends what is missing and never a second copy of what was accepted.
 */
export async function deliverOnce(
  outbox: DigestOutboxRepository,
  mailer: Mailer,
  item: OutboxItem,
): Promise<DeliveryOutcome> {
  const key = { memberId: item.memberId, recipient: item.recipient, period: item.period };
  const messageId = `<digest-${createHash('sha256').update(`${item.memberCode}|${item.recipient}|${item.period}`).digest('hex').slice(0, 24)}@mandate-tracker>`;
  const row = await outbox.reserve(key, {
    userId: item.userId,
    subject: item.message.subject,
    messageId,
  });
  if (row.status === 'sent') return 'already-sent';
  try {
    await mailer.send({ to: item.recipient, ...item.message, messageId: row.messageId });
    await outbox.markSent(row);
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await outbox.markFailed(row, message);
    return { error: message };
  }
}

/** What a run of `deliverOnce` calls came to, and the first failure in the mailer's words. */
export interface DeliveryTally {
  sent: number;
  alreadySent: number;
  failed: number;
  firstError?: string;
}

export function countOutcome(tally: DeliveryTally, outcome: DeliveryOutcome): void {
  if (outcome === 'sent') tally.sent++;
  else if (outcome === 'already-sent') tally.alreadySent++;
  else {
    tally.failed++;
    tally.firstError ??= outcome.error;
  }
}
