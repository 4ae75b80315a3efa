import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On PostgreSQL, obligations are stored with half of each page left free (fillfactor 50), so that
 * setting or lifting an overdue flag writes the new row version on the same page and touches no
 * index (a "HOT" update: no index holds `overdueSince`). On full pages every flagged row was a new
 * version elsewhere with an entry in each of the table's five indexes: the first overdue scan over
 * the bench's 1,000,000 obligations (665,335 flagged) spent 17.5 s of server CPU in its flagging
 * statement, with the room 3 s. Half a page holds the new versions even when two thirds of its
 * obligations are flagged at once (one transaction cannot reuse its own old versions' room).
 *
 * Pages written from now on keep the room; existing ones get it when the table is rewritten
 * (`VACUUM FULL obligation`, README). SQLite has no such setting and never touches an index for
 * a column no index holds: nothing to do there.
 */
export class ObligationFillfactor1764971000000 implements MigrationInterface {
  name = 'ObligationFillfactor1764971000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres')
      await queryRunner.query('ALTER TABLE "obligation" SET (fillfactor = 50)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres')
      await queryRunner.query('ALTER TABLE "obligation" RESET (fillfactor)');
  }
}
