import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fk, id, int, str, text } from './columns';

/** Outbox of digests, stored reports, runs of the in-process job runner. */
export class JobsDigestsReports1764400000000 implements MigrationInterface {
  name = 'JobsDigestsReports1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'digest_outbox',
        columns: [
          id,
          int('memberId'),
          int('userId', true),
          str('recipient', 320),
          str('period', 20),
          { ...str('status', 20), default: "'pending'" },
          { ...int('attempts'), default: '0' },
          text('lastError', true),
          text('subject'),
          str('messageId', 200),
          str('createdAt', 32),
          str('sentAt', 32, true),
        ],
        foreignKeys: [fk('memberId', 'member'), fk('userId', 'user', 'SET NULL')],
        indices: [
          new TableIndex({ columnNames: ['memberId', 'recipient', 'period'], isUnique: true }),
          new TableIndex({ columnNames: ['status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'stored_report',
        columns: [id, str('kind', 20), str('subject', 200), str('generatedAt', 32), text('data')],
        indices: [new TableIndex({ columnNames: ['kind', 'subject', 'generatedAt'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_run',
        columns: [
          id,
          str('name', 60),
          str('state', 20),
          { ...int('attempts'), default: '0' },
          text('data'),
          text('result', true),
          text('error', true),
          str('createdAt', 32),
          str('finishedAt', 32, true),
        ],
        indices: [new TableIndex({ columnNames: ['state'] })],
      }),
    );
    // The overdue scan and the overdue filter look for flagged obligations.
    await queryRunner.createIndex(
      'obligation',
      new TableIndex({ name: 'IDX_obligation_overdue', columnNames: ['overdueSince'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('obligation', 'IDX_obligation_overdue');
    for (const table of ['job_run', 'stored_report', 'digest_outbox'])
      await queryRunner.dropTable(table);
  }
}
