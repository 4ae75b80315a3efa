import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An intergovernmental council whose decisions are tracked (the IT-Planungsrat). */
@Entity('council')
export class Council {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Names texts use for the council itself, and the file-number pattern (seed data). */
  @Column({ type: 'simple-json' })
  aliases: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  fileNumberPattern: string | null;
}
