import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { str, text } from './columns';
import { restoreListingIndex } from './1764500000000-real-texts';

/**
 * Mandates the secretariat adds by hand (`origin` = `manual`, kept by every re-ingest) and the
 * secretariat's withdrawal of a wrong one: who withdrew it and why. A withdrawal by the ingest (a
 * corrected text no longer has the mandate) leaves both empty and can be undone by the next text.
 */
export class ManualMandates1764820000000 implements MigrationInterface {
  name = 'ManualMandates1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'mandate',
      new TableColumn({ ...str('origin', 20), default: "'extracted'" }),
    );
    await queryRunner.addColumn('mandate', new TableColumn(str('withdrawnBy', 200, true)));
    await queryRunner.addColumn('mandate', new TableColumn(text('withdrawnReason', true)));
    await restoreListingIndex(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The older schema cannot tell a hand-made mandate from an extracted one: they go.
    await queryRunner.query(
      'DELETE FROM "obligation_event" WHERE "obligationId" IN (SELECT "o"."id" FROM "obligation" "o" JOIN "mandate" "m" ON "m"."id" = "o"."mandateId" WHERE "m"."origin" = \'manual\')',
    );
    await queryRunner.query(
      'DELETE FROM "obligation" WHERE "mandateId" IN (SELECT "id" FROM "mandate" WHERE "origin" = \'manual\')',
    );
    await queryRunner.query('DELETE FROM "mandate" WHERE "origin" = \'manual\'');
    await queryRunner.dropColumn('mandate', 'withdrawnReason');
    await queryRunner.dropColumn('mandate', 'withdrawnBy');
    await queryRunner.dropColumn('mandate', 'origin');
    await restoreListingIndex(queryRunner);
  }
}
