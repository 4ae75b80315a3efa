import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';

export type DatabaseKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL when TEST_POSTGRES_URL is set (CI sets it; the harness says when not). */
export const DATABASES: DatabaseKind[] = process.env.TEST_POSTGRES_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestDatabase {
  url: string;
  /** A migrated data source on the fresh database. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh database of its own for one suite or test: a new SQLite file, or a new PostgreSQL
 * database created next to TEST_POSTGRES_URL's and dropped afterwards. Nothing depends on
 * leftovers. Within one run of the e2e project (its global setup names the run), the schema is
 * migrated once per kind into a template of that run, and each new database is a copy of it: a
 * copied file, or `CREATE DATABASE … TEMPLATE` (on this machine about 7 and 80 ms, against 45 and
 * 450 ms for migrating from nothing). `fromNothing` migrates the new database itself, as the
 * migration tests need.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  { fromNothing = false }: { fromNothing?: boolean } = {},
): Promise<TestDatabase> {
  const name = `mt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = fromNothing ? undefined : process.env[TEMPLATE_RUN];
  if (kind === 'sqlite') {
    const file = join(tmpdir(), `${name}.sqlite`);
    if (run) copyFileSync(await sqliteTemplate(run), file);
    return opened(`sqlite:${file}`, !run, () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    });
  }
  const admin = process.env.TEST_POSTGRES_URL as string;
  const server = await new DataSource({ type: 'postgres', url: admin }).initialize();
  if (run) await copyPostgresTemplate(server, admin, run, name);
  else await server.query(`CREATE DATABASE "${name}"`);
  return opened(postgresUrl(admin, name), !run, async () => {
    await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.destroy();
  });
}

/** Set by the e2e project's global setup: the run whose templates these are. */
export const TEMPLATE_RUN = 'MT_TEST_TEMPLATE_RUN';

/** The names of a run's templates (the global teardown removes them). */
export function templateNames(run: string): { sqliteFile: string; postgresDatabase: string } {
  return {
    sqliteFile: join(tmpdir(), `mt_template_${run}.sqlite`),
    postgresDatabase: `mt_template_${run}`,
  };
}

function postgresUrl(admin: string, database: string): string {
  return admin.replace(/\/[^/?]*(\?.*)?$/, `/${database}$1`);
}

/**
 * The run's migrated SQLite file, made by the first caller: migrated under a name of its own and
 * renamed into place once closed (SQLite folds its write-ahead log back in on close), so that a
 * parallel worker never copies a half-migrated file.
 */
async function sqliteTemplate(run: string): Promise<string> {
  const { sqliteFile } = templateNames(run);
  if (existsSync(sqliteFile)) return sqliteFile;
  const building = `${sqliteFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await (await migrated(`sqlite:${building}`)).destroy();
  renameSync(building, sqliteFile);
  return sqliteFile;
}

/**
 * Copies the run's template database into `name`, making the template first if this is the first
 * call of the run: migrated under a name of its own, then renamed (PostgreSQL renames only a
 * database nobody is connected to, and copies only such a template).
 */
async function copyPostgresTemplate(
  server: DataSource,
  admin: string,
  run: string,
  name: string,
): Promise<void> {
  const { postgresDatabase } = templateNames(run);
  const exists = async () =>
    (await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [postgresDatabase]))
      .length > 0;
  if (!(await exists())) {
    const building = `${postgresDatabase}_${process.pid}`;
    await server.query(`CREATE DATABASE "${building}"`);
    await (await migrated(postgresUrl(admin, building))).destroy();
    try {
      await server.query(`ALTER DATABASE "${building}" RENAME TO "${postgresDatabase}"`);
    } catch (error) {
      // A parallel worker renamed its copy first: use that one.
      if (!(await exists())) throw error;
      await server.query(`DROP DATABASE "${building}" WITH (FORCE)`);
    }
  }
  await server.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresDatabase}"`);
}

/** The database at `url`, migrated unless it is a copy of a template; dropping closes, then `remove`s it. */
async function opened(
  url: string,
  migrate: boolean,
  remove: () => void | Promise<void>,
): Promise<TestDatabase> {
  const dataSource = migrate
    ? await migrated(url)
    : await new DataSource(dataSourceOptions(url)).initialize();
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await remove();
    },
  };
}

async function migrated(url: string): Promise<DataSource> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/** Row counts of every table, to show that a refused call or a failed ingest wrote nothing. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const meta of dataSource.entityMetadatas.sort((a, b) =>
    a.tableName.localeCompare(b.tableName),
  )) {
    counts[meta.tableName] = await dataSource.getRepository(meta.target).count();
  }
  return counts;
}
