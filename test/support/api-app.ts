import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { join } from 'node:path';
import request from 'supertest';
import { UsersService } from '@app/accounts';
import { SYSTEM_ACTOR } from '@app/audit';
import { Clock } from '@app/config';
import { JobQueue, type JobName } from '@app/jobs';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/bootstrap';
import { firstStartRecipe } from './first-start-template';
import { ROOT } from './seed-data';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-database';

export const ADMIN = { email: 'admin@fitko.test', password: 'admin-password-for-tests' };
export const PASSWORD = 'a-long-enough-password';

/** Requests that carry one "Authorization" header value (a bearer token). */
export interface AuthorizedRequests {
  get(path: string): request.Test;
  post(path: string): request.Test;
  patch(path: string): request.Test;
  put(path: string): request.Test;
  delete(path: string): request.Test;
}

export interface ApiFixture {
  db: TestDatabase;
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** Requests sent with `auth` as their "Authorization" header. */
  as(auth: string): AuthorizedRequests;
  /** Uploads a file for the import preview (POST /api/imports) as `auth`. */
  upload(auth: string, content: string | Buffer, fileName: string): request.Test;
  /** User administration (create, update, look up accounts directly). */
  accounts: UsersService;
  /** Signs in and gives the "Authorization" header value. */
  bearer(email: string, password?: string): Promise<string>;
  /** Creates an account directly (as the system) and signs it in. */
  userWithRole(
    role: 'secretariat' | 'delegate' | 'observer',
    member?: string,
  ): Promise<{ email: string; auth: string }>;
  /** Stops the app and drops its database (once; a second call does nothing). */
  close(): Promise<void>;
}

/**
 * The real API on a fresh database, after its first start (seeded, sample ingested, admin made).
 * Where the environment allows (see `firstStartRecipe`), the database is a copy of one the real
 * first start filled once per run, and the jobs that first start enqueued are enqueued at this
 * start, as the first start would have; `realFirstStart` runs the first start on an empty
 * database instead, for the tests of the first start itself.
 */
export async function startApi(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  /** A clock to run the app on instead of the wall clock (e.g. a `ManualClock`). */
  clock?: Clock,
  { realFirstStart = false }: { realFirstStart?: boolean } = {},
): Promise<ApiFixture> {
  const settings = {
    SEEDS_DIR: join(ROOT, 'seeds'),
    SAMPLE_PROTOCOL: join(ROOT, 'seeds', 'protocols', 'itplr-32.md'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  Object.assign(process.env, settings, env);
  const recipe = realFirstStart ? undefined : firstStartRecipe(env, clock);
  const db = await createTestDatabase(kind, { recipe });
  Object.assign(process.env, { DATABASE_URL: db.url, ...settings, ...env });
  const builder = Test.createTestingModule({ imports: [AppModule] });
  if (clock) builder.overrideProvider(Clock).useValue(clock);
  const moduleRef = await builder.compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  // On the copy the first start found its work done; these are what it enqueued when it did it.
  if (recipe) for (const name of db.filled as JobName[]) await app.get(JobQueue).enqueue(name);
  const accounts = app.get(UsersService);
  const http = () => request(app.getHttpServer());
  const as = (auth: string): AuthorizedRequests => ({
    get: (path) => http().get(path).set('Authorization', auth),
    post: (path) => http().post(path).set('Authorization', auth),
    patch: (path) => http().patch(path).set('Authorization', auth),
    put: (path) => http().put(path).set('Authorization', auth),
    delete: (path) => http().delete(path).set('Authorization', auth),
  });
  let counter = 0;
  let closed: Promise<void> | undefined;
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
    as,
    upload: (auth, content, fileName) =>
      as(auth)
        .post('/api/imports')
        .attach('file', typeof content === 'string' ? Buffer.from(content) : content, fileName),
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
    close() {
      closed ??= (async () => {
        await app.close();
        await db.drop();
        for (const key of ['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', ...Object.keys(env)])
          delete process.env[key];
      })();
      return closed;
    },
  };
}

/** The API of one describe block, with the first secretariat account (ADMIN) signed in. */
export interface SuiteApi extends ApiFixture {
  /** The "Authorization" header value of ADMIN, signed in once before the block's tests. */
  readonly admin: string;
  /** Requests as ADMIN. */
  asAdmin(): AuthorizedRequests;
}

/**
 * The real API on a database of its own (see `startApi`), started before the tests of the
 * describe block this is called in, ADMIN signed in, and stopped (its database dropped) after
 * them. Use the answer inside tests and hooks only: it stands for the app once it has started.
 */
export function apiForSuite(
  kind: DatabaseKind,
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    startTimeout?: number;
    realFirstStart?: boolean;
  } = {},
): SuiteApi {
  let fixture: ApiFixture | undefined;
  let admin = '';
  beforeAll(async () => {
    fixture = await startApi(kind, options.env, options.clock, options);
    admin = await fixture.bearer(ADMIN.email, ADMIN.password);
  }, options.startTimeout ?? 60_000);
  afterAll(() => fixture?.close());
  const started = (): ApiFixture => {
    if (!fixture) throw new Error('the API is not started yet: use it inside a test or a hook');
    return fixture;
  };
  return {
    get db() {
      return started().db;
    },
    get app() {
      return started().app;
    },
    get accounts() {
      return started().accounts;
    },
    get admin() {
      started();
      return admin;
    },
    asAdmin: () => started().as(admin),
    http: () => started().http(),
    as: (auth) => started().as(auth),
    upload: (auth, content, fileName) => started().upload(auth, content, fileName),
    bearer: (email, password) => started().bearer(email, password),
    userWithRole: (role, member) => started().userWithRole(role, member),
    close: () => started().close(),
  };
}
