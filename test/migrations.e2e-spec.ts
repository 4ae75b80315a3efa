import { existsSync } from 'node:fs';
import {
  createTestDatabase,
  DATABASES,
  TEMPLATE_RUN,
  templateNames,
  type TestDatabase,
} from './support/test-database';

/** The indexes of a table, by name, as the database has them. */
async function indexes(db: TestDatabase, kind: string, table: string): Promise<string[]> {
  const rows: Array<{ name: string }> =
    kind === 'sqlite'
      ? await db.dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_%'",
          [table],
        )
      : await db.dataSource.query('SELECT indexname AS name FROM pg_indexes WHERE tablename = $1', [
          table,
        ]);
  return rows.map((r) => r.name).sort();
}

describe.each(DATABASES)('migrations on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind, { fromNothing: true });
  });
  afterEach(() => db.drop());

  it('keep the index every mandate list reads (a table rebuild on SQLite used to drop it)', async () => {
    expect(await indexes(db, kind, 'mandate')).toContain('IDX_mandate_listing');
    // A council's calendar counts the mandates due at each session through this one.
    expect(await indexes(db, kind, 'mandate')).toContain('IDX_mandate_resolution_due');
    // The daily overdue scan finds the date deadlines of its window and the recurring duties by it.
    expect(await indexes(db, kind, 'mandate')).toContain('IDX_mandate_due_kind_date');
    expect(await indexes(db, kind, 'decision_link')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^IDX_/)]),
    );
  });

  it('revert one by one to nothing and apply again to the same schema', async () => {
    const before = {
      mandate: await indexes(db, kind, 'mandate'),
      resolution: await indexes(db, kind, 'resolution'),
      obligation: await indexes(db, kind, 'obligation'),
    };
    const count = db.dataSource.migrations.length;
    for (let i = 0; i < count; i++) await db.dataSource.undoLastMigration();
    expect(await indexes(db, kind, 'mandate')).toEqual([]);
    await db.dataSource.runMigrations();
    expect({
      mandate: await indexes(db, kind, 'mandate'),
      resolution: await indexes(db, kind, 'resolution'),
      obligation: await indexes(db, kind, 'obligation'),
    }).toEqual(before);
  });
});

/** Every table and index with its definition, and the migrations recorded as run. */
async function schema(db: TestDatabase, kind: string): Promise<unknown> {
  const objects =
    kind === 'sqlite'
      ? await db.dataSource.query(
          "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )
      : await db.dataSource.query(
          `SELECT table_name AS name, column_name, data_type, is_nullable, column_default
             FROM information_schema.columns WHERE table_schema = 'public'
           UNION ALL SELECT indexname, indexdef, NULL, NULL, NULL FROM pg_indexes WHERE schemaname = 'public'
           ORDER BY 1, 2`,
        );
  const migrations = await db.dataSource.query('SELECT name FROM migrations ORDER BY id');
  return { objects, migrations };
}

describe.each(DATABASES)('test databases on %s', (kind) => {
  it("a copy of the run's migrated template has the schema of a database migrated from nothing", async () => {
    const run = process.env[TEMPLATE_RUN] as string;
    expect(run).toBeTruthy(); // the e2e project's global setup names the run
    const copied = await createTestDatabase(kind);
    const { sqliteFile, postgresDatabase } = templateNames(run);
    if (kind === 'sqlite') expect(existsSync(sqliteFile)).toBe(true);
    else
      expect(
        await copied.dataSource.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          postgresDatabase,
        ]),
      ).toHaveLength(1);
    const fresh = await createTestDatabase(kind, { fromNothing: true });
    try {
      const fromTemplate = await schema(copied, kind);
      expect((fromTemplate as { migrations: unknown[] }).migrations).toHaveLength(
        fresh.dataSource.migrations.length,
      );
      expect(fromTemplate).toEqual(await schema(fresh, kind));
    } finally {
      await copied.drop();
      await fresh.drop();
    }
  });
});

/** The storage options of a PostgreSQL table (`fillfactor=50`, ...). */
async function storage(db: TestDatabase, table: string): Promise<string[]> {
  const [row] = (await db.dataSource.query('SELECT reloptions FROM pg_class WHERE relname = $1', [
    table,
  ])) as Array<{ reloptions: string[] | null }>;
  return row.reloptions ?? [];
}

describe.each(DATABASES.filter((kind) => kind === 'postgres'))('migrations on %s only', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind, { fromNothing: true });
  });
  afterEach(() => db.drop());

  it('leave half of each page of obligations free, so that overdue flags are written in place', async () => {
    expect(await storage(db, 'obligation')).toEqual(['fillfactor=50']);
    await db.dataSource.undoLastMigration();
    expect(await storage(db, 'obligation')).toEqual([]);
    await db.dataSource.runMigrations();
    expect(await storage(db, 'obligation')).toEqual(['fillfactor=50']);
  });
});
