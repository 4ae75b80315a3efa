/**
 * Slows down password guessing: after too many failures for an account (5) or from an address
 * (50: offices share one) within the window, further attempts wait. In memory, per process.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: Record<string, number> = { email: 5, ip: 50 },
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Seconds to wait, or 0 when an attempt is allowed. Keys look like "email:x" or "ip:y". */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      const limit = this.limits[key.split(':')[0]] ?? 5;
      if (recent.length >= limit)
        wait = Math.max(wait, Math.ceil((recent[0] + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}
