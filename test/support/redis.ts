import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';

/** The Redis of this test run: CI sets TEST_REDIS_URL; `npm test` finds or starts one; else none. */
export const REDIS_URL = process.env.TEST_REDIS_URL;

/** Only where a Redis is there; the harness says plainly when and why these suites did not run. */
export const describeWithRedis = REDIS_URL ? describe : describe.skip;

/** A key prefix of its own, so runs never see each other's leftovers. */
export function uniquePrefix(): string {
  return `mt-test-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL as string);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
