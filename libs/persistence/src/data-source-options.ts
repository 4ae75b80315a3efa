import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * Options for `sqlite:<path>` (better-sqlite3, the embedded default) or `postgres://...`.
 * Schema changes only through migrations; `synchronize` stays off.
 */
export function dataSourceOptions(
  url: string,
  extra: { schema?: string; logging?: boolean } = {},
): DataSourceOptions {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    const database = file === ':memory:' || file === '' ? ':memory:' : resolve(file);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      type: 'better-sqlite3',
      database,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      synchronize: false,
      logging: extra.logging ?? false,
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        // WAL lets the API read while the CLI or a job writes; foreign keys are off by default in SQLite.
        if (database !== ':memory:') db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  if (/^postgres(?:ql)?:\/\//.test(url)) {
    return {
      type: 'postgres',
      url,
      schema: extra.schema,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      synchronize: false,
      logging: extra.logging ?? false,
    };
  }
  throw new Error(
    `DATABASE_URL muss sqlite:<Pfad> oder postgres://Benutzer@Host:Port/Datenbank sein, nicht "${redactUrl(url)}"`,
  );
}

/** A URL fit for messages and logs: no password. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@]*@/, '$1:***@');
}
