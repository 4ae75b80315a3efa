import { InProcessJobQueue, type JobName } from '@app/jobs';
import { JobRun } from '@app/persistence';
import { createTestDatabase, DATABASES, type TestDatabase } from './support/test-database';

jest.setTimeout(20_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASES)('in-process jobs (no Redis) on %s', (kind) => {
  let db: TestDatabase;
  let queue: InProcessJobQueue | undefined;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await queue?.close();
    await db.drop();
  });

  it('retries with backoff, keeps the failure in the database, and runs it again on retry', async () => {
    let calls = 0;
    queue = new InProcessJobQueue(
      db.dataSource,
      async () => {
        calls++;
        throw new Error('the SMTP server did not accept the message (451)');
      },
      { attempts: 3, backoffMs: 50 },
    );
    const job = await queue.enqueue('digests-weekly');
    for (let i = 0; i < 40 && (await queue.list('failed')).length === 0; i++) await sleep(50);
    expect(calls).toBe(3);
    expect(await queue.list('failed')).toEqual([
      expect.objectContaining({
        id: job.id,
        attempts: 3,
        failedReason: expect.stringContaining('451'),
      }),
    ]);
    await queue.retry(job.id);
    for (let i = 0; i < 40 && calls < 6; i++) await sleep(50);
    expect(calls).toBe(6);
  });

  it('runs its schedules in this process, and a job left active by a dead process again', async () => {
    const runs: JobName[] = [];
    await db.dataSource.getRepository(JobRun).insert({
      name: 'overdue-scan',
      state: 'active',
      attempts: 1,
      data: {},
      result: null,
      error: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    } as never);
    queue = new InProcessJobQueue(
      db.dataSource,
      async (name) => void runs.push(name),
      { attempts: 3, backoffMs: 50 },
      [{ name: 'member-reports', pattern: '* * * * * *', tz: 'Europe/Berlin' }],
    );
    await queue.start();
    await sleep(2300);
    expect(runs[0]).toBe('overdue-scan');
    expect(runs.filter((r) => r === 'member-reports').length).toBeGreaterThanOrEqual(2);
    expect(await queue.list('completed')).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'overdue-scan' })]),
    );
  });
});
