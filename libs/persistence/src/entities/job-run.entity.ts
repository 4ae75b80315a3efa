import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';

/** A job of the in-process runner (no Redis): kept so failures can be inspected and retried. */
@Entity('job_run')
@Index(['state'])
export class JobRun {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  state: JobState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'simple-json' })
  data: unknown;

  @Column({ type: 'simple-json', nullable: true })
  result: unknown;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  finishedAt: string | null;
}
