import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, fk, id, int, str, text } from './columns';

/**
 * The first schema, written with TypeORM's table API so the same migration runs on SQLite and
 * PostgreSQL. Timestamps are ISO strings (UTC), dates YYYY-MM-DD: identical on both databases.
 */
export class InitialSchema1764380000000 implements MigrationInterface {
  name = 'InitialSchema1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'council',
        columns: [
          id,
          { ...str('code', 40), isUnique: true },
          str('name', 200),
          text('aliases'),
          str('fileNumberPattern', 200, true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member',
        columns: [
          id,
          int('councilId'),
          str('code', 200),
          str('name', 200),
          str('kind', 40),
          text('aliases'),
          text('expandsTo', true),
          bool('active', true),
        ],
        foreignKeys: [fk('councilId', 'council')],
        indices: [new TableIndex({ columnNames: ['councilId', 'code'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meeting',
        columns: [
          id,
          int('councilId'),
          int('number'),
          str('date', 10, true),
          bool('approximate', false),
          { ...str('state', 20), default: "'planned'" },
          str('place', 200, true),
        ],
        foreignKeys: [fk('councilId', 'council')],
        indices: [new TableIndex({ columnNames: ['councilId', 'number'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'source_document',
        columns: [
          id,
          int('councilId'),
          int('meetingId'),
          str('fileName', 500),
          str('format', 20),
          str('sha256', 64),
          str('documentDate', 10, true),
          text('resolutionIds'),
          text('text'),
          str('ingestedAt', 32),
        ],
        foreignKeys: [fk('councilId', 'council'), fk('meetingId', 'meeting')],
        indices: [new TableIndex({ columnNames: ['councilId', 'sha256'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agenda_item',
        columns: [id, int('meetingId'), str('number', 20), text('title')],
        foreignKeys: [fk('meetingId', 'meeting')],
        indices: [new TableIndex({ columnNames: ['meetingId', 'number'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'resolution',
        columns: [
          id,
          int('councilId'),
          int('meetingId'),
          str('code', 40),
          str('agendaItem', 20, true),
          text('title', true),
          int('voteYes', true),
          int('voteNo', true),
          int('voteAbstain', true),
          bool('greenList', null),
          int('documentId'),
          int('line'),
        ],
        foreignKeys: [
          fk('councilId', 'council'),
          fk('meetingId', 'meeting'),
          fk('documentId', 'source_document'),
        ],
        indices: [
          new TableIndex({ columnNames: ['councilId', 'code'], isUnique: true }),
          new TableIndex({ columnNames: ['meetingId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'resolution_point',
        columns: [id, int('resolutionId'), int('number'), text('text'), int('line')],
        foreignKeys: [fk('resolutionId', 'resolution')],
        indices: [new TableIndex({ columnNames: ['resolutionId', 'number'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'protocol_note',
        columns: [
          id,
          int('meetingId'),
          int('resolutionId', true),
          str('agendaItem', 20, true),
          str('kind', 20),
          text('heading'),
          text('text'),
          int('line'),
        ],
        foreignKeys: [fk('meetingId', 'meeting'), fk('resolutionId', 'resolution')],
        indices: [new TableIndex({ columnNames: ['meetingId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mandate',
        columns: [
          id,
          int('resolutionId'),
          int('point'),
          int('ordinal'),
          text('owners'),
          text('partners'),
          text('action'),
          str('dueKind', 20),
          int('dueMeeting', true),
          str('dueDate', 10, true),
          int('dueFromMeeting', true),
          bool('dueSoft', false),
          { ...text('dueText'), default: "''" },
          text('source'),
          int('sourceLine'),
          text('extracted'),
          bool('corrected', false),
          str('withdrawnAt', 32, true),
          str('createdAt', 32),
          str('updatedAt', 32),
        ],
        foreignKeys: [fk('resolutionId', 'resolution')],
        indices: [
          new TableIndex({ columnNames: ['resolutionId', 'point', 'ordinal'], isUnique: true }),
          new TableIndex({ columnNames: ['dueMeeting'] }),
          new TableIndex({ columnNames: ['dueDate'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'obligation',
        columns: [
          id,
          int('mandateId'),
          int('memberId', true),
          str('owner', 200),
          { ...str('status', 20), default: "'open'" },
          str('overdueSince', 32, true),
          str('createdAt', 32),
          str('updatedAt', 32),
        ],
        foreignKeys: [fk('mandateId', 'mandate'), fk('memberId', 'member', 'SET NULL')],
        indices: [
          new TableIndex({ columnNames: ['mandateId', 'owner'], isUnique: true }),
          new TableIndex({ columnNames: ['memberId', 'status'] }),
          new TableIndex({ columnNames: ['status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'obligation_event',
        columns: [
          id,
          int('obligationId'),
          str('at', 32),
          str('actor', 200),
          str('type', 20),
          str('fromStatus', 20, true),
          str('toStatus', 20, true),
          text('note', true),
          str('link', 1000, true),
        ],
        foreignKeys: [fk('obligationId', 'obligation')],
        indices: [new TableIndex({ columnNames: ['obligationId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'obligation_event',
      'obligation',
      'mandate',
      'protocol_note',
      'resolution_point',
      'resolution',
      'agenda_item',
      'source_document',
      'meeting',
      'member',
      'council',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
