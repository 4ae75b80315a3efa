import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { JobQueue, type JobInfo, type JobName } from '@app/jobs';
import { dataSourceOptions, Setting } from '@app/persistence';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { validateEnvironment, type Clock } from '@app/config';
import { readLimitsFrom } from '@app/ingest';
import type { TemplateRecipe } from './test-database';

/** The variables the first start reads (seeds, sample, first account; the ingest's own setting). */
const FIRST_START_INPUTS = [
  'SEEDS_DIR',
  'SAMPLE_PROTOCOL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'LINKS_APPLY_EXPLICIT_FULFILS',
] as const;

/** Variables a test may set that the first start does not read (mail, links, proxy, OParl, jobs). */
const NOT_READ_BY_FIRST_START = new Set([
  'SMTP_URL',
  'MAIL_FROM',
  'PUBLIC_URL',
  'PORT',
  'TRUST_PROXY',
  'CORS_ORIGINS',
  'JOB_ATTEMPTS',
  'JOB_BACKOFF_MS',
  'OPARL_PUBLISH',
  'OPARL_SOURCES',
  'REMINDER_LEAD_DAYS',
]);

/**
 * The recipe of the run's "after the first start" template for the environment in
 * `process.env`, or undefined where a copy would not be what the real first start makes there:
 * on a set clock (the seeded and ingested rows carry its time), with a variable the first start
 * reads in another way, with Redis (the first start enqueues there), or with no ADMIN_PASSWORD
 * (then the first start writes a password file). The app's configuration writes its defaults into
 * `process.env`, so the read limits the ingest uses are taken as validated, with their defaults.
 */
export function firstStartRecipe(
  env: Record<string, string>,
  clock: Clock | undefined,
): TemplateRecipe | undefined {
  if (clock || !process.env.ADMIN_PASSWORD) return undefined;
  const inputs = new Set<string>(FIRST_START_INPUTS);
  if (Object.keys(env).some((key) => !inputs.has(key) && !NOT_READ_BY_FIRST_START.has(key)))
    return undefined;
  const validated = validateEnvironment(process.env);
  if (validated.REDIS_URL) return undefined;
  const inputValues = FIRST_START_INPUTS.map((name) => process.env[name] ?? null);
  const key = createHash('sha256')
    .update(JSON.stringify([inputValues, readLimitsFrom(validated)]))
    .digest('hex')
    .slice(0, 8);
  return { name: `first_${key}`, fill: firstStartInto };
}

/**
 * The app's real first start (FirstStartService: seeds, the sample protocol, the first account)
 * on the database at `url`, with a queue that only notes what the start enqueues: the template
 * holds the rows the first start writes, and no job has run on it. Answers the jobs the start
 * enqueued, which `startApi` enqueues on each copy's start, as the first start would have. The
 * installation's keys that every start makes when missing (the token signing key, the session
 * key) are taken out again, so each copy makes its own, as a fresh installation does.
 */
async function firstStartInto(url: string): Promise<JobName[]> {
  const keysBefore = await settingKeys(url);
  const enqueued: JobName[] = [];
  const notingQueue: JobQueue = {
    mode: 'in-process',
    enqueue: (name: JobName) => {
      enqueued.push(name);
      return Promise.resolve({ id: String(enqueued.length), name, state: 'waiting' } as JobInfo);
    },
    list: () => Promise.resolve([]),
    retry: () => Promise.reject(new Error('no job runs while the template is made')),
    schedules: () => Promise.resolve([]),
  };
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(JobQueue)
      .useValue(notingQueue)
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    await app.close();
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
  const added = (await settingKeys(url)).filter((key) => !keysBefore.includes(key));
  if (added.length > 0) {
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      await dataSource.getRepository(Setting).delete(added);
    } finally {
      await dataSource.destroy();
    }
  }
  return enqueued;
}

async function settingKeys(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    return (await dataSource.getRepository(Setting).find()).map((s) => s.key);
  } finally {
    await dataSource.destroy();
  }
}
