import { InProcessJobQueue, type JobName } from '@app/jobs';
import { JobRun, JobRunRepository } from '@app/persistence';
import { createTestDatabase, DATABASES, type TestDatabase } from './support/test-database';
import { until } from './support/until';

jest.setTimeout(60_000);

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
    const q = new InProcessJobQueue(
      new JobRunRepository(db.dataSource),
      async () => {
        calls++;
        throw new Error('the SMTP server did not accept the message (451)');
      },
      { attempts: 3, backoffMs: 50 },
    );
    queue = q;
    const job = await q.enqueue('digests-weekly');
    await until(async () => (await q.list('failed')).length > 0, 30_000, 'the job to fail');
    expect(calls).toBe(3);
    expect(await q.list('failed')).toEqual([
      expect.objectContaining({
        id: job.id,
        attempts: 3,
        failedReason: expect.stringContaining('451'),
      }),
    ]);
    await q.retry(job.id);
    await until(() => calls >= 6, 30_000, 'three more attempts');
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
      new JobRunRepository(db.dataSource),
      async (name) => void runs.push(name),
      { attempts: 3, backoffMs: 50 },
      [{ name: 'member-reports', pattern: '* * * * * *', tz: 'Europe/Berlin' }],
    );
    await queue.start();
    // Waits for the schedule to fire twice (every second) rather than for a fixed time.
    await until(
      () => runs.filter((r) => r === 'member-reports').length >= 2,
      30_000,
      'two scheduled runs',
    );
    expect(runs[0]).toBe('overdue-scan');
    expect(runs.filter((r) => r === 'member-reports').length).toBeGreaterThanOrEqual(2);
    expect(await queue.list('completed')).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'overdue-scan' })]),
    );
  });
});
