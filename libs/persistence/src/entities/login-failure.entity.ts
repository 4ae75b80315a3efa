import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed sign-in, by account ("email:...") and by client address ("ip:..."). */
@Entity('login_failure')
@Index(['key', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 400 })
  key: string;

  /** ISO timestamp (UTC). */
  @Column({ type: 'varchar', length: 32 })
  at: string;
}
