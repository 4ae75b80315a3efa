import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, int, str, text } from './columns';

/**
 * What real decision texts need: decisions of special sessions, circulation procedures and the
 * AL-Runde (meetings without a council session number), owners added to the registry with the
 * member they belong to, and why each mandate was taken and how sure the reading is.
 */
/**
 * On SQLite, adding a column rebuilds the table and keeps only the indexes TypeORM's metadata
 * knows; the listing index (a DESC column, made in plain SQL) would be lost, and with it the
 * speed of every mandate list (measured: 613 -> 27 requests/s). It is put back where missing.
 */
export async function restoreListingIndex(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    'CREATE INDEX IF NOT EXISTS "IDX_mandate_listing" ON "mandate" ("meetingNumber" DESC, "id")',
  );
}

export class RealTexts1764500000000 implements MigrationInterface {
  name = 'RealTexts1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('meeting', 'number', new TableColumn(int('number', true)));
    await queryRunner.addColumn(
      'meeting',
      new TableColumn({ ...str('kind', 20), default: "'session'" }),
    );
    await queryRunner.addColumn('meeting', new TableColumn(str('body', 100, true)));
    await queryRunner.addColumn('meeting', new TableColumn(str('label', 200, true)));
    await queryRunner.addColumn('member', new TableColumn(str('belongsTo', 200, true)));
    await queryRunner.addColumn('mandate', new TableColumn(str('basis', 30, true)));
    await queryRunner.addColumn('mandate', new TableColumn(text('uncertain', true)));
    await queryRunner.addColumn('resolution', new TableColumn(bool('incomplete', false)));
    await restoreListingIndex(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('resolution', 'incomplete');
    await queryRunner.dropColumn('mandate', 'uncertain');
    await queryRunner.dropColumn('mandate', 'basis');
    await queryRunner.dropColumn('member', 'belongsTo');
    await queryRunner.dropColumn('meeting', 'label');
    await queryRunner.dropColumn('meeting', 'body');
    await queryRunner.dropColumn('meeting', 'kind');
    // Meetings without a number cannot be kept by the older schema, nor what was decided in them.
    await queryRunner.query(
      'DELETE FROM "resolution" WHERE "meetingId" IN (SELECT "id" FROM "meeting" WHERE "number" IS NULL)',
    );
    await queryRunner.query('DELETE FROM "meeting" WHERE "number" IS NULL');
    await queryRunner.changeColumn('meeting', 'number', new TableColumn(int('number')));
    await restoreListingIndex(queryRunner);
  }
}
