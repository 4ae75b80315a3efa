import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MeetingState = 'planned' | 'held' | 'cancelled';

/** `session`: a numbered session of the council (the calendar); the others have no number. */
export type MeetingKind = 'session' | 'special' | 'circulation' | 'body';

/**
 * A session (Sitzung) of the council; session-relative deadlines resolve against its date. Also
 * where decisions were taken outside the calendar: a special session, a circulation procedure,
 * a meeting of the council's AL-Runde.
 */
@Entity('meeting')
@Index(['councilId', 'number'], { unique: true })
export class Meeting {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  councilId: number;

  /** The council's session number; null for meetings outside the calendar. */
  @Column({ type: 'integer', nullable: true })
  number: number | null;

  @Column({ type: 'varchar', length: 20, default: 'session' })
  kind: MeetingKind;

  /** The body that met where it is not the council ("AL-Runde"). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  body: string | null;

  /** How the text names a meeting without a session number ("39. Sitzung AL-Runde"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  label: string | null;

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
