import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What a national service's size (400 councils) asked for (`npm run bench -- scale`). A council's
 * calendar counts, per session, the mandates due there; session numbers are per council, so
 * through the index on the due session alone PostgreSQL read every council's mandates due at that
 * number (8,000 per session at 200,000 mandates, 109 ms for 24 sessions). From the council's
 * decisions, a mandate's decision and due session find them directly (7 ms).
 */
export class ScaleIndexes1764950000000 implements MigrationInterface {
  name = 'ScaleIndexes1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'mandate',
      new TableIndex({
        name: 'IDX_mandate_resolution_due',
        columnNames: ['resolutionId', 'dueMeeting'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('mandate', 'IDX_mandate_resolution_due');
  }
}
