import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OparlSyncError, OparlSyncService } from '@app/ingest';
import { Mandate, Resolution } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { startApi, type ApiFixture } from './support/api-app';
import { databaseFingerprint } from './support/database-fingerprint';
import { runCli } from '../apps/cli/src/tracker.program';
import { createTestDatabase, DATABASES } from './support/test-database';

/** Runs a `tracker` command in-process; what it printed and its exit code. */
async function tracker(command: string, options: Record<string, unknown>) {
  const printed: string[] = [];
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (printed.push(String(chunk)), true));
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => (printed.push(String(chunk)), true));
  process.exitCode = undefined;
  try {
    await runCli(command, options);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = process.exitCode ?? 0;
  process.exitCode = undefined;
  return { output: printed.join(''), code };
}

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
    // The second instance: the same registry and calendar, no decisions.
    follower = await startApi(kind, { SAMPLE_PROTOCOL: '' });
  });
  afterAll(async () => {
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
    expect(lines.filter((l) => l.includes('/body/itplr/meeting: page')).length).toBeGreaterThan(1);

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
      const { output, code } = await tracker('oparl:sync', { url: system });
      expect(code).toBe(0);
      expect(output).toMatch(/\/oparl\/v1\.1\/body: page 1, 1 objects\n/);
      expect(output).toMatch(/\/body\/itplr\/meeting: page 2, \d+ objects\n/);
      expect(output).toMatch(
        /: created \(32\. Sitzung: \d+ decisions, \d+ mandates, \d+ obligations\)\n/,
      );
      expect(await mandatesOf(db.dataSource)).toEqual(await mandatesOf(publisher.db.dataSource));
      // A port nothing listens on any more: the connection is refused.
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const refused = await tracker('oparl:sync', { url: `http://127.0.0.1:${port}/oparl/system` });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(
        new RegExp(
          `^error: http://127\\.0\\.0\\.1:${port}/oparl/system: connect ECONNREFUSED 127\\.0\\.0\\.1:${port} \\(after 4 attempts\\)\n$`,
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
      await expect(attempt).rejects.toThrow(`${url}: HTTP 429 (after 3 attempts)`);
      expect(calls).toBe(3);
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
    expect(await databaseFingerprint(follower.db.dataSource)).toBe(before);
  });
});
