import { JwtService } from '@nestjs/jwt';
import { AccessTokensService } from '@app/accounts';
import { Setting, SettingRepository } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const subject = {
  id: 7,
  role: 'delegate',
  email: 'hb@bremen.de',
  name: 'HB',
  memberId: 6,
  memberCode: 'HB',
};
const KEY = 'k'.repeat(32);
const now = new Date('2026-11-29T10:00:00Z');

/**
 * Made by the hand-rolled signer that @nestjs/jwt replaced (key KEY, issued at `now`, 15 minutes):
 * a token in use during an update must keep working until it expires.
 */
const ISSUED_BEFORE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjcsInJvbGUiOiJkZWxlZ2F0ZSIsImVtYWlsIjoiaGJAYnJlbWVuLmRlIiwibmFtZSI6IkhCIiwibWVtYmVySWQiOjYsIm1lbWJlckNvZGUiOiJIQiIsImlhdCI6MTc5NTk0NjQwMCwiaWF0TXMiOjE3OTU5NDY0MDAwMDAsImV4cCI6MTc5NTk0NzMwMH0.iKgLT9Hmsveo0B0IB8wdRs4cHVMjlvGsEy4XX2blwAU';

describe('access tokens (@nestjs/jwt, key kept in the database)', () => {
  let db: TestDatabase;
  let tokens: AccessTokensService;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await db.dataSource.getRepository(Setting).insert({ key: 'auth.signingKey', value: KEY });
    tokens = new AccessTokensService(new SettingRepository(db.dataSource), new JwtService());
  });
  afterAll(() => db.drop());

  it('carries the account and expires after its lifetime', async () => {
    const { token, expiresAt } = await tokens.sign(subject, now);
    expect(expiresAt).toBe('2026-11-29T10:15:00.000Z');
    expect(await tokens.verify(token, new Date('2026-11-29T10:14:59Z'))).toMatchObject({
      sub: 7,
      role: 'delegate',
      memberCode: 'HB',
      iatMs: now.getTime(),
    });
    expect(await tokens.verify(token, new Date('2026-11-29T10:15:00Z'))).toBeUndefined();
  });

  it('accepts a token issued before the switch to @nestjs/jwt, until it expires', async () => {
    expect(await tokens.verify(ISSUED_BEFORE, new Date('2026-11-29T10:05:00Z'))).toMatchObject({
      sub: 7,
      email: 'hb@bremen.de',
      iatMs: now.getTime(),
    });
    expect(await tokens.verify(ISSUED_BEFORE, new Date('2026-11-29T10:15:00Z'))).toBeUndefined();
  });

  it('refuses a token signed with another key, changed after signing, or unsigned', async () => {
    const { token } = await tokens.sign(subject, now);
    const other = new JwtService().sign(
      { sub: 7, exp: Math.floor(now.getTime() / 1000) + 60 },
      { secret: 'x'.repeat(32) },
    );
    expect(await tokens.verify(other, now)).toBeUndefined();
    const [header, body, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body, 'base64url').toString()),
        role: 'secretariat',
      }),
    ).toString('base64url');
    expect(await tokens.verify(`${header}.${forged}.${signature}`, now)).toBeUndefined();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await tokens.verify(`${none}.${body}.`, now)).toBeUndefined();
    expect(await tokens.verify('not.a.token', now)).toBeUndefined();
  });

  it("checks a token's signature once and its expiry on every call", async () => {
    const jwt = new JwtService();
    const kept = new AccessTokensService(new SettingRepository(db.dataSource), jwt);
    const { token } = await kept.sign(subject, now);
    const checks = jest.spyOn(jwt, 'verify');
    for (const minute of ['01', '02', '03'])
      expect(await kept.verify(token, new Date(`2026-11-29T10:${minute}:00Z`))).toMatchObject({
        sub: 7,
      });
    expect(checks).toHaveBeenCalledTimes(1);
    expect(await kept.verify(token, new Date('2026-11-29T10:15:00Z'))).toBeUndefined();
    // A token changed after signing is not the kept one: checked, and refused.
    const [header, body, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sub: 8 }),
    ).toString('base64url');
    expect(await kept.verify(`${header}.${forged}.${signature}`, now)).toBeUndefined();
    expect(checks).toHaveBeenCalledTimes(2);
  });
});
