import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { int, str } from './columns';

/**
 * Page sessions kept on the server: a signed cookie alone could not be ended by signing out, so a
 * copy taken before sign-out stayed valid for the rest of its eight hours.
 */
export class WebSessions1764800000000 implements MigrationInterface {
  name = 'WebSessions1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'web_session',
        columns: [
          { ...str('sidHash', 64), isPrimary: true },
          int('userId'),
          str('createdAt', 32),
          str('expiresAt', 32),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('web_session');
  }
}
