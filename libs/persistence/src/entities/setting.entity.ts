import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Installation-wide values the app generates once (the token signing key). */
@Entity('setting')
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
