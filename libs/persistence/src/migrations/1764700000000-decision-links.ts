import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, fk, id, int, str, text } from './columns';
import { restoreListingIndex } from './1764500000000-real-texts';

/** Links from later decisions to the earlier ones they close, extend, renew or replace. */
export class DecisionLinks1764700000000 implements MigrationInterface {
  name = 'DecisionLinks1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'decision_link',
        columns: [
          id,
          int('councilId'),
          int('fromResolutionId'),
          int('fromPoint', true),
          int('documentId', true),
          int('line'),
          text('sentence'),
          str('toCode', 60),
          int('toResolutionId', true),
          text('mandateIds'),
          text('owners'),
          bool('explicit', true),
          str('kind', 20),
          text('reason'),
          text('due', true),
          { ...str('state', 20), default: "'proposed'" },
          str('decidedBy', 200, true),
          str('decidedAt', 32, true),
          str('createdAt', 32),
        ],
        foreignKeys: [
          fk('councilId', 'council'),
          fk('fromResolutionId', 'resolution'),
          fk('toResolutionId', 'resolution', 'SET NULL'),
          fk('documentId', 'source_document', 'SET NULL'),
        ],
        indices: [
          new TableIndex({ columnNames: ['fromResolutionId', 'toCode'], isUnique: true }),
          new TableIndex({ columnNames: ['state'] }),
        ],
      }),
    );
    // Databases migrated by an earlier build of the previous migration lost it.
    await restoreListingIndex(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('decision_link');
  }
}
