import type { DueKind, LooseDue } from '@app/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface ExtractedFields {
  owners: string[];
  partners: string[];
  action: string;
  /** As the extraction (or the secretariat adding it by hand) gave it. */
  due: LooseDue;
  /**
   * Set once the secretariat moves the mandate to another point or rewrites its source sentence:
   * where and how the text had it. A re-ingest finds the mandate by this point and ordinal and
   * keeps the corrected sentence.
   */
  point?: number;
  ordinal?: number;
  source?: string;
}

/** `extracted` from a text; `manual`: added by the secretariat, never touched by an ingest. */
export type MandateOrigin = 'extracted' | 'manual';

/** One request or commission of the council (Auftrag), as extracted and possibly corrected. */
@Entity('mandate')
@Index(['resolutionId', 'point', 'ordinal'], { unique: true })
@Index('IDX_mandate_resolution_due', ['resolutionId', 'dueMeeting'])
@Index('IDX_mandate_due_kind_date', ['dueKind', 'dueDate'])
export class Mandate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  resolutionId: number;

  /** The session that decided it (copied from its resolution): lists sort by it through an index. */
  @Column({ type: 'integer', nullable: true })
  meetingNumber: number | null;

  @Column({ type: 'integer' })
  point: number;

  /** Position among the mandates of its point, which identifies it across re-ingests. */
  @Column({ type: 'integer' })
  ordinal: number;

  @Column({ type: 'simple-json' })
  owners: string[];

  @Column({ type: 'simple-json' })
  partners: string[];

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'varchar', length: 20 })
  dueKind: DueKind;

  @Column({ type: 'integer', nullable: true })
  dueMeeting: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  @Column({ type: 'integer', nullable: true })
  dueFromMeeting: number | null;

  @Column({ type: 'boolean', default: false })
  dueSoft: boolean;

  @Column({ type: 'text', default: '' })
  dueText: string;

  /** The sentence of the decision that gives the mandate. */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'integer' })
  sourceLine: number;

  /** Why the sentence was taken as a mandate (request, passive-request, commission, actor-statement). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  basis: string | null;

  /** Why the reading should be checked (no-owner, owner-inferred, deadline-unclear, cut-off). */
  @Column({ type: 'simple-json', nullable: true })
  uncertain: string[] | null;

  /** What the extractor read, kept when the secretariat corrects the mandate. */
  @Column({ type: 'simple-json' })
  extracted: ExtractedFields;

  /** Set when the secretariat corrected the extraction; a re-ingest then keeps the correction. */
  @Column({ type: 'boolean', default: false })
  corrected: boolean;

  @Column({ type: 'varchar', length: 20, default: 'extracted' })
  origin: MandateOrigin;

  /**
   * Set when a corrected protocol no longer contains the mandate (then `withdrawnBy` is empty and
   * the next text may bring it back), or when the secretariat withdrew it (for good).
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  withdrawnAt: string | null;

  /** The secretariat member who withdrew it; empty for a withdrawal by the ingest. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  withdrawnBy: string | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32 })
  updatedAt: string;
}
