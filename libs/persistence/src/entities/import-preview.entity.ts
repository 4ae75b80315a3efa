import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded text awaiting review: its extraction is shown, nothing is stored until commit. */
@Entity('import_preview')
export class ImportPreview {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 500 })
  fileName: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'integer', nullable: true })
  meeting: number | null;

  @Column({ type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  committedAt: string | null;
}
