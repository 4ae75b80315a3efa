import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@app/audit';
import { BullmqJobQueue, type DigestService, type JobName } from '@app/jobs';
import { DigestOutbox } from '@app/persistence';
import { startApi } from './support/api-app';
import { digestsOverSmtp } from './support/digest-service';
import { ingestServices } from './support/ingest-services';
import { deleteKeys, describeWithRedis, REDIS_URL, uniquePrefix } from './support/redis';
import { ROOT } from './support/seed-data';
import { SmtpTestServer } from './support/smtp-test-server';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { until } from './support/until';
import { usersService } from './support/users-service';

jest.setTimeout(60_000);

describeWithRedis('BullMQ on a real Redis', () => {
  let prefix: string;
  const queues: BullmqJobQueue[] = [];
  const queue = (options: Partial<ConstructorParameters<typeof BullmqJobQueue>[0]> = {}) => {
    const q = new BullmqJobQueue({
      url: REDIS_URL as string,
      prefix,
      attempts: 5,
      backoffMs: 200,
      ...options,
    });
    queues.push(q);
    return q;
  };

  beforeEach(() => {
    prefix = uniquePrefix();
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.close(true);
    await deleteKeys(prefix);
  });

  it('two workers started at once keep one schedule and run each tick once', async () => {
    const runs: Array<{ worker: number; at: number }> = [];
    const schedule = [
      { name: 'overdue-scan' as JobName, pattern: '* * * * * *', tz: 'Europe/Berlin' },
    ];
    const [a, b] = [queue(), queue()];
    await Promise.all([
      a.startWorker(
        schedule,
        async () => void runs.push({ worker: 1, at: Math.floor(Date.now() / 1000) }),
      ),
      b.startWorker(
        schedule,
        async () => void runs.push({ worker: 2, at: Math.floor(Date.now() / 1000) }),
      ),
    ]);
    // Three ticks seen: the first two are finished, so a second run of either would be there.
    const ticks = () => new Set(runs.map((r) => r.at)).size;
    await until(() => ticks() >= 3, 30_000, 'three ticks of the schedule');
    expect(await a.schedules()).toHaveLength(1);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const perTick = new Map<number, number>();
    for (const r of runs) perTick.set(r.at, (perTick.get(r.at) ?? 0) + 1);
    expect([...perTick.values()].every((n) => n === 1)).toBe(true);
  });

  it('workers starting together ask for one catch-up scan, and the next start for another', async () => {
    const [a, b] = [queue(), queue()];
    await Promise.all([
      a.enqueueOnce('overdue-scan', 'catch-up:overdue-scan'),
      b.enqueueOnce('overdue-scan', 'catch-up:overdue-scan'),
    ]);
    expect((await a.list('waiting')).map((j) => j.name)).toEqual(['overdue-scan']);
    // Once it ran, a later start asks again.
    const runs: string[] = [];
    await a.startWorker([], async (name) => void runs.push(name));
    await until(async () => runs.length === 1);
    await until(async () => (await a.list('completed')).length === 1);
    await b.enqueueOnce('overdue-scan', 'catch-up:overdue-scan');
    await until(async () => runs.length === 2);
    expect(runs).toEqual(['overdue-scan', 'overdue-scan']);
  });

  it('a restart upserts the schedule instead of adding a second one', async () => {
    const schedule = [
      { name: 'digests-weekly' as JobName, pattern: '0 7 * * 1', tz: 'Europe/Berlin' },
    ];
    const first = queue();
    await first.startWorker(schedule, async () => undefined);
    await first.close();
    const second = queue();
    await second.startWorker(schedule, async () => undefined);
    const schedules = await second.schedules();
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ pattern: '0 7 * * 1', tz: 'Europe/Berlin' });
    expect(new Date(schedules[0].next as string).getUTCDay()).toBe(1);
  });

  it('retries a failing job with backoff, keeps the final failure inspectable, and retries it on request', async () => {
    let calls = 0;
    const q = queue({ attempts: 3, backoffMs: 100 });
    await q.startWorker([], async () => {
      calls++;
      throw new Error('the SMTP server did not accept the message (451)');
    });
    const job = await q.enqueue('digests-weekly');
    await until(async () => (await q.list('failed')).some((j) => j.id === job.id));
    expect(calls).toBe(3);
    const [failed] = await q.list('failed');
    expect(failed).toMatchObject({
      name: 'digests-weekly',
      attempts: 3,
      failedReason: expect.stringContaining('451'),
    });
    await q.retry(job.id);
    await until(async () => calls === 6);
  });

  it('on SIGTERM a worker finishes its active job before it exits; nothing stays active', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'support', 'slow-worker.child.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
          CHILD_REDIS_URL: REDIS_URL,
          CHILD_PREFIX: prefix,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const output: string[] = [];
    const seen = (word: string) =>
      new Promise<void>((resolve) => {
        const check = (chunk: Buffer) => {
          output.push(chunk.toString());
          if (output.join('').includes(word)) resolve();
        };
        child.stdout?.on('data', check);
      });
    await seen('ready');
    const producer = queue();
    const job = await producer.enqueue('member-reports');
    await seen('started');
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(await producer.list('active')).toEqual([]);
    expect(await producer.list('completed')).toEqual([
      expect.objectContaining({ id: job.id, result: { slow: 'done' } }),
    ]);
  });

  describe('with a database and a real SMTP server', () => {
    let db: TestDatabase;
    let smtp: SmtpTestServer;
    let digests: DigestService;
    let stopMail: () => Promise<void>;

    beforeEach(async () => {
      db = await createTestDatabase('sqlite');
      const { seeds, seedsDir, ingest } = ingestServices(db.dataSource);
      await seeds.seedAll(seedsDir);
      await ingest.ingestText(
        readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8'),
        'itplr-32.md',
      );
      const accounts = usersService(db.dataSource);
      for (const email of ['anna@bremen.de', 'ben@bremen.de', 'emil@bremen.de']) {
        await accounts.createUser(
          {
            email,
            name: email,
            role: 'delegate',
            member: 'HB',
            password: 'a-long-enough-password',
          },
          SYSTEM_ACTOR,
        );
      }
      const mail = await digestsOverSmtp(db.dataSource, 'mt <noreply@test.de>', 5000);
      ({ smtp, digests, stop: stopMail } = mail);
    });
    afterEach(async () => {
      await stopMail();
      await db.drop();
    });

    const runDigests = () =>
      digests.run({
        frequency: 'weekly',
        now: new Date('2020-10-26T06:00:00Z'),
        baseUrl: 'https://t',
      });

    it('SMTP down: the job retries with backoff, then each digest is delivered once when it is back', async () => {
      smtp.refusing = true;
      const q = queue({ attempts: 10, backoffMs: 150 });
      let attempts = 0;
      await q.startWorker([], () => {
        attempts++;
        return runDigests();
      });
      const job = await q.enqueue('digests-weekly');
      await until(() => attempts >= 2, 30_000, 'a retry while the SMTP server refuses');
      expect(smtp.received).toHaveLength(0);
      smtp.refusing = false;
      await until(async () => (await q.list('completed')).some((j) => j.id === job.id));
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([
        'anna@bremen.de',
        'ben@bremen.de',
        'emil@bremen.de',
      ]);
      expect(
        (await db.dataSource.getRepository(DigestOutbox).find()).every((o) => o.status === 'sent'),
      ).toBe(true);
    });

    it('a worker killed in the middle of a digest run: after restart every delegate has exactly one digest', async () => {
      smtp.delayMs = 800;
      const child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, 'support', 'digest-worker.child.ts')],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
            CHILD_DATABASE_URL: db.url,
            CHILD_REDIS_URL: REDIS_URL,
            CHILD_PREFIX: prefix,
            CHILD_SMTP_URL: smtp.url,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on(
          'data',
          (chunk: Buffer) => chunk.toString().includes('ready') && resolve(),
        );
        child.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
      });
      const producer = queue({ lockDurationMs: 1000 });
      await producer.enqueue('digests-weekly');
      // Killed while its first messages wait for the SMTP server's answer.
      await until(async () => (await db.dataSource.getRepository(DigestOutbox).count()) >= 1);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      const restarted = queue({ lockDurationMs: 1000 });
      await restarted.startWorker([], () => runDigests());
      await until(async () => (await restarted.list('completed')).length === 1, 30_000);
      const perRecipient = new Map<string, number>();
      for (const m of smtp.received)
        perRecipient.set(m.to[0], (perRecipient.get(m.to[0]) ?? 0) + 1);
      expect(Object.fromEntries(perRecipient)).toEqual({
        'anna@bremen.de': 1,
        'ben@bremen.de': 1,
        'emil@bremen.de': 1,
      });
      expect(await db.dataSource.getRepository(DigestOutbox).countBy({ status: 'sent' })).toBe(3);
    });
  });
});

describe('Redis down', () => {
  it('read routes keep answering; routes that enqueue fail fast with 503 and a clear message', async () => {
    const api = await startApi('sqlite', { REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const auth = await api.bearer('admin@fitko.test', 'admin-password-for-tests');
      await api.http().get('/api/mandates').set('Authorization', auth).expect(200);
      const started = Date.now();
      const res = await api
        .http()
        .post('/api/jobs/overdue-scan/run')
        .set('Authorization', auth)
        .expect(503);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.body.message).toBe(
        'Die Warteschlange der Hintergrundaufgaben (Redis) ist nicht erreichbar; bitte versuchen Sie es später erneut.',
      );
    } finally {
      await api.close();
    }
  });
});
