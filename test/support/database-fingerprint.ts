import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Columns that change on reads (last use, last sign-in), and the append-only audit trail. */
const VOLATILE = new Set(['lastUsedAt', 'lastLoginAt']);
// job_run is the in-process runner's own bookkeeping of jobs it runs in the background;
// login_failure is the sign-in throttle's count of refused sign-ins (a refusal must count).
const SKIPPED_TABLES = new Set(['audit_event', 'migrations', 'job_run', 'login_failure']);

/** A hash of every row of every table: equal fingerprints mean nothing was written. */
export async function databaseFingerprint(dataSource: DataSource): Promise<string> {
  const hash = createHash('sha256');
  for (const meta of [...dataSource.entityMetadatas].sort((a, b) =>
    a.tableName.localeCompare(b.tableName),
  )) {
    if (SKIPPED_TABLES.has(meta.tableName)) continue;
    const order = meta.primaryColumns.map((c) => c.propertyName);
    const rows = await dataSource
      .getRepository(meta.target)
      .find({ order: Object.fromEntries(order.map((c) => [c, 'ASC'])) });
    for (const row of rows) {
      const clean = Object.fromEntries(
        Object.entries(row as object).filter(([key]) => !VOLATILE.has(key)),
      );
      hash.update(`${meta.tableName}:${JSON.stringify(clean)}\n`);
    }
  }
  return hash.digest('hex');
}
