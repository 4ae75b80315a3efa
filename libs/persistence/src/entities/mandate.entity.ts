import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface ExtractedFields {
  owners: string[];
  partners: string[];
  action: string;
  due: { kind: DueKind; meeting?: number; date?: string; fromMeeting?: number; soft?: boolean };
}

export type DueKind = 'meeting' | 'date' | 'recurring' | 'event' | 'none';

/** One request or commission of the council (Auftrag), as extracted and possibly corrected. */
@Entity('mandate')
@Index(['resolutionId', 'point', 'ordinal'], { unique: true })
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

  /** Set when a corrected protocol no longer contains the mandate. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  withdrawnAt: string | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32 })
  updatedAt: string;
}
