import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from './support/seed-data';
import { SmtpTestServer } from './support/smtp-test-server';
import { until } from './support/until';

const ADMIN = { email: 'admin@stop.test', password: 'admin-password-for-stop' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * `npm start` as a service manager runs it: the signal goes to the pid it started (npm's), and
 * the app must stop whole, finishing the job it runs, with exit code 0.
 */
describe('stopping `npm start` with SIGTERM', () => {
  let dir: string;
  let smtp: SmtpTestServer;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mt-stop-'));
    smtp = await new SmtpTestServer().start();
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes the port, finishes the active job and exits 0', async () => {
    const port = await freePort();
    const database = join(dir, 'stop.sqlite');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: 'UTC',
      PORT: String(port),
      DATABASE_URL: `sqlite:${database}`,
      SEEDS_DIR: join(ROOT, 'seeds'),
      SAMPLE_PROTOCOL: join(ROOT, 'seeds', 'protocols', 'itplr-32.md'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: smtp.url,
    };
    const output: string[] = [];
    const started = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: 'pipe' });
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => started.once('exit', resolve));
    // The first start may build the app first.
    await until(() => output.join('').includes('mandate-tracker ist bereit'), 180_000, 'the start');

    const base = `http://127.0.0.1:${port}`;
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const login = await post('/api/auth/login', ADMIN);
    expect(login.status).toBe(200);
    const token = String(login.body.accessToken);
    const delegate = await post(
      '/api/users',
      {
        email: 'hb@stop.test',
        name: 'HB',
        role: 'delegate',
        member: 'HB',
        password: 'delegate-password',
      },
      token,
    );
    expect(delegate.status).toBe(201);

    // The digest's mail is held by the SMTP server: the job is running when the signal comes.
    smtp.delayMs = 2_500;
    expect((await post('/api/jobs/digests-weekly/run', {}, token)).status).toBe(202);
    await until(() => smtp.holding > 0, 20_000, 'the digest to reach the SMTP server');

    const stopAt = Date.now();
    started.kill('SIGTERM');
    const code = await exited;
    const tookMs = Date.now() - stopAt;

    expect({ code, output: code === 0 ? '' : output.join('').slice(-2000) }).toEqual({
      code: 0,
      output: '',
    });
    expect(tookMs).toBeLessThan(15_000);
    expect(await listening(port)).toBe(false);
    // The job ran to its end: the delegate's digest and the secretariat's weekly overview were
    // accepted, and the run is recorded as completed.
    expect(smtp.received.map((m) => m.to.join()).sort()).toEqual([
      'admin@stop.test',
      'hb@stop.test',
    ]);
    const db = new Database(database, { readonly: true });
    try {
      const runs = db
        .prepare("SELECT state FROM job_run WHERE name = 'digests-weekly'")
        .all() as Array<{ state: string }>;
      expect(runs).toEqual([{ state: 'completed' }]);
    } finally {
      db.close();
    }
    // Nothing of the service outlives the stop (no launcher, no app still answering).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await listening(port)).toBe(false);
  }, 240_000);
});
