import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A TOP (Tagesordnungspunkt) of a session. */
@Entity('agenda_item')
@Index(['meetingId', 'number'], { unique: true })
export class AgendaItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  meetingId: number;

  /** As written, "02.2". */
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'text' })
  title: string;
}
