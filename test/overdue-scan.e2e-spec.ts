import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@app/config';
import { OverdueScanService } from '@app/jobs';
import {
  Meeting,
  Mandate,
  Obligation,
  ObligationEvent,
  Resolution,
  SettingRepository,
  Transactions,
} from '@app/persistence';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { ADMIN, startApi, type ApiFixture } from './support/api-app';
import { ingestServices } from './support/ingest-services';
import { overdueScan } from './support/overdue-scan';
import { ROOT } from './support/seed-data';
import { createTestDatabase, DATABASES, type TestDatabase } from './support/test-database';
import { until } from './support/until';

const protocol = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');
const at = (iso: string) => new Date(`${iso}T06:00:00Z`);

describe.each(DATABASES)('overdue scan on %s (fixed clock)', (kind) => {
  let db: TestDatabase;
  let scan: OverdueScanService;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    const { seeds, seedsDir, ingest } = ingestServices(db.dataSource);
    await seeds.seedAll(seedsDir);
    await ingest.ingestText(protocol, 'itplr-32.md', {
      now: () => new Date('2020-07-25T10:00:00Z'),
    });
    scan = overdueScan(db.dataSource);
  });
  afterEach(() => db.drop());

  const obligation = async (code: string, point: number, owner: string, ordinal = 1) => {
    const m = db.dataSource.manager;
    const r = await m.findOneByOrFail(Resolution, { code });
    const mandate = await m.findOneByOrFail(Mandate, { resolutionId: r.id, point, ordinal });
    return m.findOneByOrFail(Obligation, { mandateId: mandate.id, owner });
  };
  const overdue = async () =>
    (await db.dataSource.manager.find(Obligation, { order: { id: 'ASC' } })).filter(
      (o) => o.overdueSince !== null,
    );

  it('with no day given, judges by the injected clock', async () => {
    const clock = new ManualClock(at('2020-10-23'));
    const scanNow = overdueScan(db.dataSource, clock);
    expect(await scanNow.scan()).toMatchObject({ today: '2020-10-23', flagged: 0 });
    clock.advance(86_400_000);
    expect(await scanNow.scan()).toMatchObject({ today: '2020-10-24', flagged: 6 });
  });

  it('on the days after a scan judges what fell due since, and every obligation once a week', async () => {
    expect(await scan.scan(at('2020-10-20'))).toMatchObject({ mode: 'full', flagged: 0 });
    // Session 33 (2020-10-23) has passed since the last scan: its obligations are judged.
    const next = await scan.scan(at('2020-10-24'));
    expect(next).toMatchObject({ mode: 'since', since: '2020-10-20', flagged: 6 });
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBe('2020-10-24');
    // Something changed outside every writer is not judged again by the days after...
    const hb = await obligation('2020/23', 3, 'HB');
    await db.dataSource.manager.update(Obligation, hb.id, { overdueSince: null });
    expect(await scan.scan(at('2020-10-25'))).toMatchObject({ mode: 'since', flagged: 0 });
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBeNull();
    // ... but by the full scan a week after the last full one (2020-10-20), which puts it right.
    expect(await scan.scan(at('2020-10-26'))).toMatchObject({ mode: 'since', flagged: 0 });
    expect(await scan.scan(at('2020-10-27'))).toMatchObject({ mode: 'full', flagged: 1 });
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBe('2020-10-24');
  });

  it('judges a date deadline that fell since the last scan, on the days after it', async () => {
    expect(await scan.scan(at('2020-12-30'))).toMatchObject({ mode: 'full' });
    const owner = 'Koordinierungsprojekt Registermodernisierung';
    expect((await obligation('2020/25', 2, owner)).overdueSince).toBeNull();
    expect(await scan.scan(at('2021-01-01'))).toMatchObject({ mode: 'since', flagged: 1 });
    expect((await obligation('2020/25', 2, owner)).overdueSince).toBe('2021-01-01');
  });

  it('judges every obligation after a gap of more than a week, and when asked', async () => {
    await scan.scan(at('2020-10-01'));
    expect(await scan.scan(at('2020-10-24'))).toMatchObject({ mode: 'full', flagged: 6 });
    expect(await scan.scan(at('2020-10-25'), { full: true })).toMatchObject({
      mode: 'full',
      flagged: 0,
    });
  });

  it('lands whole or not at all: a failure after the flags and its day were written leaves none of them', async () => {
    // The scan flags six obligations and keeps its day, then fails keeping its full scan's day.
    class FailingSettings extends SettingRepository {
      override put(key: string, value: string, manager?: EntityManager): Promise<void> {
        if (key === 'overdue-scan.last-full-day')
          return Promise.reject(new Error('the settings table is not writable'));
        return super.put(key, value, manager);
      }
    }
    const settings = new FailingSettings(db.dataSource);
    const failing = new OverdueScanService(new Transactions(db.dataSource), settings);
    await expect(failing.scan(at('2020-10-24'))).rejects.toThrow(/not writable/);
    expect(await overdue()).toEqual([]);
    expect(await settings.value('overdue-scan.last-day')).toBeUndefined();
    // The same scan that can keep its days flags them.
    expect(await scan.scan(at('2020-10-24'))).toMatchObject({ mode: 'full', flagged: 6 });
  });

  it('flags nothing before any deadline', async () => {
    expect(await scan.scan(at('2020-10-23'))).toMatchObject({ flagged: 0, lifted: 0 });
  });

  it('flags session deadlines the day after the session, and recurring reports missed there', async () => {
    const result = await scan.scan(at('2020-10-24'));
    const flagged = await overdue();
    // Session 33 (2020-10-23): 2020/23.3 HB, 2020/28.3 AG InfoSic, 2020/31.2 AG Cloud, 2020/33.2 Blockchain (soft),
    // and the recurring report of 2020/38.3 from session 33 on for SN and FITKO.
    expect(result.flagged).toBe(6);
    expect(flagged.map((o) => o.overdueSince)).toEqual(Array(6).fill('2020-10-24'));
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBe('2020-10-24');
    expect((await obligation('2020/38', 3, 'SN', 2)).overdueSince).toBe('2020-10-24');
    // Events ("nach Abschluss ...") and mandates without a deadline are never flagged.
    expect((await obligation('2020/23', 4, 'HB')).overdueSince).toBeNull();
    expect((await obligation('2020/31', 4, 'FITKO')).overdueSince).toBeNull();
  });

  it('counts every flag it sets and names the first 100 by number', async () => {
    // 150 more owners of 2020/23.3, numbered in the reverse order of their names (the order in
    // which an update may reach them by the index on mandate and owner).
    const hb = await obligation('2020/23', 3, 'HB');
    const now = new Date().toISOString();
    for (let i = 150; i >= 1; i--)
      await db.dataSource.manager.insert(Obligation, {
        mandateId: hb.mandateId,
        owner: `Stelle ${String(i).padStart(3, '0')}`,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      });
    const result = await scan.scan(at('2020-10-24'));
    const flagged = await overdue();
    expect(flagged).toHaveLength(156);
    expect(result.flagged).toBe(156);
    // The one-off deadlines' flags come first (the two recurring reports are judged after them).
    const recurring = (await obligation('2020/38', 3, 'SN', 2)).mandateId;
    expect(result.sample.flagged.map((c) => c.obligationId)).toEqual(
      flagged
        .filter((o) => o.mandateId !== recurring)
        .slice(0, 100)
        .map((o) => o.id),
    );
    expect(result.sample.flagged.map((c) => c.overdueSince)).toEqual(Array(100).fill('2020-10-24'));
  });

  it('is idempotent', async () => {
    await scan.scan(at('2020-10-24'));
    const before = await overdue();
    expect(await scan.scan(at('2020-10-24'))).toMatchObject({ flagged: 0, lifted: 0 });
    expect(await overdue()).toEqual(before);
  });

  it('flags a date deadline the day after it', async () => {
    await scan.scan(at('2021-01-01'));
    expect(
      (await obligation('2020/25', 2, 'Koordinierungsprojekt Registermodernisierung')).overdueSince,
    ).toBe('2021-01-01');
    expect((await obligation('2020/38', 2, 'ST')).overdueSince).toBeNull();
  });

  it('lifts the flag when the session is moved later, and flags again once the new date has passed', async () => {
    await scan.scan(at('2020-10-24'));
    // Changed here behind the writers' back (the calendar page refreshes itself): a full scan.
    await db.dataSource.manager.update(Meeting, { number: 33 }, { date: '2020-11-30' });
    const lifted = await scan.scan(at('2020-10-24'), { full: true });
    expect(lifted).toMatchObject({ lifted: 6, flagged: 0 });
    expect(await overdue()).toEqual([]);
    await scan.scan(at('2020-12-01'));
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBe('2020-12-01');
  });

  it('never flags deadlines at a cancelled session (they are handed on when it is cancelled)', async () => {
    await db.dataSource.manager.update(Meeting, { number: 33 }, { state: 'cancelled' });
    await scan.scan(at('2020-10-24'));
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBeNull();
  });

  it('hands the deadlines of a cancelled session to the next session, as the rule does', async () => {
    await db.dataSource.manager.update(Meeting, { number: 33 }, { state: 'cancelled' });
    const next = await db.dataSource.manager.findOneByOrFail(Meeting, { number: 34 });
    await scan.scan(at(next.date as string));
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBeNull();
    const dayAfter = new Date(Date.parse(next.date as string) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await scan.scan(at(dayAfter));
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBe(dayAfter);
  });

  it('owes a yearly report (recurring without a first session) a year after the decision, not at every session', async () => {
    const sn = await obligation('2020/38', 3, 'SN', 2);
    await db.dataSource.manager.update(Mandate, sn.mandateId, { dueFromMeeting: null });
    await scan.scan(at('2021-03-18'));
    expect((await obligation('2020/38', 3, 'SN', 2)).overdueSince).toBeNull();
    const decided = (await db.dataSource.manager.findOneByOrFail(Meeting, { number: 32 }))
      .date as string;
    const due = new Date(Date.parse(decided) + 365 * 86_400_000).toISOString().slice(0, 10);
    const since = new Date(Date.parse(due) + 86_400_000).toISOString().slice(0, 10);
    await scan.scan(at(since));
    expect((await obligation('2020/38', 3, 'SN', 2)).overdueSince).toBe(since);
  });

  it('lifts the flag of delivered obligations, and never flags done ones', async () => {
    await scan.scan(at('2020-10-24'));
    const hb = await obligation('2020/23', 3, 'HB');
    // Changed behind the writers' back (a status change refreshes itself): a full scan.
    await db.dataSource.manager.update(Obligation, hb.id, { status: 'done' });
    const result = await scan.scan(at('2020-10-25'), { full: true });
    expect(result.lifted).toBe(1);
    expect(result.sample.lifted.map((c) => c.obligationId)).toEqual([hb.id]);
    expect((await obligation('2020/23', 3, 'HB')).overdueSince).toBeNull();
  });

  it('counts a recurring report per session: reported before 33 is fine until 34 passes without one', async () => {
    const sn = await obligation('2020/38', 3, 'SN', 2);
    await db.dataSource.manager.insert(ObligationEvent, {
      obligationId: sn.id,
      at: '2020-10-20T09:00:00.000Z',
      actor: 'sn@sachsen.de',
      type: 'status',
      fromStatus: 'open',
      toStatus: 'reported',
      note: null,
      link: null,
    });
    await db.dataSource.manager.update(Obligation, sn.id, { status: 'reported' });
    await scan.scan(at('2020-10-24'));
    expect((await obligation('2020/38', 3, 'SN', 2)).overdueSince).toBeNull();
    expect((await obligation('2020/38', 3, 'FITKO', 2)).overdueSince).toBe('2020-10-24');
    await scan.scan(at('2021-03-18'));
    expect((await obligation('2020/38', 3, 'SN', 2)).overdueSince).toBe('2021-03-18');
  });
});

