import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Why a one-time link was sent: an invitation to a new account, or a forgotten password. */
export const ONE_TIME_PURPOSES = ['invitation', 'reset'] as const;
export type OneTimePurpose = (typeof ONE_TIME_PURPOSES)[number];

/**
 * A link sent by mail that lets its holder set the account's password once and signs them in.
 * Only the SHA-256 of its token is stored; it works once, until it expires.
 */
@Entity('one_time_link')
@Index(['tokenHash'], { unique: true })
@Index(['userId'])
export class OneTimeLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 20 })
  purpose: OneTimePurpose;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 32 })
  expiresAt: string;

  /** When it was used, or made void by a newer link; null while it still works. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  usedAt: string | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;
}
