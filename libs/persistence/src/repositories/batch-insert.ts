import type { EntityManager } from 'typeorm';

/** Rows per INSERT: well under SQLite's limit of bound variables. */
export const INSERT_CHUNK = 200;

/**
 * Inserts rows of one shape in batches: one plain multi-row INSERT per batch, values converted
 * by the driver as TypeORM would (JSON, booleans); the query builder's per-value bookkeeping
 * made bulk inserts its main cost. Gives back the `returning` columns of the new rows (RETURNING,
 * on SQLite and PostgreSQL), in no promised order: no read-back of what was just written.
 */
export async function insertRows<T extends object, K extends keyof T & string = never>(
  manager: EntityManager,
  entity: new () => T,
  rows: Array<Partial<T>>,
  returning: K[] = [],
): Promise<Array<Pick<T, K>>> {
  const inserted: Array<Pick<T, K>> = [];
  if (rows.length === 0) return inserted;
  const { connection } = manager;
  const { driver } = connection;
  const metadata = connection.getMetadata(entity);
  const keys = Object.keys(rows[0]);
  const columns = keys.map((key) => {
    const column = metadata.findColumnWithPropertyName(key);
    if (!column) throw new Error(`${metadata.name} has no column ${key}`);
    return column;
  });
  const postgres = driver.options.type === 'postgres';
  const table = [metadata.schema, metadata.tableName]
    .filter((part): part is string => Boolean(part))
    .map((part) => driver.escape(part))
    .join('.');
  const head = `INSERT INTO ${table} (${columns
    .map((c) => driver.escape(c.databaseName))
    .join(', ')}) VALUES `;
  const tail = returning.length
    ? ` RETURNING ${returning
        .map((key) => {
          const column = metadata.findColumnWithPropertyName(key);
          if (!column) throw new Error(`${metadata.name} has no column ${key}`);
          return `${driver.escape(column.databaseName)} AS ${driver.escape(key)}`;
        })
        .join(', ')}`
    : '';
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values: unknown[] = [];
    const tuples = rows.slice(i, i + INSERT_CHUNK).map((row) => {
      const record = row as Record<string, unknown>;
      if (Object.keys(record).length !== keys.length)
        throw new Error(`${metadata.name} rows differ in their columns`);
      const placeholders = columns.map((column, k) => {
        if (!(keys[k] in record)) throw new Error(`${metadata.name} row without ${keys[k]}`);
        values.push(driver.preparePersistentValue(record[keys[k]], column));
        return postgres ? `$${values.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const records = (await manager.query(head + tuples.join(', ') + tail, values)) as unknown;
    if (returning.length) inserted.push(...(records as Array<Pick<T, K>>));
  }
  return inserted;
}