describe.each(DATABASES)('the API on a set clock, on %s', (kind) => {
  let api: ApiFixture;
  const clock = new ManualClock(at('2020-10-24'));
  const flaggedDays = async () =>
    (
      await api.db.dataSource
        .getRepository(Obligation)
        .find({ where: { overdueSince: Not(IsNull()) }, order: { id: 'ASC' } })
    ).map((o) => o.overdueSince);

  beforeAll(async () => {
    api = await startApi(kind, {}, clock);
  });
  afterAll(() => api.close());

  it('ingests, and runs the overdue job, as of the clock, not the wall clock', async () => {
    // The first start ingests the sample protocol (session 32) on the clock's day: the day after
    // session 33, whose six deadlines have passed; no deadline of later sessions has.
    await until(async () => (await flaggedDays()).length === 6, 30_000, 'six flags');
    expect(await flaggedDays()).toEqual(Array(6).fill('2020-10-24'));
    clock.set(at('2020-10-23'));
    const auth = await api.bearer(ADMIN.email, ADMIN.password);
    const run = await api
      .http()
      .post('/api/jobs/overdue-scan/run')
      .set('Authorization', auth)
      .send({});
    expect(run.status).toBe(202);
    await until(async () => (await flaggedDays()).length === 0, 30_000, 'the flags lifted');
  });
});
