import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OparlSyncError, OparlSyncService } from '@app/ingest';
import { Mandate, Meeting, Obligation, Resolution } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { startApi, type ApiFixture } from './support/api-app';
import { databaseFingerprint } from './support/database-fingerprint';
import { OparlTestServer } from './support/oparl-test-server';
import { tracker } from './support/tracker-cli';
import { createTestDatabase, DATABASES } from './support/test-database';

/** Every mandate with its owners and deadline, by decision and point, as a user compares them. */
async function mandatesOf(dataSource: DataSource): Promise<string[]> {
  const codes = new Map(
    (await dataSource.manager.find(Resolution)).map((r) => [r.id, r.code] as const),
  );
  return (await dataSource.manager.find(Mandate))
    .map(
      (m) =>
        `${codes.get(m.resolutionId)} Nr. ${m.point}.${m.ordinal}: ${[...m.owners].sort().join(',')} | ${m.dueKind} ${m.dueMeeting ?? ''} ${m.dueDate ?? ''} ${m.dueFromMeeting ?? ''} | ${m.action}`,
    )
    .sort();
}

describe.each(DATABASES)('OParl round trip on %s', (kind) => {
  let publisher: ApiFixture;
  let follower: ApiFixture;
  let system: string;

  beforeAll(async () => {
    publisher = await startApi(kind, { OPARL_PUBLISH: 'follow-up' });
    await publisher.app.listen(0, '127.0.0.1');
    const { port } = publisher.app.getHttpServer().address() as AddressInfo;
    system = `http://127.0.0.1:${port}/oparl/v1.1/system`;
    // Object ids are built from the one configured public address: here, the publisher.
    process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
    // The second instance: the same registry and calendar, no decisions.
    follower = await startApi(kind, { SAMPLE_PROTOCOL: '' });
  });
  afterAll(async () => {
    delete process.env.PUBLIC_URL;
    await follower?.close();
    await publisher?.close();
  });

  it("syncs the first instance's decisions: the same mandates, owners and deadlines; a re-sync changes nothing", async () => {
    expect(await mandatesOf(follower.db.dataSource)).toEqual([]);
    const lines: string[] = [];
    const sync = follower.app.get(OparlSyncService);
    const report = await sync.sync(system, { progress: (line) => lines.push(line) });

    const published = await mandatesOf(publisher.db.dataSource);
    expect(published.length).toBeGreaterThan(10);
    expect(await mandatesOf(follower.db.dataSource)).toEqual(published);
    expect(report.texts.map((t) => t.status)).toEqual(['created']);
    // A progress line per list page; the calendar is longer than one page.
    expect(lines.filter((l) => l.includes('/body/itplr/meeting: Seite')).length).toBeGreaterThan(1);

    const before = await databaseFingerprint(follower.db.dataSource);
    const again = await sync.sync(system);
    expect(again.texts.every((t) => t.status === 'unchanged')).toBe(true);
    expect(await databaseFingerprint(follower.db.dataSource)).toBe(before);
  });

  it('tracker oparl sync prints a line per page and what it stored', async () => {
    const db = await createTestDatabase(kind);
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.url;
    try {
      const { stdout: output, code } = await tracker('oparl:sync', { url: system });
      expect(code).toBe(0);
      expect(output).toMatch(/\/oparl\/v1\.1\/body: Seite 1, 1 Objekt\n/);
      expect(output).toMatch(/\/body\/itplr\/meeting: Seite 2, \d+ Objekte\n/);
      expect(output).toMatch(
        /: neu angelegt \(32\. Sitzung: \d+ Beschlüsse, \d+ Aufträge, \d+ Pflichten\)\n/,
      );
      expect(await mandatesOf(db.dataSource)).toEqual(await mandatesOf(publisher.db.dataSource));
      // A port nothing listens on any more: the connection is refused.
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const refused = await tracker('oparl:sync', { url: `http://127.0.0.1:${port}/oparl/system` });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^Fehler: http://127\\.0\\.0\\.1:${port}/oparl/system: Verbindung abgelehnt \\(nach 4 Versuchen\\)\n$`,
          'm',
        ),
      );
    } finally {
      process.env.DATABASE_URL = previous;
      await db.drop();
    }
  });

  it('reports a source that keeps failing with its URL, after retries, and writes nothing', async () => {
    let calls = 0;
    const failing: Server = createServer((_request, response) => {
      calls++;
      response.statusCode = 429;
      response.end('{}');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/oparl/system`;
    const before = await databaseFingerprint(follower.db.dataSource);
    try {
      const attempt = follower.app.get(OparlSyncService).sync(url, { backoffMs: 10, attempts: 3 });
      await expect(attempt).rejects.toThrow(OparlSyncError);
      await expect(attempt).rejects.toThrow(`${url}: HTTP 429 (nach 3 Versuchen)`);
      expect(calls).toBe(3);
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
    expect(await databaseFingerprint(follower.db.dataSource)).toBe(before);
  });
});

describe.each(DATABASES)('OParl sync from a council information system on %s', (kind) => {
  let follower: ApiFixture;
  const source = new OparlTestServer();
  const decision = (code: string, session: number, owner: string, due: number) =>
    `IT-Planungsrat | 17.03.2031 | ${session}. Sitzung | Beschluss ${code}\nTitel ${code}\n1. Der IT-Planungsrat bittet ${owner}, bis zur ${due}. Sitzung zu berichten.\n`;

  beforeAll(async () => {
    await source.start();
    follower = await startApi(kind, { SAMPLE_PROTOCOL: '' });
  });
  afterAll(async () => {
    await follower?.close();
    await source.stop();
  });

  it('reads resolution texts and PDF papers page by page, retries a 429, and later reads only what changed', async () => {
    source.meetings.push(
      {
        key: 1,
        name: '90. Sitzung',
        start: '2031-03-17T10:00:00+01:00',
        state: 'durchgeführt',
        modified: '2031-03-18T10:00:00+01:00',
        texts: [decision('2031/01', 90, 'die FITKO', 91)],
        pdfs: [decision('2031/02', 90, 'Bremen', 92)],
      },
      {
        key: 2,
        name: '91. Sitzung',
        start: '2031-06-20T10:00:00+02:00',
        state: 'terminiert',
        modified: '2031-03-19T10:00:00+01:00',
        texts: [],
        pdfs: [],
      },
    );
    source.busy = 1;
    const sync = follower.app.get(OparlSyncService);
    const lines: string[] = [];
    const first = await sync.sync(source.systemUrl, {
      backoffMs: 10,
      progress: (l) => lines.push(l),
    });
    expect(lines.filter((l) => l.includes('/body/1/meetings: Seite'))).toHaveLength(2);
    expect(first.calendar).toEqual({ added: 2, updated: 0 });
    const m = follower.db.dataSource.manager;
    const stored = async () =>
      (await mandatesOf(follower.db.dataSource)).map((line) =>
        line.split(' | ').slice(0, 2).join(' | '),
      );
    expect(await stored()).toEqual([
      '2031/01 Nr. 1.1: FITKO | meeting 91  ',
      '2031/02 Nr. 1.1: HB | meeting 92  ',
    ]);
    const session91 = await m.findOneByOrFail(Meeting, { number: 91 });
    expect(session91).toMatchObject({ date: '2031-06-20', state: 'planned' });

    // The council holds its 91st session and publishes a decision: only that meeting is read.
    source.meetings[1].state = 'durchgeführt';
    source.meetings[1].modified = '2031-06-21T10:00:00+02:00';
    source.meetings[1].pdfs.push(decision('2031/03', 91, 'Bayern', 93));
    source.requests.length = 0;
    const second = await sync.sync(source.systemUrl, { backoffMs: 10 });
    expect(source.requests.find((r) => r.startsWith('/body/1/meetings'))).toContain(
      'modified_since=2031-03-19T10%3A00%3A00%2B01%3A00',
    );
    expect(second.meetings).toBe(1);
    expect(source.requests.some((r) => r.startsWith('/paper/1-'))).toBe(false);
    expect(await stored()).toEqual([
      '2031/01 Nr. 1.1: FITKO | meeting 91  ',
      '2031/02 Nr. 1.1: HB | meeting 92  ',
      '2031/03 Nr. 1.1: BY | meeting 93  ',
    ]);
    expect(await m.findOneByOrFail(Meeting, { number: 91 })).toMatchObject({ state: 'held' });

    // The council corrects the 91st session's day to one long past: what was due there is overdue
    // at once, as after a change on the calendar page, not only at the next full scan.
    source.meetings[1].start = '2026-01-15T10:00:00+01:00';
    source.meetings[1].modified = '2031-06-22T10:00:00+02:00';
    const third = await sync.sync(source.systemUrl, { backoffMs: 10 });
    expect(third.calendar.updated).toBe(1);
    const r = await m.findOneByOrFail(Resolution, { code: '2031/01' });
    const mandate = await m.findOneByOrFail(Mandate, { resolutionId: r.id });
    expect(await m.findOneByOrFail(Obligation, { mandateId: mandate.id })).toMatchObject({
      owner: 'FITKO',
      overdueSince: '2026-01-16',
    });
  });
});
