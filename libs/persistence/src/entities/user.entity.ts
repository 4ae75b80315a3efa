import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['secretariat', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const DIGEST_FREQUENCIES = ['weekly', 'daily', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** A person who signs in: FITKO staff (secretariat), a member's delegate, or an observer. */
@Entity('user')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** Lower case; unique. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** The member a delegate acts for. */
  @Column({ type: 'integer', nullable: true })
  memberId: number | null;

  /** scrypt, salted: "scrypt$N$r$p$salt$hash"; never logged or returned. */
  @Column({ type: 'varchar', length: 300, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 10, default: 'weekly' })
  digestFrequency: DigestFrequency;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lastLoginAt: string | null;

  /** Set when the password changed: access tokens and page sessions issued before are void. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  credentialsChangedAt: string | null;
}
