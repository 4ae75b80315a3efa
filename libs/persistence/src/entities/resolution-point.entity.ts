import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A numbered point of a decision's text. */
@Entity('resolution_point')
@Index(['resolutionId', 'number'], { unique: true })
export class ResolutionPoint {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  resolutionId: number;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'integer' })
  line: number;
}
