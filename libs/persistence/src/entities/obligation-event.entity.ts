import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of an obligation's history: creation, status change, correction, comment. */
@Entity('obligation_event')
@Index(['obligationId'])
export class ObligationEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  obligationId: number;

  /** ISO timestamp (UTC). */
  @Column({ type: 'varchar', length: 32 })
  at: string;

  /** Who: a user's email, or "ingest". */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** created | status | superseded | restored | comment */
  @Column({ type: 'varchar', length: 20 })
  type: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  link: string | null;
}
