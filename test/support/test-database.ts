import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
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
 * A fresh database of its own for one suite: a new SQLite file, or a new PostgreSQL database
 * created next to TEST_POSTGRES_URL's and dropped afterwards. Nothing depends on leftovers.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const name = `mt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') {
    const file = join(tmpdir(), `${name}.sqlite`);
    return opened(`sqlite:${file}`, () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    });
  }
  const admin = process.env.TEST_POSTGRES_URL as string;
  const server = await new DataSource({ type: 'postgres', url: admin }).initialize();
  await server.query(`CREATE DATABASE "${name}"`);
  return opened(admin.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`), async () => {
    await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.destroy();
  });
}

/** The migrated database at `url`; dropping closes its data source, then `remove`s it. */
async function opened(url: string, remove: () => void | Promise<void>): Promise<TestDatabase> {
  const dataSource = await migrated(url);
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
