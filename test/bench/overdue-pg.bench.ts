import { performance } from 'node:perf_hooks';
import { dataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { ingestServices } from '../support/ingest-services';
import { overdueScan } from '../support/overdue-scan';
import { OWNERS, STATUSES } from './api.bench';
import { createStackDatabase } from './stack.bench';

/**
 * The database of the SQLite overdue bench (`buildDatabaseForBench`), on PostgreSQL: the same
 * sessions, decisions, mandates with ten owners each and obligation statuses, written by
 * set-based statements (a million rows one by one would take longer than the scan).
 */
async function buildOnPostgres(dataSource: DataSource, mandates: number): Promise<void> {
  const { seeds, seedsDir } = ingestServices(dataSource);
  await seeds.seedAll(seedsDir);
  const now = new Date().toISOString();
  const [{ id: council }] = (await dataSource.query('SELECT id FROM council LIMIT 1')) as Array<{
    id: number;
  }>;
  const meetings = Math.ceil(mandates / 200);
  await dataSource.query(
    `INSERT INTO meeting ("councilId", number, date, approximate, state)
     SELECT $1, 1000 + g, '2030-01-01', false, 'held' FROM generate_series(0, $2 - 1) g`,
    [council, meetings],
  );
  await dataSource.query(
    `INSERT INTO source_document ("councilId", "meetingId", "fileName", format, sha256, "resolutionIds", text, "ingestedAt")
     SELECT $1, m.id, 'bench', 'protocol', 'bench-' || m.number, '[]', '', $2
     FROM meeting m WHERE m."councilId" = $1 AND m.number >= 1000`,
    [council, now],
  );
  await dataSource.query(
    `INSERT INTO resolution ("councilId", "meetingId", code, title, "documentId", line)
     SELECT $1, m.id, 'B-' || (3000 + g) || '/1', 'Bench', d.id, 1
     FROM generate_series(0, $2 - 1) g
     JOIN meeting m ON m."councilId" = $1 AND m.number = 1000 + g / 20
     JOIN source_document d ON d."meetingId" = m.id`,
    [council, Math.ceil(mandates / 10)],
  );
  // Owner k of mandate i is OWNERS[(i + 3k) mod n], as in the SQLite bench (distinct for n = 17).
  await dataSource.query(
    `INSERT INTO mandate ("resolutionId", "meetingNumber", point, ordinal, owners, partners, action,
       "dueKind", "dueMeeting", "dueSoft", "dueText", source, "sourceLine", extracted, corrected,
       "createdAt", "updatedAt")
     SELECT r.id, 1000 + i / 200, i % 10 + 1, 1,
       (SELECT json_agg(($3::text[])[(i + k * 3) % cardinality($3::text[]) + 1] ORDER BY k)::text
        FROM generate_series(0, 9) k),
       '[]', 'Aufgabe ' || i, 'meeting', 1001 + i / 200, false, '', 'Bench ' || i, 1, '{}', false, $2, $2
     FROM generate_series(0, $4 - 1) i
     JOIN resolution r ON r."councilId" = $1 AND r.code = 'B-' || (3000 + i / 10) || '/1'`,
    [council, now, OWNERS, mandates],
  );
  await dataSource.query(
    `INSERT INTO obligation ("mandateId", "memberId", owner, status, "createdAt", "updatedAt")
     SELECT m.id, mb.id, o.owner, ($3::text[])[(o.i + o.k) % cardinality($3::text[]) + 1], $2, $2
     FROM mandate m
     CROSS JOIN LATERAL (
       SELECT substring(m.action FROM 9)::int AS i, k,
         ($4::text[])[(substring(m.action FROM 9)::int + k * 3) % cardinality($4::text[]) + 1] AS owner
       FROM generate_series(0, 9) k) o
     LEFT JOIN member mb ON mb."councilId" = $1 AND mb.code = o.owner
     WHERE m.action LIKE 'Aufgabe %'`,
    [council, now, STATUSES, OWNERS],
  );
  await dataSource.query('ANALYZE');
}

/**
 * The scan timed on a built database (every obligation, as on the first run), then the next
 * day's job (what fell due since) and the weekly full scan (changing nothing); all printed.
 * The seconds of the first.
 */
export async function scanTwice(
  dataSource: DataSource,
  line: (label: string, value: string, target: string, ok: boolean) => void,
  shown: { label: string; targetSeconds: number },
): Promise<number> {
  const scan = overdueScan(dataSource);
  const day = new Date('2031-01-01T06:00:00Z');
  const start = performance.now();
  const result = await scan.scan(day);
  const seconds = (performance.now() - start) / 1000;
  // The next day's job judges what fell due since; the weekly scan judges all again.
  const again = performance.now();
  const next = await scan.scan(new Date(day.getTime() + 86_400_000));
  const secondsAgain = (performance.now() - again) / 1000;
  const weeklyStart = performance.now();
  await scan.scan(new Date(day.getTime() + 2 * 86_400_000), { full: true });
  const secondsWeekly = (performance.now() - weeklyStart) / 1000;
  line(
    shown.label,
    `${seconds.toFixed(1)} s`,
    `< ${shown.targetSeconds} s`,
    seconds < shown.targetSeconds,
  );
  process.stdout.write(
    `  (${result.flagged.toLocaleString('en')} flagged; the next day's job (${next.mode === 'since' ? 'what fell due since' : 'every obligation'}) in ${secondsAgain.toFixed(1)} s; the weekly scan of every obligation, changing nothing, in ${secondsWeekly.toFixed(1)} s)\n`,
  );
  return seconds;
}

/**
 * The overdue scan over 1,000,000 obligations on PostgreSQL (TEST_POSTGRES_URL, or the local
 * default): a database of this run's own, dropped afterwards. Null when no server answers.
 */
export async function benchOverduePostgres(
  line: (label: string, value: string, target: string, ok: boolean) => void,
  mandates = 100_000,
): Promise<number | null> {
  let database: Awaited<ReturnType<typeof createStackDatabase>>;
  try {
    database = await createStackDatabase();
  } catch (error) {
    process.stdout.write(
      `overdue scan on PostgreSQL: skipped, no server (${(error as Error).message})\n`,
    );
    return null;
  }
  try {
    const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    try {
      await dataSource.runMigrations();
      await buildOnPostgres(dataSource, mandates);
      return await scanTwice(dataSource, line, {
        label: `overdue scan over ${(mandates * 10).toLocaleString('en')} obligations (PostgreSQL)`,
        targetSeconds: 5,
      });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.drop();
  }
}
