import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A decision (Beschluss) of the council, "2020/22" or "B-2025/28-IT". */
@Entity('resolution')
@Index(['councilId', 'code'], { unique: true })
export class Resolution {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  councilId: number;

  @Column({ type: 'integer' })
  meetingId: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  agendaItem: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'integer', nullable: true })
  voteYes: number | null;

  @Column({ type: 'integer', nullable: true })
  voteNo: number | null;

  @Column({ type: 'integer', nullable: true })
  voteAbstain: number | null;

  /** Passed en bloc on the Grüne Liste. */
  @Column({ type: 'boolean', nullable: true })
  greenList: boolean | null;

  /** The text was cut off inside this decision; only the points before the cut are kept. */
  @Column({ type: 'boolean', default: false })
  incomplete: boolean;

  /** The document version the texts come from. */
  @Column({ type: 'integer' })
  documentId: number;

  @Column({ type: 'integer' })
  line: number;
}
