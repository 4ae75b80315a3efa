import type { DataSource, ObjectLiteral } from 'typeorm';

/**
 * Statements of a hot read, built once per shape and run with each request's values. TypeORM's
 * query builder spends more CPU composing a statement (aliases, property names, escaping) than
 * SQLite spends answering a small one; the text only depends on which filters are present, so it
 * is built the first time a shape is asked for, kept with its named parameters (`:owner`), and
 * later only its values are bound. The database prepares it once too (better-sqlite3's statement
 * cache keys on the text). Shapes are few (which filters a list has, its sort), `limit` bounds
 * them anyway.
 */
export class StatementCache {
  private readonly statements = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly limit = 200,
  ) {}

  /**
   * Raw rows of the statement of `shape` (its text with named parameters, as a query builder's
   * `getQuery()` gives it, from `build` the first time) with `parameters` bound by name: every
   * parameter the text names must be in `parameters`.
   */
  async rows<T extends ObjectLiteral>(
    shape: string,
    build: () => string,
    parameters: ObjectLiteral,
  ): Promise<T[]> {
    let sql = this.statements.get(shape);
    if (sql === undefined) {
      sql = build();
      if (this.statements.size >= this.limit) this.statements.clear();
      this.statements.set(shape, sql);
    }
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return this.dataSource.query<T[]>(text, values);
  }
}
