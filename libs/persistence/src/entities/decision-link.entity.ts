import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Due, LinkKind } from '@app/domain';

/** The kinds of @app/domain: what the later decision does to the earlier one. */
export type DecisionLinkKind = LinkKind;
export type DecisionLinkState = 'proposed' | 'confirmed' | 'rejected';
export const DECISION_LINK_STATES: readonly DecisionLinkState[] = [
  'proposed',
  'confirmed',
  'rejected',
];

/**
 * A later decision's answer to an earlier one, found at ingest: proposed, then confirmed (its
 * effect applied to the earlier mandates' obligations) or rejected by the secretariat.
 */
@Entity('decision_link')
@Index(['fromResolutionId', 'toCode'], { unique: true })
@Index(['state'])
export class DecisionLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  councilId: number;

  /** The later decision. */
  @Column({ type: 'integer' })
  fromResolutionId: number;

  /** Its point; null for its title. */
  @Column({ type: 'integer', nullable: true })
  fromPoint: number | null;

  /** The source document of the later decision, and the line of the sentence. */
  @Column({ type: 'integer', nullable: true })
  documentId: number | null;

  @Column({ type: 'integer' })
  line: number;

  @Column({ type: 'text' })
  sentence: string;

  /** The earlier decision's number ("2021/16"), whether or not it is stored. */
  @Column({ type: 'varchar', length: 60 })
  toCode: string;

  /** The earlier decision where it is stored. */
  @Column({ type: 'integer', nullable: true })
  toResolutionId: number | null;

  /** The earlier mandates it concerns. */
  @Column({ type: 'simple-json' })
  mandateIds: number[];

  /** The owners whose obligations it concerns; empty for every owner of those mandates. */
  @Column({ type: 'simple-json' })
  owners: string[];

  /** Named by number; else found by owner and subject. */
  @Column({ type: 'boolean', default: true })
  explicit: boolean;

  @Column({ type: 'varchar', length: 20 })
  kind: DecisionLinkKind;

  @Column({ type: 'text' })
  reason: string;

  /** For `extends`: the new deadline (the extraction's Due). */
  @Column({ type: 'simple-json', nullable: true })
  due: Due | null;

  @Column({ type: 'varchar', length: 20, default: 'proposed' })
  state: DecisionLinkState;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  decidedAt: string | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;
}
