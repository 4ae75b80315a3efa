import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fk, id, int, str } from './columns';

/** One-time links for invitations and forgotten passwords (hashed, single use, expiring). */
export class OneTimeLinks1764840000000 implements MigrationInterface {
  name = 'OneTimeLinks1764840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'one_time_link',
        columns: [
          id,
          int('userId'),
          str('purpose', 20),
          str('tokenHash', 64),
          str('expiresAt', 32),
          str('usedAt', 32, true),
          str('createdAt', 32),
        ],
        foreignKeys: [fk('userId', 'user')],
        indices: [
          new TableIndex({ columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ columnNames: ['userId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('one_time_link');
  }
}
