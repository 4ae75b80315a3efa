import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * One digest to one recipient for one member and period, written before sending and marked sent
 * only after the SMTP server accepted it: the key makes a second copy impossible.
 */
@Entity('digest_outbox')
@Index(['memberId', 'recipient', 'period'], { unique: true })
@Index(['status'])
export class DigestOutbox {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  memberId: number;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  /** "2026-W48" (weekly) or "2026-11-29" (daily). */
  @Column({ type: 'varchar', length: 20 })
  period: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text' })
  subject: string;

  /** Stable per digest, so a mail client can recognise a copy. */
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  sentAt: string | null;
}
