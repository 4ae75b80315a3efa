import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A Protokollnotiz or Protokollerklärung, kept with its decision; it holds no mandates. */
@Entity('protocol_note')
export class ProtocolNote {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  meetingId: number;

  @Column({ type: 'integer', nullable: true })
  resolutionId: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  agendaItem: string | null;

  /** note | declaration */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'text' })
  heading: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'integer' })
  line: number;
}
