import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded write or refused access: who, when (UTC), what, before and after. Append-only. */
@Entity('audit_event')
@Index(['at'])
@Index(['entity', 'entityId'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  at: string;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  /** The user's email, or "anonymous", "cli", "ingest". */
  @Column({ type: 'varchar', length: 320 })
  actor: string;

  /** e.g. obligation.status, mandate.correct, import.commit, user.create, access.denied */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 60 })
  entity: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  entityId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  before: unknown;

  @Column({ type: 'simple-json', nullable: true })
  after: unknown;
}
