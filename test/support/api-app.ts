import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { join } from 'node:path';
import request from 'supertest';
import { UsersService } from '@app/accounts';
import { SYSTEM_ACTOR } from '@app/audit';
import { Clock } from '@app/config';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/bootstrap';
import { ROOT } from './seed-data';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-database';

export const ADMIN = { email: 'admin@fitko.test', password: 'admin-password-for-tests' };
export const PASSWORD = 'a-long-enough-password';

export interface ApiFixture {
  db: TestDatabase;
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** User administration (create, update, look up accounts directly). */
  accounts: UsersService;
  /** Signs in and gives the "Authorization" header value. */
  bearer(email: string, password?: string): Promise<string>;
  /** Creates an account directly (as the system) and signs it in. */
  userWithRole(
    role: 'secretariat' | 'delegate' | 'observer',
    member?: string,
  ): Promise<{ email: string; auth: string }>;
  close(): Promise<void>;
}

/** The real API on a fresh database, after its first start (seeded, sample ingested, admin made). */
export async function startApi(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  /** A clock to run the app on instead of the wall clock (e.g. a `ManualClock`). */
  clock?: Clock,
): Promise<ApiFixture> {
  const db = await createTestDatabase(kind);
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    SEEDS_DIR: join(ROOT, 'seeds'),
    SAMPLE_PROTOCOL: join(ROOT, 'seeds', 'protocols', 'itplr-32.md'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule] });
  if (clock) builder.overrideProvider(Clock).useValue(clock);
  const moduleRef = await builder.compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  const accounts = app.get(UsersService);
  const http = () => request(app.getHttpServer());
  let counter = 0;
  const bearer = async (email: string, password = PASSWORD) => {
    const res = await http().post('/api/auth/login').send({ email, password });
    if (res.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return `Bearer ${res.body.accessToken as string}`;
  };
  return {
    db,
    app,
    http,
    accounts,
    bearer,
    async userWithRole(role, member) {
      const email = `${role}${member ? `-${member.toLowerCase()}` : ''}-${++counter}@test.de`;
      await accounts.createUser(
        { email, name: email, role, member: member ?? null, password: PASSWORD },
        SYSTEM_ACTOR,
      );
      return { email, auth: await bearer(email) };
    },
    async close() {
      await app.close();
      await db.drop();
      for (const key of ['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', ...Object.keys(env)])
        delete process.env[key];
    },
  };
}
