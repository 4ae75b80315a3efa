import type { LoginFailureRepository } from '@app/persistence';

/** The outcome of asking for an attempt: its reservation, or how long to wait. */
export type Reservation = { allowed: true; ids: number[] } | { allowed: false; wait: number };

/**
 * Slows down password guessing: after too many failures for an account (5) or from an address
 * (50: offices share one) within the window, further attempts wait. Failures are kept in the
 * database, so a restart or a second API process does not reset the count.
 *
 * An attempt is reserved before its password is checked: the reservation is written as a failure
 * in the same statement that counts the earlier ones, and only a correct password takes it back.
 * Checking the count first and writing the failure after the (slow) password hash would let every
 * request in flight through at once.
 */
export class LoginThrottle {
  constructor(
    private readonly failures: LoginFailureRepository,
    private readonly limits: Record<string, number> = { email: 5, ip: 50 },
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private limit(key: string): number {
    return this.limits[key.split(':')[0]] ?? 5;
  }

  /**
   * Reserves one attempt under every key (e.g. "email:x", "ip:y"), or none when any of them has
   * reached its limit. A reservation counts as a failure until `release` takes it back.
   */
  async reserve(keys: string[], now = Date.now()): Promise<Reservation> {
    const ids: number[] = [];
    for (const key of [...keys].sort()) {
      const id = await this.reserveOne(key, now);
      if (id === undefined) {
        if (ids.length > 0) await this.release(ids);
        return { allowed: false, wait: Math.max(1, await this.retryAfter(keys, now)) };
      }
      ids.push(id);
    }
    await this.forgetOld(now);
    return { allowed: true, ids };
  }

  /** One conditional insert: a row only while fewer than the limit are in the window. */
  private async reserveOne(key: string, now: number): Promise<number | undefined> {
    return this.failures.reserve(
      key,
      new Date(now).toISOString(),
      new Date(now - this.windowMs).toISOString(),
      this.limit(key),
    );
  }

  /** Takes reservations back: the attempt they stood for succeeded. */
  async release(ids: number[]): Promise<void> {
    await this.failures.remove(ids);
  }

  /** Seconds to wait, or 0 when an attempt is allowed. Keys look like "email:x" or "ip:y". */
  async retryAfter(keys: string[], now = Date.now()): Promise<number> {
    const since = new Date(now - this.windowMs).toISOString();
    const rows = await this.failures.since(keys, since);
    let wait = 0;
    for (const key of keys) {
      const recent = rows.filter((r) => r.key === key);
      const limit = this.limit(key);
      // Allowed again once enough of them have left the window to fall under the limit.
      if (recent.length >= limit) {
        const freeing = recent[recent.length - limit];
        wait = Math.max(wait, Math.ceil((Date.parse(freeing.at) + this.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  /** Records failures without a reservation (tests and tools that replay a history). */
  async fail(keys: string[], now = Date.now()): Promise<void> {
    const at = new Date(now).toISOString();
    await this.failures.add(keys, at);
    await this.forgetOld(now);
  }

  /** Old failures count for nothing; they go as new ones come. */
  private async forgetOld(now: number): Promise<void> {
    await this.failures.removeBefore(new Date(now - this.windowMs).toISOString());
  }

  /**
   * A correct password: its own reservations are taken back and the account's earlier failures
   * forgotten. A shared address keeps the count of the failures made from it.
   */
  async succeed(keys: string[], reservation: number[] = []): Promise<void> {
    await this.release(reservation);
    const accounts = keys.filter((k) => k.startsWith('email:'));
    if (accounts.length > 0) await this.failures.removeKeys(accounts);
  }
}
