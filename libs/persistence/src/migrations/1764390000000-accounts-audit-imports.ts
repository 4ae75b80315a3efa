import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, fk, id, int, str, text } from './columns';

/** Accounts and personal tokens, the audit trail, import previews and installation settings. */
export class AccountsAuditImports1764390000000 implements MigrationInterface {
  name = 'AccountsAuditImports1764390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'user',
        columns: [
          id,
          { ...str('email', 320), isUnique: true },
          str('name', 200),
          str('role', 20),
          int('memberId', true),
          str('passwordHash', 300),
          bool('active', true),
          { ...str('digestFrequency', 10), default: "'weekly'" },
          str('createdAt', 32),
          str('lastLoginAt', 32, true),
        ],
        foreignKeys: [fk('memberId', 'member', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_token',
        columns: [
          id,
          int('userId'),
          str('name', 200),
          str('kind', 20),
          str('tokenHash', 64),
          str('prefix', 16),
          str('expiresAt', 32, true),
          str('revokedAt', 32, true),
          str('createdAt', 32),
          str('lastUsedAt', 32, true),
        ],
        foreignKeys: [fk('userId', 'user')],
        indices: [new TableIndex({ columnNames: ['tokenHash'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          id,
          str('at', 32),
          int('userId', true),
          str('actor', 320),
          str('action', 60),
          str('entity', 60),
          str('entityId', 60, true),
          text('before', true),
          text('after', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['at'] }),
          new TableIndex({ columnNames: ['entity', 'entityId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'import_preview',
        columns: [
          id,
          int('userId'),
          str('fileName', 500),
          text('text'),
          int('meeting', true),
          str('createdAt', 32),
          str('committedAt', 32, true),
        ],
        foreignKeys: [fk('userId', 'user')],
      }),
    );
    // Lists sort by session, newest first, and stop after a page: an index gives that order.
    await queryRunner.addColumn('mandate', new TableColumn(int('meetingNumber', true)));
    await queryRunner.query(
      'UPDATE "mandate" SET "meetingNumber" = (SELECT "mt"."number" FROM "resolution" "r" JOIN "meeting" "mt" ON "mt"."id" = "r"."meetingId" WHERE "r"."id" = "mandate"."resolutionId")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_mandate_listing" ON "mandate" ("meetingNumber" DESC, "id")',
    );
    // The mandate list filters by owner and status: this index drives it from the obligations.
    await queryRunner.createIndex(
      'obligation',
      new TableIndex({
        name: 'IDX_obligation_owner_status',
        columnNames: ['owner', 'status', 'mandateId'],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'setting',
        columns: [{ ...str('key', 100), isPrimary: true }, text('value')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('obligation', 'IDX_obligation_owner_status');
    await queryRunner.query('DROP INDEX "IDX_mandate_listing"');
    await queryRunner.dropColumn('mandate', 'meetingNumber');
    for (const table of ['setting', 'import_preview', 'audit_event', 'api_token', 'user']) {
      await queryRunner.dropTable(table);
    }
  }
}
