import { createHash } from 'node:crypto';
import type { Mailer } from '@app/mail';
import { DigestOutbox } from '@app/persistence';
import type { DataSource } from 'typeorm';

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
  dataSource: DataSource,
  mailer: Mailer,
  item: OutboxItem,
): Promise<DeliveryOutcome> {
  const outbox = dataSource.getRepository(DigestOutbox);
  const key = { memberId: item.memberId, recipient: item.recipient, period: item.period };
  const messageId = `<digest-${createHash('sha256').update(`${item.memberCode}|${item.recipient}|${item.period}`).digest('hex').slice(0, 24)}@mandate-tracker>`;
  await outbox
    .createQueryBuilder()
    .insert()
    .values({
      ...key,
      userId: item.userId,
      status: 'pending',
      attempts: 0,
      lastError: null,
      subject: item.message.subject,
      messageId,
      createdAt: new Date().toISOString(),
      sentAt: null,
    })
    .orIgnore()
    // No read-back of the new row: when the row is already there (a failed earlier run) SQLite
    // reports no inserted id, and TypeORM would fail with "entity id is not set".
    .updateEntity(false)
    .execute();
  const row = await outbox.findOneByOrFail(key);
  if (row.status === 'sent') return 'already-sent';
  try {
    await mailer.send({ to: item.recipient, ...item.message, messageId: row.messageId });
    await outbox.update(row.id, {
      status: 'sent',
      sentAt: new Date().toISOString(),
      attempts: row.attempts + 1,
      lastError: null,
    });
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await outbox.update(row.id, {
      status: 'failed',
      attempts: row.attempts + 1,
      lastError: message,
    });
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
