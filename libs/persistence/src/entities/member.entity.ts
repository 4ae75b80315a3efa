import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Anyone who can owe a mandate: a member of the council (Bund, a Land, FITKO, Kommunen, the chair),
 * a group of members ("die Länder"), or a working body (a working group, a project).
 */
@Entity('member')
@Index(['councilId', 'code'], { unique: true })
export class Member {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  councilId: number;

  /** Member code ("HB", "Bund", "FITKO"), or the body's or group's canonical name. */
  @Column({ type: 'varchar', length: 200 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** federation | state | office | municipal | chair | group | a body's kind ("working-group"). */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** Spellings used in texts ("NRW", "Freistaat Bayern"). */
  @Column({ type: 'simple-json' })
  aliases: string[];

  /** For a group: the member codes it stands for. */
  @Column({ type: 'simple-json', nullable: true })
  expandsTo: string[] | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * For a body or office added to the registry: the member it belongs to ("HB" for the Senator für
   * Finanzen Bremen); its obligations are that member's, for its delegates.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  belongsTo: string | null;
}

export const MEMBER_KINDS = ['federation', 'state', 'office', 'municipal', 'chair'] as const;
