import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type TokenKind = 'api' | 'calendar';

/** A personal token for scripts or a calendar feed: stored hashed, shown once, revocable. */
@Entity('api_token')
@Index(['tokenHash'], { unique: true })
export class ApiToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: TokenKind;

  /** SHA-256 of the token (tokens are random, so no salt is needed). */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** The first characters, to tell tokens apart in lists. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  expiresAt: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedAt: string | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lastUsedAt: string | null;
}
