import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';

export type DatabaseKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL when TEST_POSTGRES_URL is set (CI sets it; the harness says when not). */
export const DATABASES: DatabaseKind[] = process.env.TEST_POSTGRES_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/**
 * What a template of the run holds beyond the schema: `fill` writes it into a copy of the
 * migrated template (e.g. the app's first start); the database is made once per run and `name`,
 * and each database asked for with this recipe is a copy of it. `fill`'s answer is kept with the
 * template and handed to every copy (`TestDatabase.filled`).
 */
export interface TemplateRecipe {
  /** Letters, digits and "_" only; part of the template's name. */
  name: string;
  fill(url: string): Promise<unknown>;
}

export interface TestDatabase {
  url: string;
  /** A migrated data source on the fresh database. */
  dataSource: DataSource;
  /** What the recipe's `fill` answered when its template was made (undefined without a recipe). */
  filled?: unknown;
  drop(): Promise<void>;
}

/**
 * A fresh database of its own for one suite or test: a new SQLite file, or a new PostgreSQL
 * database created next to TEST_POSTGRES_URL's and dropped afterwards. Nothing depends on
 * leftovers. Within one run of the e2e project (its global setup names the run), the schema is
 * migrated once per kind into a template of that run, and each new database is a copy of it: a
 * copied file, or `CREATE DATABASE … TEMPLATE` (on this machine about 7 and 80 ms, against 45 and
 * 450 ms for migrating from nothing). With a `recipe`, the copy is of a second template, the
 * migrated one filled by the recipe once per run. `fromNothing` migrates the new database itself,
 * as the migration tests need.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  { fromNothing = false, recipe }: { fromNothing?: boolean; recipe?: TemplateRecipe } = {},
): Promise<TestDatabase> {
  const name = `mt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = fromNothing ? undefined : process.env[TEMPLATE_RUN];
  let db: TestDatabase;
  if (kind === 'sqlite') {
    const file = join(tmpdir(), `${name}.sqlite`);
    if (run) copyFileSync(await sqliteTemplate(run, recipe), file);
    db = await opened(`sqlite:${file}`, !run, () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    });
  } else {
    const admin = process.env.TEST_POSTGRES_URL as string;
    const server = await new DataSource({ type: 'postgres', url: admin }).initialize();
    if (run) await copyPostgresTemplate(server, admin, run, name, recipe);
    else await server.query(`CREATE DATABASE "${name}"`);
    db = await opened(postgresUrl(admin, name), !run, async () => {
      await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.destroy();
    });
  }
  if (!recipe) return db;
  // Outside a run (no template to keep it in) the recipe fills this database itself.
  if (!run) {
    await db.dataSource.destroy();
    const filled = await recipe.fill(db.url);
    await db.dataSource.initialize();
    return { ...db, filled };
  }
  const { notesFile } = templateNames(run, recipe.name);
  return { ...db, filled: JSON.parse(readFileSync(notesFile, 'utf8')) as unknown };
}

/** Set by the e2e project's global setup: the run whose templates these are. */
export const TEMPLATE_RUN = 'MT_TEST_TEMPLATE_RUN';

/**
 * The names of a run's templates: the migrated one, or with `recipe` the one that recipe filled
 * (and the file keeping what its `fill` answered). The global teardown removes every name that
 * starts with `mt_template_<run>`.
 */
export function templateNames(
  run: string,
  recipe?: string,
): { sqliteFile: string; postgresDatabase: string; notesFile: string } {
  const base = `mt_template_${run}${recipe ? `_${recipe}` : ''}`;
  return {
    sqliteFile: join(tmpdir(), `${base}.sqlite`),
    postgresDatabase: base,
    notesFile: join(tmpdir(), `${base}.json`),
  };
}

function postgresUrl(admin: string, database: string): string {
  return admin.replace(/\/[^/?]*(\?.*)?$/, `/${database}$1`);
}

/** Runs the recipe on the database at `url` and keeps its answer in `notesFile`. */
async function fillAndNote(recipe: TemplateRecipe, url: string, notesFile: string): Promise<void> {
  const filled = await recipe.fill(url);
  writeFileSync(notesFile, JSON.stringify(filled ?? null));
}

/**
 * The run's SQLite template (migrated, or filled by `recipe` on a copy of the migrated one), made
 * by the first caller: built under a name of its own and renamed into place once closed (SQLite
 * folds its write-ahead log back in on close), so that a parallel worker never copies a half-made
 * file.
 */
async function sqliteTemplate(run: string, recipe?: TemplateRecipe): Promise<string> {
  const { sqliteFile, notesFile } = templateNames(run, recipe?.name);
  if (existsSync(sqliteFile)) return sqliteFile;
  const building = `${sqliteFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  if (recipe) {
    copyFileSync(await sqliteTemplate(run), building);
    await fillAndNote(recipe, `sqlite:${building}`, notesFile);
  } else {
    await (await migrated(`sqlite:${building}`)).destroy();
  }
  renameSync(building, sqliteFile);
  return sqliteFile;
}

/**
 * Copies the run's template database (migrated, or filled by `recipe`) into `name`, making the
 * template first if this is the first call of the run: built under a name of its own, then
 * renamed (PostgreSQL renames only a database nobody is connected to, and copies only such a
 * template).
 */
async function copyPostgresTemplate(
  server: DataSource,
  admin: string,
  run: string,
  name: string,
  recipe?: TemplateRecipe,
): Promise<void> {
  await server.query(
    `CREATE DATABASE "${name}" TEMPLATE "${await postgresTemplate(server, admin, run, recipe)}"`,
  );
}

async function postgresTemplate(
  server: DataSource,
  admin: string,
  run: string,
  recipe?: TemplateRecipe,
): Promise<string> {
  const { postgresDatabase, notesFile } = templateNames(run, recipe?.name);
  const exists = async () =>
    (await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [postgresDatabase]))
      .length > 0;
  if (await exists()) return postgresDatabase;
  const building = `${postgresDatabase}_${process.pid}`;
  if (recipe) {
    const migratedTemplate = await postgresTemplate(server, admin, run);
    await server.query(`CREATE DATABASE "${building}" TEMPLATE "${migratedTemplate}"`);
    await fillAndNote(recipe, postgresUrl(admin, building), notesFile);
  } else {
    await server.query(`CREATE DATABASE "${building}"`);
    await (await migrated(postgresUrl(admin, building))).destroy();
  }
  try {
    await server.query(`ALTER DATABASE "${building}" RENAME TO "${postgresDatabase}"`);
  } catch (error) {
    // A parallel worker renamed its copy first: use that one.
    if (!(await exists())) throw error;
    await server.query(`DROP DATABASE "${building}" WITH (FORCE)`);
  }
  return postgresDatabase;
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
