import { InProcessJobQueue, JobQueue } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { startApi, type ApiFixture } from './support/api-app';
import { DATABASES } from './support/test-database';

/**
 * What differs between two first starts anyway: the time of each row and of what it records (a
 * moment, not a day), and what is random on purpose (a password's salt and hash, the
 * installation's keys). A job's result is left out too: which of the two overdue scans of a first
 * start finds the sample's mandates depends on when the first one runs.
 */
const RANDOM_COLUMNS = new Set(['passwordHash', 'value', 'result']);
const MOMENT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/;

function timeless(value: unknown): unknown {
  if (value instanceof Date || (typeof value === 'string' && MOMENT.test(value))) return 'a moment';
  if (Array.isArray(value)) return value.map(timeless);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, timeless(v)]));
  return value;
}

/** Every row of every table, without what differs between two first starts anyway. */
async function contents(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const meta of [...dataSource.entityMetadatas].sort((a, b) =>
    a.tableName.localeCompare(b.tableName),
  )) {
    if (meta.tableName === 'migrations') continue;
    const order = meta.primaryColumns.map((c) => c.propertyName);
    const rows = await dataSource
      .getRepository(meta.target)
      .find({ order: Object.fromEntries(order.map((c) => [c, 'ASC'])) });
    tables[meta.tableName] = rows.map((row) =>
      timeless(
        Object.fromEntries(
          Object.entries(row as object).filter(([key]) => !RANDOM_COLUMNS.has(key)),
        ),
      ),
    );
  }
  return tables;
}

/**
 * startApi copies a database the real first start filled once per run (test/support/
 * first-start-template.ts). The copy, once the app has started on it and its jobs have run, must
 * hold what a real first start on an empty database leaves: the same rows in every table.
 */
describe.each(DATABASES)('a start on the first-start template, on %s', (kind) => {
  let real: ApiFixture | undefined;
  let copy: ApiFixture | undefined;
  afterAll(async () => {
    await real?.close();
    await copy?.close();
  });

  it('leaves the rows a real first start leaves, and enqueues what it enqueues', async () => {
    real = await startApi(kind, {}, undefined, { realFirstStart: true });
    copy = await startApi(kind);
    expect(real.db.filled).toBeUndefined();
    expect(copy.db.filled).toEqual(['overdue-scan']);
    for (const api of [real, copy]) await (api.app.get(JobQueue) as InProcessJobQueue).idle();
    const [expected, actual] = [
      await contents(real.db.dataSource),
      await contents(copy.db.dataSource),
    ];
    expect(expected.mandate.length).toBeGreaterThan(0);
    expect(expected.user).toHaveLength(1);
    expect(expected.job_run.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });
});
