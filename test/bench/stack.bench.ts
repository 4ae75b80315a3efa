// `npm run bench -- stack`: the scaled topology (`npm run stack`: two API processes behind one port,
// two workers, PostgreSQL, Redis) under 60 s of mixed traffic from 10 connections while a digest run
// for 3,000 delegates and an overdue scan go on; one worker and one API process are killed (-9) and
// Redis is restarted on the way. Then it checks what a user would: no acknowledged status update
// lost, one digest per delegate, no job stuck or failed, errors only while a process was down and
// only 503 with Retry-After; and prints throughput, p50/p99 per route and errors by cause.
// Everything runs on 127.0.0.1 in a database, a Redis and an SMTP server of its own, removed after.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { hashPassword } from '@app/accounts';
import {
  isAllUpLine,
  processName,
  readProcessLine,
  type StackEventKind,
} from '../../apps/stack-lines';
import { dataSourceOptions } from '@app/persistence';
import { ingestServices } from '../support/ingest-services';
import { loadRegistry, ROOT } from '../support/seed-data';
import { SmtpTestServer } from '../support/smtp-test-server';

export interface StackBenchOptions {
  seconds: number;
  delegates: number;
  mandates: number;
  connections: number;
}

const DEFAULTS: StackBenchOptions = {
  seconds: 60,
  delegates: 3000,
  mandates: 10_000,
  connections: 10,
};
const DAY_MS = 24 * 3600 * 1000;
/** A day relative to today: the sessions lie around now, so the jobs and the writers judge alike. */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const PASSWORD = 'stack-bench-password';
const REDIS_PREFIX = 'mt-stack-bench';
// Bund and the 16 Länder, as the seeded registry names them.
const OWNERS = loadRegistry()
  .members.filter((m) => m.kind === 'federation' || m.kind === 'state')
  .map((m) => m.code);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A redis-server of this run's own, with an append-only file so that a restart keeps the jobs. */
class PrivateRedis {
  private child: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'mt-stack-redis-'));
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir];
    args.push('--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec');
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await reachable(this.port)); i++) await sleep(100);
    if (!(await reachable(this.port))) throw new Error('redis-server did not start');
  }

  /** SIGTERM: Redis writes its append-only file and exits. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A PostgreSQL database of this run's own next to TEST_POSTGRES_URL's (or the local default). */
