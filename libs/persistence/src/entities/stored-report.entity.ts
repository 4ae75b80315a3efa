import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A generated report, kept so earlier ones can be downloaded; rendered on download. */
@Entity('stored_report')
@Index(['kind', 'subject', 'generatedAt'])
export class StoredReport {
  @PrimaryGeneratedColumn()
  id: number;

  /** member | session */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  /** Member code, or the session number. */
  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 32 })
  generatedAt: string;

  /** The composed report (JSON). */
  @Column({ type: 'simple-json' })
  data: unknown;
}
