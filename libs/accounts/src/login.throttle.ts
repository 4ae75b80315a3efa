import { LoginFailure } from '@app/persistence';
import { In, LessThan, MoreThan, type DataSource } from 'typeorm';

/**
 * Slows down password guessing: after too many failures for an account (5) or from an address
 * (50: offices share one) within the window, further attempts wait. Failures are kept in the
 * database, so a restart or a second API process does not reset the count.
 */
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: Record<string, number> = { email: 5, ip: 50 },
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Seconds to wait, or 0 when an attempt is allowed. Keys look like "email:x" or "ip:y". */
  async retryAfter(keys: string[], now = Date.now()): Promise<number> {
    const since = new Date(now - this.windowMs).toISOString();
    const rows = await this.dataSource.getRepository(LoginFailure).find({
      where: { key: In(keys), at: MoreThan(since) },
      order: { at: 'ASC' },
    });
    let wait = 0;
    for (const key of keys) {
      const recent = rows.filter((r) => r.key === key);
      const limit = this.limits[key.split(':')[0]] ?? 5;
      // Allowed again once enough of them have left the window to fall under the limit.
      if (recent.length >= limit) {
        const freeing = recent[recent.length - limit];
        wait = Math.max(wait, Math.ceil((Date.parse(freeing.at) + this.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  async fail(keys: string[], now = Date.now()): Promise<void> {
    const at = new Date(now).toISOString();
    const repository = this.dataSource.getRepository(LoginFailure);
    await repository.insert(keys.map((key) => ({ key, at })));
    // Old failures count for nothing; they go as new ones come.
    await repository.delete({ at: LessThan(new Date(now - this.windowMs).toISOString()) });
  }

  async succeed(keys: string[]): Promise<void> {
    // Only the account's count is lifted: a shared address keeps its own.
    const accounts = keys.filter((k) => k.startsWith('email:'));
    if (accounts.length > 0)
      await this.dataSource.getRepository(LoginFailure).delete({ key: In(accounts) });
  }
}
