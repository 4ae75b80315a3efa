import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id, str } from './columns';

/**
 * Credentials that can be revoked at once (a changed password ends every other session and
 * token), and failed sign-ins kept in the database, so a restart or a second process does not
 * forget them.
 */
export class Hardening1764600000000 implements MigrationInterface {
  name = 'Hardening1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('user', new TableColumn(str('credentialsChangedAt', 32, true)));
    await queryRunner.createTable(
      new Table({
        name: 'login_failure',
        columns: [id, str('key', 400), str('at', 32)],
        indices: [new TableIndex({ columnNames: ['key', 'at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_failure');
    await queryRunner.dropColumn('user', 'credentialsChangedAt');
  }
}
