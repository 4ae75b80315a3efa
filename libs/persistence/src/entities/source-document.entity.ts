import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One ingested version of a decision text; a later "Stand" of the same text is a new row. */
@Entity('source_document')
@Index(['councilId', 'sha256'], { unique: true })
export class SourceDocument {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  councilId: number;

  @Column({ type: 'integer' })
  meetingId: number;

  @Column({ type: 'varchar', length: 500 })
  fileName: string;

  /** protocol | decision | announcement */
  @Column({ type: 'varchar', length: 20 })
  format: string;

  /** Of the text as read (after PDF conversion), so the same text is recognised again. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  documentDate: string | null;

  /** Resolution ids in this document, so a corrected version is matched to its predecessor. */
  @Column({ type: 'simple-json' })
  resolutionIds: string[];

  @Column({ type: 'text' })
  text: string;

  /** ISO timestamp (UTC). */
  @Column({ type: 'varchar', length: 32 })
  ingestedAt: string;
}
