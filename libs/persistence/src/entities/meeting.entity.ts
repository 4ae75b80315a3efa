import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MeetingState = 'planned' | 'held' | 'cancelled';

/** A session (Sitzung) of the council; session-relative deadlines resolve against its date. */
@Entity('meeting')
@Index(['councilId', 'number'], { unique: true })
export class Meeting {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  councilId: number;

  @Column({ type: 'integer' })
  number: number;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  date: string | null;

  /** The date is when decisions were announced, not the session itself. */
  @Column({ type: 'boolean', default: false })
  approximate: boolean;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  state: MeetingState;

  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;
}
