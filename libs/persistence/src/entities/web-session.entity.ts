import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in page session. The cookie carries the session id; this row is what makes it valid,
 * so signing out, a password change and disabling the account end it on the server, whatever
 * copy of the cookie is still around. Only a hash of the id is kept.
 */
@Entity('web_session')
@Index(['userId'])
export class WebSessionRecord {
  /** SHA-256 of the session id (hex). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sidHash: string;

  @Column({ type: 'integer' })
  userId: number;

  /** ISO timestamps (UTC). */
  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32 })
  expiresAt: string;
}
