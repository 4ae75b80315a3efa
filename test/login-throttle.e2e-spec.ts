import { LoginThrottle } from '@app/accounts';
import { LoginFailureRepository } from '@app/persistence';
import { createTestDatabase, DATABASES, type TestDatabase } from './support/test-database';

describe.each(DATABASES)('sign-in throttle on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(() => db.drop());
  const t0 = Date.parse('2026-03-01T10:00:00Z');

  it('blocks an account after five failures for the rest of the window', async () => {
    const throttle = new LoginThrottle(new LoginFailureRepository(db.dataSource));
    for (let i = 0; i < 5; i++) await throttle.fail(['email:a@x.de', 'ip:1.2.3.4'], t0 + i);
    expect(await throttle.retryAfter(['email:a@x.de', 'ip:1.2.3.4'], t0 + 10)).toBe(900);
    expect(await throttle.retryAfter(['email:b@x.de', 'ip:1.2.3.4'], t0 + 10)).toBe(0);
    expect(await throttle.retryAfter(['email:a@x.de'], t0 + 15 * 60 * 1000 + 5)).toBe(0);
  });

  it('blocks an address only after many failures, and forgets an account on success', async () => {
    const throttle = new LoginThrottle(new LoginFailureRepository(db.dataSource));
    for (let i = 0; i < 49; i++) await throttle.fail([`email:u${i}@x.de`, 'ip:9.9.9.9'], t0);
    expect(await throttle.retryAfter(['ip:9.9.9.9'], t0)).toBe(0);
    await throttle.fail(['email:last@x.de', 'ip:9.9.9.9'], t0);
    expect(await throttle.retryAfter(['ip:9.9.9.9'], t0)).toBeGreaterThan(0);
    await throttle.succeed(['email:u1@x.de', 'ip:9.9.9.9']);
    expect(await throttle.retryAfter(['email:u1@x.de'], t0)).toBe(0);
    // A success of one account does not lift the address's count.
    expect(await throttle.retryAfter(['ip:9.9.9.9'], t0)).toBeGreaterThan(0);
  });

  it('keeps the count across a restart and between processes (a second throttle on the same database)', async () => {
    const first = new LoginThrottle(new LoginFailureRepository(db.dataSource));
    for (let i = 0; i < 5; i++) await first.fail(['email:a@x.de'], t0 + i);
    const afterRestart = new LoginThrottle(new LoginFailureRepository(db.dataSource));
    expect(await afterRestart.retryAfter(['email:a@x.de'], t0 + 10)).toBe(900);
  });
});
