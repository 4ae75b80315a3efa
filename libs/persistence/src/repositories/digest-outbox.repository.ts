import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DigestOutbox } from '../entities/digest-outbox.entity';

/** What makes an outbox row one of a kind: one mail per member, recipient and period. */
export type OutboxKey = Pick<DigestOutbox, 'memberId' | 'recipient' | 'period'>;

/**
 * The outbox of every mail the jobs send (digests, notices, reminders): a row is written before
 * sending and marked sent only after the SMTP server accepted the message.
 */
@Injectable()
export class DigestOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get outbox() {
    return this.dataSource.getRepository(DigestOutbox);
  }

  /** The row of this key, written as pending first when there is none yet. */
  async reserve(
    key: OutboxKey,
    mail: Pick<DigestOutbox, 'userId' | 'subject' | 'messageId'>,
  ): Promise<DigestOutbox> {
    await this.outbox
      .createQueryBuilder()
      .insert()
      .values({
        ...key,
        userId: mail.userId,
        status: 'pending',
        attempts: 0,
        lastError: null,
        subject: mail.subject,
        messageId: mail.messageId,
        createdAt: new Date().toISOString(),
        sentAt: null,
      })
      .orIgnore()
      // No read-back of the new row: when the row is already there (a failed earlier run) SQLite
      // reports no inserted id, and TypeORM would fail with "entity id is not set".
      .updateEntity(false)
      .execute();
    return this.outbox.findOneByOrFail(key);
  }

  /** The SMTP server accepted the mail of this row. */
  async markSent(row: DigestOutbox): Promise<void> {
    await this.outbox.update(row.id, {
      status: 'sent',
      sentAt: new Date().toISOString(),
      attempts: row.attempts + 1,
      lastError: null,
    });
  }

  /** This attempt failed, for the reason given (the mailer's words). */
  async markFailed(row: DigestOutbox, reason: string): Promise<void> {
    await this.outbox.update(row.id, {
      status: 'failed',
      attempts: row.attempts + 1,
      lastError: reason,
    });
  }

  /** Mails that could not be delivered, in the order they were first written. */
  async failed(): Promise<DigestOutbox[]> {
    return this.outbox.find({ where: { status: 'failed' }, order: { id: 'ASC' } });
  }
}