export async function createStackDatabase(
  prefix = 'mt_stack_bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const server = await new DataSource({ type: 'postgres', url: admin }).initialize();
  await server.query(`CREATE DATABASE "${name}"`);
  return {
    url: admin.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`),
    drop: async () => {
      await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.destroy();
    },
  };
}

interface Dataset {
  delegates: string[];
  /** Per connection: the obligations it changes (its own owner's), with their status. */
  obligations: Array<Array<{ id: number; status: string }>>;
  mandateIds: number[];
  loadUsers: string[];
  adminEmail: string;
}

/**
 * Migrated and seeded, then written straight into the schema: members with three delegates each
 * and four open obligations (two due at a session nine days ago, so overdue; two at one in 40
 * days), and mandates of Bund and Länder with ten owners
 * each for the lists. Secretariat accounts get no digest: the run counts the delegates' only.
 */
export async function buildStackDataset(url: string, options: StackBenchOptions): Promise<Dataset> {
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await ds.runMigrations();
    const { seeds, seedsDir } = ingestServices(ds);
    await seeds.seedAll(seedsDir);
    const now = new Date().toISOString();
    const [{ id: council }] = (await ds.query('SELECT id FROM council LIMIT 1')) as Array<{
      id: number;
    }>;
    const meeting = async (number: number, date: string, state: string) =>
      (
        (await ds.query(
          `INSERT INTO meeting ("councilId", number, date, approximate, state) VALUES ($1, $2, $3, false, $4) RETURNING id`,
          [council, number, date, state],
        )) as Array<{ id: number }>
      )[0].id;
    const decided = await meeting(900, day(-30), 'held');
    await meeting(901, day(-9), 'held');
    await meeting(902, day(40), 'planned');
    const [{ id: doc }] = (await ds.query(
      `INSERT INTO source_document ("councilId", "meetingId", "fileName", format, sha256, "resolutionIds", text, "ingestedAt")
       VALUES ($1, $2, 'stack-bench', 'protocol', 'x', '[]', '', $3) RETURNING id`,
      [council, decided, now],
    )) as Array<{ id: number }>;
    const members = Math.ceil(options.delegates / 3);
    await ds.query(
      `INSERT INTO member ("councilId", code, name, kind, aliases, active)
       SELECT $1, 'Z' || lpad(i::text, 5, '0'), 'Mitglied ' || i, 'office', '[]', true
       FROM generate_series(0, $2 - 1) i`,
      [council, members],
    );
    await ds.query(
      `INSERT INTO "user" (email, name, role, "memberId", "passwordHash", active, "digestFrequency", "createdAt")
       SELECT 'd' || d || '.' || lower(m.code) || '@bench.test', 'Delegierte ' || d, 'delegate', m.id,
              'scrypt$x', true, 'weekly', $1
       FROM member m CROSS JOIN generate_series(0, 2) d
       WHERE m.code ~ '^Z[0-9]{5}$' ORDER BY m.id, d LIMIT $2`,
      [now, options.delegates],
    );
    await ds.query(
      `INSERT INTO resolution ("councilId", "meetingId", code, title, "documentId", line)
       SELECT $1, $2, 'B-2030/' || m.code, 'Beschluss für ' || m.code, $3, 1
       FROM member m WHERE m.code ~ '^Z[0-9]{5}$'`,
      [council, decided, doc],
    );
    const mandateColumns = `("resolutionId", "meetingNumber", point, ordinal, owners, partners, action, "dueKind",
       "dueMeeting", "dueSoft", "dueText", source, "sourceLine", extracted, corrected, "createdAt", "updatedAt")`;
    await ds.query(
      `INSERT INTO mandate ${mandateColumns}
       SELECT r.id, 900, p, 1, '["' || substr(r.code, 8) || '"]', '[]', 'Aufgabe ' || p || ' für ' || substr(r.code, 8),
              'meeting', CASE WHEN p % 2 = 1 THEN 901 ELSE 902 END, false, '',
              'Der IT-Planungsrat bittet ' || substr(r.code, 8) || ' um Aufgabe ' || p || '.', 1, '{}', false, $1, $1
       FROM resolution r CROSS JOIN generate_series(1, 4) p WHERE r.code LIKE 'B-2030/Z%'`,
      [now],
    );
    // The lists' data: mandates of Bund and Länder, ten owners each, in resolutions of ten.
    await ds.query(
      `INSERT INTO resolution ("councilId", "meetingId", code, title, "documentId", line)
       SELECT $1, $2, 'B-2029/' || i, 'Beschluss ' || i, $3, 1 FROM generate_series(0, $4 - 1) i`,
      [council, decided, doc, Math.ceil(options.mandates / 10)],
    );
    await ds.query(
      `INSERT INTO mandate ${mandateColumns}
       SELECT r.id, 900, p, 1, $1, '[]', 'Aufgabe ' || r.id || '/' || p, 'meeting', 901 + p % 2, false, '',
              'Der IT-Planungsrat bittet die Länder um Bericht ' || r.id || '/' || p || '.', 1, '{}', false, $2, $2
       FROM resolution r CROSS JOIN generate_series(1, 10) p WHERE r.code LIKE 'B-2029/%'`,
      [JSON.stringify(OWNERS.slice(0, 10)), now],
    );
    await ds.query(
      `INSERT INTO obligation ("mandateId", "memberId", owner, status, "createdAt", "updatedAt")
       SELECT m.id, mem.id, mem.code, 'open', $1, $1
       FROM mandate m JOIN resolution r ON r.id = m."resolutionId"
       JOIN member mem ON mem.code = substr(r.code, 8)
       WHERE r.code LIKE 'B-2030/Z%'`,
      [now],
    );
    await ds.query(
      `INSERT INTO obligation ("mandateId", "memberId", owner, status, "createdAt", "updatedAt")
       SELECT m.id, mem.id, mem.code, (ARRAY['open','open','in_progress','reported','done'])[1 + (m.id + k) % 5], $1, $1
       FROM mandate m JOIN resolution r ON r.id = m."resolutionId"
       CROSS JOIN generate_series(0, 9) k
       JOIN member mem ON mem.code = ($2::text[])[k + 1]
       WHERE r.code LIKE 'B-2029/%'`,
      [now, OWNERS.slice(0, 10)],
    );
    // Statistics, as a database in use has them (autovacuum would take its time after a bulk load);
    // without them PostgreSQL plans the overdue scan's joins as nested loops.
    await ds.query('ANALYZE');
    const hash = await hashPassword(PASSWORD);
    const loadUsers = Array.from({ length: options.connections }, (_, i) => `last${i}@bench.test`);
    const adminEmail = 'gs@bench.test';
    for (const email of [adminEmail, ...loadUsers])
      await ds.query(
        `INSERT INTO "user" (email, name, role, "memberId", "passwordHash", active, "digestFrequency", "createdAt")
         VALUES ($1, 'Geschäftsstelle', 'secretariat', NULL, $2, true, 'off', $3)`,
        [email, hash, now],
      );
    const delegates = (
      (await ds.query(`SELECT email FROM "user" WHERE role = 'delegate' ORDER BY id`)) as Array<{
        email: string;
      }>
    ).map((r) => r.email);
    const obligations: Dataset['obligations'] = [];
    for (let c = 0; c < options.connections; c++)
      obligations.push(
        (await ds.query(
          `SELECT o.id, o.status FROM obligation o WHERE o.owner = $1 AND o.status IN ('open', 'in_progress', 'reported')
           ORDER BY o.id LIMIT 300`,
          [OWNERS[c % 10]],
        )) as Array<{ id: number; status: string }>,
      );
    const mandateIds = (
      (await ds.query(
        `SELECT m.id FROM mandate m JOIN resolution r ON r.id = m."resolutionId" WHERE r.code LIKE 'B-2029/%' ORDER BY m.id`,
      )) as Array<{ id: number }>
    ).map((r) => r.id);
    return { delegates, obligations, mandateIds, loadUsers, adminEmail };
  } finally {
    await ds.destroy();
  }
}

/** What the stack's launcher says about its processes, with the time it said it. */
interface StackEvent {
  at: number;
  name: string;
  what: StackEventKind;
  pid: number;
}

class StackProcess {
  readonly events: StackEvent[] = [];
  /** Everything the stack's processes wrote, to read when a check fails. */
  readonly logFile = join(tmpdir(), `mt-stack-bench-${process.pid}.log`);
  private readonly log = createWriteStream(this.logFile);
  readonly pids = new Map<string, number>();
  private child: ChildProcess | undefined;
  private tail: string[] = [];

  start(env: Record<string, string>): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'apps', 'stack.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const onLine = (line: string) => {
      this.log.write(`${line}\n`);
      this.tail.push(line);
      if (this.tail.length > 40) this.tail.shift();
      const said = readProcessLine(line);
      if (!said) return;
      const { name, event: what } = said;
      const pid = said.pid ?? this.pids.get(name) ?? 0;
      if (what === 'started') this.pids.set(name, pid);
      this.events.push({ at: Date.now(), name, what, pid });
    };
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    return new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        if (this.tail.some(isAllUpLine)) {
          clearInterval(timer);
          resolve();
        }
      }, 200);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`the stack exited with ${code}:\n${this.tail.join('\n')}`));
      });
    });
  }

  /** When `name` was ready again after `since`; undefined while it is not. */
  readyAfter(name: string, since: number): number | undefined {
    return this.events.find((e) => e.name === name && e.what === 'ready' && e.at >= since)?.at;
  }

  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      // The launcher had 30 s for its children; anything left is killed so nothing outlives the run.
      for (const pid of this.pids.values()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      child.kill('SIGKILL');
    }, 60_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}

interface Sample {
  route: string;
  start: number;
  end: number;
  status: number;
  retryAfter?: string;
  cause?: string;
}

/** One keep-alive connection, as a browser or script of one user would hold it. */
class Connection {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly port: number) {}

  request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          timeout: 60_000,
          headers: {
            ...headers,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

interface Traffic {
  samples: Sample[];
  acknowledged: Set<string>;
  inDoubt: Set<string>;
}

/** One user's loop: lists, details, status changes with a note, exports, sign-ins, at random. */
async function userLoop(
  index: number,
  port: number,
  data: Dataset,
  until: number,
  traffic: Traffic,
): Promise<void> {
  const connection = new Connection(port);
  const owner = OWNERS[index % 10];
  const email = data.loadUsers[index];
  const mine = data.obligations[index].map((o) => ({ ...o }));
  let token = '';
  let seq = 0;
  let next = 0;
  const random = (n: number) => Math.floor(Math.random() * n);
  const call = async (
    route: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: string } | undefined> => {
    const start = Date.now();
    try {
      const res = await connection.request(
        method,
        path,
        token ? { authorization: `Bearer ${token}` } : {},
        body,
      );
      const retryAfter = res.headers['retry-after'];
      traffic.samples.push({
        route,
        start,
        end: Date.now(),
        status: res.status,
        ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
        ...(res.status >= 400 ? { cause: `${res.status} ${res.body.slice(0, 120)}` } : {}),
      });
      return res;
    } catch (error) {
      traffic.samples.push({
        route,
        start,
        end: Date.now(),
        status: 0,
        cause: `network: ${error instanceof Error ? error.message : String(error)}`,
      });
      return undefined;
    }
  };
  const signIn = async () => {
    const res = await call('POST /api/auth/login', 'POST', '/api/auth/login', {
      email,
      password: PASSWORD,
    });
    if (res?.status === 200) token = (JSON.parse(res.body) as { accessToken: string }).accessToken;
  };
  while (!token && Date.now() < until) await signIn();
  while (Date.now() < until) {
    const roll = random(100);
    if (roll < 35) {
      const status = ['open', 'in_progress', 'reported'][random(3)];
      await call(
        'GET /api/mandates (list)',
        'GET',
        `/api/mandates?owner=${owner}&status=${status}&pageSize=50&page=${1 + random(3)}`,
      );
    } else if (roll < 50) {
      const id = data.mandateIds[random(data.mandateIds.length)];
      await call('GET /api/mandates/:id', 'GET', `/api/mandates/${id}`);
    } else if (roll < 60) {
      const o = mine[random(mine.length)];
      const res = await call('GET /api/obligations/:id', 'GET', `/api/obligations/${o.id}`);
      if (res?.status === 200) o.status = (JSON.parse(res.body) as { status: string }).status;
    } else if (roll < 85) {
      const o = mine[next++ % mine.length];
      if (o.status === 'unknown') {
        const res = await call('GET /api/obligations/:id', 'GET', `/api/obligations/${o.id}`);
        if (res?.status !== 200) continue;
        o.status = (JSON.parse(res.body) as { status: string }).status;
      }
      const to = o.status === 'in_progress' ? 'reported' : 'in_progress';
      const note = `stack-bench ${index}-${seq++}: ${to}`;
      const res = await call('PATCH /api/obligations/:id', 'PATCH', `/api/obligations/${o.id}`, {
        status: to,
        note,
      });
      if (res?.status === 200) {
        traffic.acknowledged.add(note);
        o.status = to;
      } else {
        // Cut off on the way: the change may or may not have been made.
        traffic.inDoubt.add(note);
        o.status = 'unknown';
      }
    } else if (roll < 95) {
      await call(
        'GET /api/exports/obligations.csv',
        'GET',
        `/api/exports/obligations.csv?owner=${owner}&status=reported`,
      );
    } else {
      await signIn();
    }
  }
  connection.close();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitForJob(queue: Queue, id: string, limitMs: number): Promise<string> {
  const until = Date.now() + limitMs;
  let state = 'unknown';
  while (Date.now() < until) {
    try {
      state = (await (await queue.getJob(id))?.getState()) ?? 'gone';
    } catch {
      state = 'redis unreachable';
    }
    if (state === 'completed' || state === 'failed' || state === 'gone') return state;
    await sleep(2000);
  }
  return state;
}

/** `npm run bench -- stack [--seconds 60] [--delegates 3000] [--mandates 10000]`. */
export async function benchStack(args: string[]): Promise<boolean> {
  const options = { ...DEFAULTS };
  for (let i = 0; i < args.length; i++) {
    const key = args[i].replace(/^--/, '') as keyof StackBenchOptions;
    if (!(key in options)) throw new Error(`unknown option ${args[i]}`);
    options[key] = Number(args[++i]);
  }
  const checks: Array<{ label: string; ok: boolean; detail: string }> = [];
  const check = (label: string, ok: boolean, detail: string) => {
    checks.push({ label, ok, detail });
    say(`${ok ? 'ok    ' : 'FAILED'} ${label}: ${detail}`);
  };
  say(
    `stack under load and faults: ${options.seconds} s, ${options.connections} connections, ${options.delegates.toLocaleString('en')} delegates, ${options.mandates.toLocaleString('en')} mandates with 10 owners`,
  );
  const smtp = await new SmtpTestServer().start();
  const redis = new PrivateRedis();
  const stack = new StackProcess();
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let queue: Queue | undefined;
  let queueConnection: IORedis | undefined;
  try {
    await redis.start();
    database = await createStackDatabase();
    say('  building the data set...');
    const data = await buildStackDataset(database.url, options);
    const port = await freePort();
    say(`  starting the stack on 127.0.0.1:${port} (Redis ${redis.url}, SMTP ${smtp.url})...`);
    await stack.start({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'mandate-tracker <noreply@bench.test>',
      SAMPLE_PROTOCOL: '',
      JOB_BACKOFF_MS: '2000',
      PUBLIC_URL: 'https://tracker.bench',
      LOG_LEVEL: 'log',
    });
    queueConnection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    queueConnection.on('error', () => undefined);
    queue = new Queue('mandate-tracker', { connection: queueConnection, prefix: REDIS_PREFIX });
    queue.on('error', () => undefined);

    const admin = new Connection(port);
    const login = await admin.request(
      'POST',
      '/api/auth/login',
      {},
      { email: data.adminEmail, password: PASSWORD },
    );
    const adminHeaders = {
      authorization: `Bearer ${(JSON.parse(login.body) as { accessToken: string }).accessToken}`,
    };
    const runJob = async (name: string) => {
      const res = await admin.request('POST', `/api/jobs/${name}/run`, adminHeaders, {});
      if (res.status !== 202) throw new Error(`${name} could not be started: ${res.body}`);
      return (JSON.parse(res.body) as { id: string }).id;
    };

    const traffic: Traffic = { samples: [], acknowledged: new Set(), inDoubt: new Set() };
    const t0 = Date.now();
    const until = t0 + options.seconds * 1000;
    const at = (fraction: number) => t0 + fraction * options.seconds * 1000;
    const timeline: string[] = [];
    const note = (line: string) => {
      timeline.push(`  ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${line}`);
    };
    const windows: Array<{
      what: string;
      kind: 'api' | 'worker' | 'redis';
      from: number;
      to?: number;
    }> = [];
    const digestJob = await runJob('digests-weekly');
    note(`digest run queued (job ${digestJob})`);
    const loops = Array.from({ length: options.connections }, (_, i) =>
      userLoop(i, port, data, until, traffic),
    );
    let scanJob = '';
    const faults = (async () => {
      await sleep(Math.max(0, at(0.08) - Date.now()));
      scanJob = await runJob('overdue-scan');
      note(`overdue scan queued (job ${scanJob})`);
      // The worker running the digests, so that its job is left half done and taken over.
      await sleep(Math.max(0, at(0.17) - Date.now()));
      const processedBy = (await queue?.getJob(digestJob))?.processedBy ?? '';
      const pid = Number(processedBy.split(':').pop());
      const worker =
        [...stack.pids.entries()].find(([, p]) => p === pid)?.[0] ?? processName('worker', 1);
      const workerKilledAt = Date.now();
      process.kill(stack.pids.get(worker) as number, 'SIGKILL');
      note(
        `kill -9 ${worker} (pid ${stack.pids.get(worker)}; ran the digests: ${pid ? 'yes' : 'not known'})`,
      );
      windows.push({ what: worker, kind: 'worker', from: workerKilledAt });
      await sleep(Math.max(0, at(0.42) - Date.now()));
      const apiKilledAt = Date.now();
      const api = processName('api', 1);
      const apiPid = stack.pids.get(api) as number;
      process.kill(apiPid, 'SIGKILL');
      note(`kill -9 ${api} (pid ${apiPid})`);
      windows.push({ what: api, kind: 'api', from: apiKilledAt });
      await sleep(Math.max(0, at(0.67) - Date.now()));
      const redisFrom = Date.now();
      await redis.stop();
      note('Redis stopped (SIGTERM)');
      await sleep(1000);
      await redis.start();
      note('Redis started again');
      windows.push({ what: 'redis', kind: 'redis', from: redisFrom, to: Date.now() });
    })();
    await Promise.all([...loops, faults]);
    note('traffic ended');
    for (const w of windows)
      if (!w.to) {
        const limit = Date.now() + 120_000;
        while (!stack.readyAfter(w.what, w.from) && Date.now() < limit) await sleep(500);
        w.to = stack.readyAfter(w.what, w.from);
        note(
          `${w.what} ${w.to ? `was back after ${((w.to - w.from) / 1000).toFixed(1)} s` : 'did not come back'}`,
        );
      }

    // Jobs: both finish, nothing waits, runs or failed for good.
    const digestState = await waitForJob(queue, digestJob, 8 * 60_000);
    note(`digest job ${digestState}`);
    const scanState = await waitForJob(queue, scanJob, 4 * 60_000);
    note(`overdue scan job ${scanState}`);
    const counts = await queue.getJobCounts('waiting', 'active', 'failed', 'completed', 'delayed');
    const failed = await queue.getJobs(['failed']);
    const pending = (await queue.getJobs(['waiting', 'active', 'delayed'])).filter(
      (j) => !String(j.id).startsWith('repeat:'),
    );
    for (const line of timeline) say(line);
    check('digest job', digestState === 'completed', digestState);
    check('overdue scan job', scanState === 'completed', scanState);
    check(
      'no job stuck or failed for good',
      failed.length === 0 && pending.length === 0,
      `${counts.completed} completed, ${failed.length} failed${failed.map((j) => ` (${j.name}: ${j.failedReason})`).join('')}, ${pending.length} waiting or running (${pending.map((j) => j.name).join(', ') || 'none'}), ${counts.delayed} scheduled`,
    );

    // Digests: one per delegate; a copy resent after the kill carries the same Message-ID.
    const byRecipient = new Map<string, Set<string>>();
    let copies = 0;
    for (const mail of smtp.received) {
      const id = /^Message-ID:\s*(\S+)/im.exec(mail.raw)?.[1] ?? `(none ${copies})`;
      for (const to of mail.to) {
        const ids = byRecipient.get(to) ?? new Set<string>();
        if (ids.has(id)) copies++;
        ids.add(id);
        byRecipient.set(to, ids);
      }
    }
    const missing = data.delegates.filter((d) => !byRecipient.has(d));
    const twice = data.delegates.filter((d) => (byRecipient.get(d)?.size ?? 0) > 1);
    check(
      'every delegate got exactly one digest',
      missing.length === 0 && twice.length === 0,
      `${data.delegates.length - missing.length} of ${data.delegates.length} got one, ${missing.length} none, ${twice.length} two different ones; ${copies} repeated deliveries of the same message (same Message-ID, sent again because the worker was killed between the SMTP server's acceptance and the record of it)`,
    );

    // Status updates: every acknowledged one is in the history; more only from requests cut off.
    const ds = await new DataSource(dataSourceOptions(database.url)).initialize();
    const history = new Set(
      (
        (await ds.query(
          `SELECT note FROM obligation_event WHERE type = 'status' AND note LIKE 'stack-bench %'`,
        )) as Array<{ note: string }>
      ).map((r) => r.note),
    );
    const outbox = (await ds.query(
      `SELECT status, COUNT(*) AS n FROM digest_outbox GROUP BY status`,
    )) as Array<{ status: string; n: string }>;
    await ds.destroy();
    const lost = [...traffic.acknowledged].filter((n) => !history.has(n));
    const unexplained = [...history].filter(
      (n) => !traffic.acknowledged.has(n) && !traffic.inDoubt.has(n),
    );
    const madeInDoubt = [...traffic.inDoubt].filter((n) => history.has(n)).length;
    check(
      'no status update lost',
      lost.length === 0 && unexplained.length === 0,
      `${traffic.acknowledged.size} acknowledged, ${history.size} in the history (${lost.length} acknowledged but missing; ${madeInDoubt} of ${traffic.inDoubt.size} cut off by a kill were made, ${unexplained.length} other)`,
    );
    check(
      'digest outbox all sent',
      outbox.every((r) => r.status === 'sent'),
      outbox.map((r) => `${r.n} ${r.status}`).join(', '),
    );

    // Errors: only 503 with Retry-After, and only while an API process or Redis was down.
    const errors = traffic.samples.filter((s) => s.status === 0 || s.status >= 400);
    const during = (s: Sample) =>
      windows.some((w) =>
        w.kind === 'api' || w.kind === 'redis'
          ? s.end >= w.from && s.start <= (w.to ?? Infinity)
          : false,
      );
    const wrong = errors.filter((s) => s.status !== 503 || !s.retryAfter || !during(s));
    check(
      'errors only while a process was down, only 503 with Retry-After',
      wrong.length === 0,
      `${errors.length} errors of ${traffic.samples.length} requests, ${wrong.length} otherwise${wrong
        .slice(0, 3)
        .map((s) => ` [${s.route} at ${((s.start - t0) / 1000).toFixed(1)} s: ${s.cause}]`)
        .join('')}`,
    );

    // Figures.
    const seconds = (Math.max(...traffic.samples.map((s) => s.end)) - t0) / 1000;
    say(
      `\nthroughput: ${traffic.samples.length.toLocaleString('en')} requests in ${seconds.toFixed(1)} s = ${(traffic.samples.length / seconds).toFixed(0)} req/s (${options.connections} connections)`,
    );
    say(
      `${'route'.padEnd(36)} ${'requests'.padStart(9)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} errors`,
    );
    const routes = [...new Set(traffic.samples.map((s) => s.route))].sort();
    for (const route of routes) {
      const own = traffic.samples.filter((s) => s.route === route);
      const ms = own.map((s) => s.end - s.start).sort((a, b) => a - b);
      say(
        `${route.padEnd(36)} ${String(own.length).padStart(9)} ${`${percentile(ms, 50)} ms`.padStart(8)} ${`${percentile(ms, 99)} ms`.padStart(8)} ${own.filter((s) => s.status === 0 || s.status >= 400).length}`,
      );
    }
    const causes = new Map<string, number>();
    for (const s of errors) {
      const cause = s.status === 503 ? '503 Retry-After (API process down)' : (s.cause ?? '?');
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
    }
    say('errors by cause:' + (causes.size ? '' : ' none'));
    for (const [cause, n] of causes) say(`  ${String(n).padStart(5)}  ${cause}`);
    admin.close();
  } finally {
    await queue?.close().catch(() => undefined);
    queueConnection?.disconnect();
    const code = await stack.stop();
    say(`stack stopped (exit code ${code})`);
    await redis.remove();
    await database?.drop();
    await smtp.stop();
  }
  const ok = checks.length > 0 && checks.every((c) => c.ok);
  say(ok ? 'all checks passed' : `SOME CHECKS FAILED (the processes' output: ${stack.logFile})`);
  if (ok) rmSync(stack.logFile, { force: true });
  return ok;
}
