import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { LoginFailure } from '../entities/login-failure.entity';

/** Failed sign-ins (and other throttled requests) per key, kept so restarts do not reset them. */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a failure under `key` at `at` only while fewer than `limit` are recorded since
   * `since`, in one statement; its id, or undefined when the limit is reached.
   */
  async reserve(
    key: string,
    at: string,
    since: string,
    limit: number,
  ): Promise<number | undefined> {
    const insert = async (manager: EntityManager) => {
      const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
        `INSERT INTO "login_failure" ("key", "at")
         SELECT CAST(:key AS VARCHAR), CAST(:at AS VARCHAR)
         WHERE (SELECT COUNT(*) FROM "login_failure" WHERE "key" = :key AND "at" > :since)
           < CAST(:limit AS INTEGER)
         RETURNING "id"`,
        { key, at, since, limit },
      );
      const rows = (await manager.query(sql, parameters)) as Array<{ id: number | string }>;
      return rows.length > 0 ? Number(rows[0].id) : undefined;
    };
    // SQLite runs one statement at a time, so the count and the insert cannot interleave. On
    // PostgreSQL two such statements can both see the same count: a lock per key makes them wait
    // for each other, held only until the insert commits.
    if (this.dataSource.options.type !== 'postgres') return insert(this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login_failure:${key}`]);
      return insert(manager);
    });
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length > 0) await this.dataSource.getRepository(LoginFailure).delete({ id: In(ids) });
  }

  /** The failures under these keys since `since`, oldest first. */
  async since(keys: string[], since: string): Promise<LoginFailure[]> {
    return this.dataSource.getRepository(LoginFailure).find({
      where: { key: In(keys), at: MoreThan(since) },
      order: { at: 'ASC' },
    });
  }

  /** Records a failure under each key. */
  async add(keys: string[], at: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).insert(keys.map((key) => ({ key, at })));
  }

  async removeBefore(at: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).delete({ at: LessThan(at) });
  }

  async removeKeys(keys: string[]): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).delete({ key: In(keys) });
  }
}
