import type { ObligationStatus } from '@app/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One owner's share of a mandate, with its own status. */
@Entity('obligation')
@Index(['mandateId', 'owner'], { unique: true })
@Index(['memberId', 'status'])
@Index('IDX_obligation_owner_status', ['owner', 'status', 'mandateId'])
export class Obligation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  mandateId: number;

  /** The registry entry, when the owner is known to the registry. */
  @Column({ type: 'integer', nullable: true })
  memberId: number | null;

  /** Member code or the owner's name as written. */
  @Column({ type: 'varchar', length: 200 })
  owner: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: ObligationStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  overdueSince: string | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32 })
  updatedAt: string;
}
