import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadRegistry, ROOT } from '../support/seed-data';
import { fillSeededSqlite } from './bench-database';

// Bund and the 16 Länder, as the seeded registry names them.
export const OWNERS = loadRegistry()
  .members.filter((m) => m.kind === 'federation' || m.kind === 'state')
  .map((m) => m.code);
export const STATUSES = ['open', 'open', 'open', 'in_progress', 'reported', 'done'];

/** A database of 20,000 mandates with 10 obligations each, written straight into the schema. */
export async function buildDatabaseForBench(file: string, mandates: number): Promise<void> {
  await fillSeededSqlite(file, (db, _council, rows) => {
    const members = new Map(
      (db.prepare('SELECT id, code FROM member').all() as Array<{ id: number; code: string }>).map(
        (m) => [m.code, m.id],
      ),
    );
    let resolutionId = 0;
    let meetingId = 0;
    let documentId = 0;
    for (let i = 0; i < mandates; i++) {
      if (i % 200 === 0) {
        meetingId = rows.meeting(1000 + i / 200, '2030-01-01', 'held');
        documentId = rows.document(meetingId, 'bench', `bench-${i}`);
      }
      if (i % 10 === 0)
        resolutionId = rows.resolution(
          meetingId,
          `B-${3000 + Math.floor(i / 10)}/1`,
          'Bench',
          documentId,
        );
      const owners = Array.from(
        { length: 10 },
        (_, k) => OWNERS[(i + k * 3) % OWNERS.length],
      ).filter((o, k, all) => all.indexOf(o) === k);
      const id = rows.mandate({
        resolutionId,
        meetingNumber: 1000 + Math.floor(i / 200),
        point: (i % 10) + 1,
        owners,
        action: `Aufgabe ${i}`,
        dueMeeting: 1001 + Math.floor(i / 200),
        source: `Der IT-Planungsrat bittet ${owners.join(', ')} um Bericht ${i}.`,
      });
      for (const [k, owner] of owners.entries())
        rows.obligation(id, members.get(owner) ?? null, owner, STATUSES[(i + k) % STATUSES.length]);
    }
  });
}

function start(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} did not start in 120 s`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      if (/ready|bereit|listening on/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

interface Load {
  rps: number;
  p99: number;
  errors: number;
}

/** One measured round: 50 connections (or as many as asked) for 10 s. */
async function round(
  url: string,
  headers: Record<string, string>,
  connections = 50,
): Promise<Load> {
  const result = await autocannon({ url, headers, connections, duration: 10 });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Both servers warmed up (JIT, SQLite page cache), then measured in alternating rounds so that
 * drift on a shared machine falls on both alike; medians of three rounds each.
 */
async function compare(
  bare: { url: string },
  nest: { url: string; headers: Record<string, string> },
  connections: number,
  warmUp: boolean,
): Promise<{ bare: Load; nest: Load }> {
  if (warmUp) {
    await autocannon({ url: bare.url, connections, duration: 5 });
    await autocannon({ url: nest.url, headers: nest.headers, connections, duration: 5 });
  }
  const rounds: { bare: Load[]; nest: Load[] } = { bare: [], nest: [] };
  for (let i = 0; i < 3; i++) {
    rounds.bare.push(await round(bare.url, {}, connections));
    rounds.nest.push(await round(nest.url, nest.headers, connections));
  }
  const summary = (loads: Load[]): Load => ({
    rps: median(loads.map((l) => l.rps)),
    p99: median(loads.map((l) => l.p99)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
  });
  return { bare: summary(rounds.bare), nest: summary(rounds.nest) };
}

/** The figures of the list route and the bare server, for `npm run bench -- --json`. */
export interface ApiFigures {
  listRps: number;
  bareRps: number;
  listP99Ms10: number;
  bareP99Ms10: number;
}

export async function benchApi(
  line: (label: string, value: string, target: string, ok: boolean) => void,
): Promise<ApiFigures> {
  const file = join(tmpdir(), `mt-api-bench-${process.pid}.sqlite`);
  const children: ChildProcess[] = [];
  try {
    await buildDatabaseForBench(file, 20_000);
    const path = '/api/mandates?owner=HB&status=open&pageSize=50';
    const bare = await start(
      process.execPath,
      [join(__dirname, 'bare-server.js'), file, '3921'],
      {},
    );
    children.push(bare);
    const api = await start(process.execPath, [join(ROOT, 'apps', 'launch.js'), 'api'], {
      PORT: '3922',
      DATABASE_URL: `sqlite:${file}`,
      SAMPLE_PROTOCOL: '',
      ADMIN_EMAIL: 'bench@test.de',
      ADMIN_PASSWORD: 'bench-password-long',
    });
    children.push(api);
    const login = await fetch('http://127.0.0.1:3922/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@test.de', password: 'bench-password-long' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const servers = [
      { url: `http://127.0.0.1:3921${path}` },
      { url: `http://127.0.0.1:3922${path}`, headers: { authorization: `Bearer ${accessToken}` } },
    ] as const;
    const { bare: baseline, nest } = await compare(servers[0], servers[1], 50, true);
    // p99 at a sane concurrency: 10 connections, the same alternating rounds.
    const at10 = await compare(servers[0], servers[1], 10, false);
    const label = 'GET /api/mandates?owner=HB&status=open (20k mandates, 200k obligations)';
    line(
      `${label.slice(0, 58)}`,
      `${Math.round(nest.rps)} req/s`,
      `>= ${Math.round(baseline.rps * 0.8)}`,
      nest.rps >= baseline.rps * 0.8 && nest.errors === 0,
    );
    line('  its p99 latency, 50 connections', `${nest.p99} ms`, '(shown)', true);
    line(
      '  its p99 latency, 10 connections',
      `${at10.nest.p99} ms`,
      `< 20, <= ${Math.round(at10.bare.p99 * 1.5)}`,
      at10.nest.p99 < 20 && at10.nest.p99 <= at10.bare.p99 * 1.5 && at10.nest.errors === 0,
    );
    line(
      '  bare node:http + better-sqlite3, same query',
      `${Math.round(baseline.rps)} req/s`,
      '(baseline)',
      baseline.errors === 0,
    );
    line('  its p99 latency, 50 connections', `${baseline.p99} ms`, '(baseline)', true);
    line(
      '  its p99 latency, 10 connections',
      `${at10.bare.p99} ms`,
      '(baseline)',
      at10.bare.errors === 0,
    );
    // The floor under any route of the API on this machine: a public route that does no work.
    const floor = await round('http://127.0.0.1:3922/api/health', {});
    line(
      `  GET /api/health (no work, ${Math.round(floor.rps)} req/s): p99`,
      `${floor.p99} ms`,
      '(floor)',
      floor.errors === 0,
    );
    return {
      listRps: Math.round(nest.rps),
      bareRps: Math.round(baseline.rps),
      listP99Ms10: at10.nest.p99,
      bareP99Ms10: at10.bare.p99,
    };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}
