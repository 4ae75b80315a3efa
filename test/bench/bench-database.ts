import Database from 'better-sqlite3';
import { dataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { ingestServices } from '../support/ingest-services';

/** Rows written straight into the schema (prepared once), each answering its new id. */
export interface BenchRows {
  meeting(number: number, date: string, state: 'held' | 'planned'): number;
  document(meetingId: number, fileName: string, sha256: string): number;
  resolution(meetingId: number, code: string, title: string, documentId: number): number;
  /** A mandate due at session `dueMeeting`, its source the sentence `source`. */
  mandate(row: {
    resolutionId: number;
    meetingNumber: number;
    point: number;
    owners: string[];
    action: string;
    dueMeeting: number;
    source: string;
  }): number;
  obligation(mandateId: number, memberId: number | null, owner: string, status: string): number;
}

/**
 * A migrated and seeded SQLite file for a benchmark, opened with better-sqlite3 to fill it fast:
 * `fill` runs in one transaction with the council's id and the row writers; the file is closed
 * afterwards.
 */
export async function fillSeededSqlite(
  file: string,
  fill: (db: Database.Database, council: number, rows: BenchRows) => void,
): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(`sqlite:${file}`)).initialize();
  await dataSource.runMigrations();
  const { seeds, seedsDir } = ingestServices(dataSource);
  await seeds.seedAll(seedsDir);
  await dataSource.destroy();

  const db = new Database(file);
  try {
    const now = new Date().toISOString();
    const council = (db.prepare('SELECT id FROM council').get() as { id: number }).id;
    const meeting = db.prepare(
      'INSERT INTO meeting (councilId, number, date, approximate, state) VALUES (?, ?, ?, 0, ?)',
    );
    const doc = db.prepare(
      "INSERT INTO source_document (councilId, meetingId, fileName, format, sha256, resolutionIds, text, ingestedAt) VALUES (?, ?, ?, 'protocol', ?, '[]', '', ?)",
    );
    const resolution = db.prepare(
      'INSERT INTO resolution (councilId, meetingId, code, title, documentId, line) VALUES (?, ?, ?, ?, ?, 1)',
    );
    const mandate = db.prepare(
      "INSERT INTO mandate (resolutionId, meetingNumber, point, ordinal, owners, partners, action, dueKind, dueMeeting, dueSoft, dueText, source, sourceLine, extracted, corrected, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, '[]', ?, 'meeting', ?, 0, '', ?, 1, '{}', 0, ?, ?)",
    );
    const obligation = db.prepare(
      'INSERT INTO obligation (mandateId, memberId, owner, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const id = (result: Database.RunResult) => Number(result.lastInsertRowid);
    const rows: BenchRows = {
      meeting: (number, date, state) => id(meeting.run(council, number, date, state)),
      document: (meetingId, fileName, sha256) =>
        id(doc.run(council, meetingId, fileName, sha256, now)),
      resolution: (meetingId, code, title, documentId) =>
        id(resolution.run(council, meetingId, code, title, documentId)),
      mandate: (m) =>
        id(
          mandate.run(
            m.resolutionId,
            m.meetingNumber,
            m.point,
            JSON.stringify(m.owners),
            m.action,
            m.dueMeeting,
            m.source,
            now,
            now,
          ),
        ),
      obligation: (mandateId, memberId, owner, status) =>
        id(obligation.run(mandateId, memberId, owner, status, now, now)),
    };
    db.transaction(() => fill(db, council, rows))();
  } finally {
    db.close();
  }
}
