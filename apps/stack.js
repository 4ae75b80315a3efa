#!/usr/bin/env node
// `npm run stack [-- --api 2 --workers 2]`: the scaled topology on one machine, for PostgreSQL and
// Redis. It migrates the database once, then runs the API processes behind one port and the
// workers, restarts any of them that dies, and stops them all cleanly on Ctrl-C or SIGTERM.
//
// One port for several API processes: a small proxy in this process rather than node's cluster
// module. With cluster a request in flight on a process that dies gets its connection reset, and the
// client sees a network error. The proxy sees it instead: a GET (or any request that never reached
// the process) goes to the other process, anything else is answered 503 with Retry-After, and while
// no API process is up it answers 503 with Retry-After at once. The cost is one more hop on
// 127.0.0.1 per request.
'use strict';
const http = require('node:http');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');
const { ensureBuilt } = require('./launch');
const { StackProxy } = require('./stack-proxy');
const stackLines = require('./stack-lines');

const RETRY_AFTER_S = 2;
const STOP_TIMEOUT_MS = 30_000;

const USAGE = 'Aufruf: npm run stack [-- --api N] [--workers N]';

function usage(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const counts = { api: 2, workers: 2 };
  for (let i = 0; i < argv.length; i++) {
    if (['--help', '-h'].includes(argv[i])) {
      process.stdout.write(
        `${USAGE}\n` +
          'Startet N API-Prozesse hinter einem Port (PORT, HOST) und N Worker, je 1 bis 16 (sonst je 2),\n' +
          'mit PostgreSQL (DATABASE_URL) und Redis (REDIS_URL); bringt die Datenbank vorher einmal auf\n' +
          'den Stand dieser Version und startet ausgefallene Prozesse neu. Strg+C hält alle an.\n',
      );
      process.exit(0);
    }
    const name = argv[i].replace(/^--/, '');
    if (!(name in counts)) usage(`unbekannte Angabe ${argv[i]}`);
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 1 || value > 16)
      usage(`--${name} braucht eine Zahl von 1 bis 16`);
    counts[name] = value;
  }
  return counts;
}

function log(line) {
  process.stdout.write(`${stackLines.PREFIX}${line}\n`);
}

/** "2 API-Prozesse", "1 Worker". */
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Why the stack could not start, in words, without a password. */
function describe(error) {
  if (error?.code === 'ECONNREFUSED') {
    const where = error.port ? `${error.address}:${error.port}` : 'der Datenbank';
    return `keine Verbindung zu ${where} (läuft PostgreSQL?)`;
  }
  return redact(String(error?.message ?? error));
}

/** A URL fit for the log: no password. */
function redact(url) {
  return url.replace(/(\/\/[^:/@]*):[^@]*@/, '$1:***@');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * TRUST_PROXY for the API processes: the proxy here is one more hop on the loopback, so the
 * client's address is what it appends to X-Forwarded-For.
 */
function trustProxyBehindStack(value) {
  const text = (value ?? '').trim();
  if (text === '') return 'loopback';
  if (/^\d+$/.test(text)) return String(Number(text) + 1);
  return text.split(',').some((p) => p.trim() === 'loopback') ? text : `loopback,${text}`;
}

/** Prefixes each line a child writes with its name, so the interleaved log stays readable. */
function pipeLines(stream, name, onLine) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) {
      process.stdout.write(`[${name}] ${line}\n`);
      onLine?.(line);
    }
  });
  stream.on('end', () => {
    if (rest) process.stdout.write(`[${name}] ${rest}\n`);
  });
}

/** One supervised process: started again after it exits, unless the stack is stopping. */
class Child {
  constructor(stack, kind, index, entry, env) {
    Object.assign(this, { stack, kind, index, entry, env });
    this.name = stackLines.processName(kind, index);
    this.process = undefined;
    this.ready = false;
    this.restartDelayMs = 1000;
  }

  start() {
    this.ready = false;
    this.startedAt = Date.now();
    // A process group of its own: Ctrl-C in the terminal reaches only this launcher, which then
    // sends each child exactly one SIGTERM (a second signal would cut a Nest app's clean shutdown).
    const child = spawn(process.execPath, ['--enable-source-maps', this.entry], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.process = child;
    log(stackLines.processLine('started', this.name, stackLines.pidDetail(child.pid)));
    pipeLines(child.stdout, this.name, (line) => this.onLine(line));
    pipeLines(child.stderr, this.name);
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    if (this.kind === 'api') void this.waitHealthy(child);
    return this;
  }

  onLine(line) {
    if (this.kind === 'worker' && !this.ready && /Worker bereit/.test(line)) this.markReady();
  }

  markReady() {
    this.ready = true;
    const where = this.port ? `, 127.0.0.1:${this.port}` : '';
    log(stackLines.processLine('ready', this.name, `${stackLines.pidDetail(this.process.pid)}${where}`));
    this.stack.onReady(this);
  }

  /** An API process counts as up once it answers its health route (database reachable). */
  async waitHealthy(child) {
    while (this.process === child && child.exitCode === null && !this.stack.stopping) {
      const ok = await new Promise((resolve) => {
        const req = http.get(
          { host: '127.0.0.1', port: this.port, path: '/api/health', timeout: 2000 },
          (res) => {
            res.resume();
            resolve(res.statusCode === 200);
          },
        );
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(false));
      });
      if (ok && this.process === child && child.exitCode === null) {
        this.markReady();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  onExit(child, code, signal) {
    if (this.process !== child) return;
    this.ready = false;
    const how = signal ? `Signal ${signal}` : `Exit-Code ${code}`;
    if (this.stack.stopping) {
      log(`${this.name} angehalten (${how})`);
      this.process = undefined;
      this.stack.onStopped();
      return;
    }
    // A process that keeps dying at once is started again less and less often.
    this.restartDelayMs =
      Date.now() - this.startedAt > 30_000 ? 1000 : Math.min(this.restartDelayMs * 2, 30_000);
    log(
      `${stackLines.processLine('exited', this.name, how)}; neuer Start in ${this.restartDelayMs / 1000} s`,
    );
    setTimeout(() => {
      if (!this.stack.stopping) this.start();
    }, this.restartDelayMs).unref();
  }

  stop() {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null)
      this.process.kill('SIGTERM');
  }

  get running() {
    return (
      this.process !== undefined &&
      this.process.exitCode === null &&
      this.process.signalCode === null
    );
  }
}

async function ensurePostgresDatabase(url) {
  const { Client } = require('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if (error.code !== '3D000') throw error; // anything but "database does not exist"
  } finally {
    await probe.end().catch(() => undefined);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    log(`Datenbank ${name} angelegt`);
  } finally {
    await client.end();
  }
}

class Stack {
  constructor(counts) {
    this.counts = counts;
    this.children = [];
    this.stopping = false;
    this.firstApiReady = undefined;
  }

  async run() {
    const env = { ...process.env };
    env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/mandate_tracker';
    env.REDIS_URL ||= 'redis://127.0.0.1:6379';
    if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL))
      usage(
        'npm run stack braucht PostgreSQL: DATABASE_URL muss postgres://Benutzer@Host:Port/Datenbank sein',
      );
    const port = Number(env.PORT || 3000);
    const host = env.HOST || '0.0.0.0';
    env.PUBLIC_URL ||= `http://127.0.0.1:${port}`;
    this.publicUrl = env.PUBLIC_URL;

    // The database first: one that cannot be reached stops the start before a build.
    await ensurePostgresDatabase(env.DATABASE_URL);
    const entries = Object.fromEntries(['cli', 'api', 'worker'].map((a) => [a, ensureBuilt(a)]));
    log(
      `Datenbank ${redact(env.DATABASE_URL)} wird auf den Stand dieser Version gebracht (einmal, vor allen Prozessen)`,
    );
    const migrate = spawnSync(process.execPath, [entries.cli, 'migrate'], {
      // The command's start-up migrates (its modules read tables as they start, so it cannot wait
      // for the command itself, which then finds the database up to date).
      env: { ...env, MIGRATIONS_RUN: 'true' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (migrate.status !== 0) {
      log('die Datenbank konnte nicht auf den Stand gebracht werden; es wurde nichts gestartet');
      process.exit(migrate.status ?? 1);
    }
    log('die Datenbank ist auf dem Stand dieser Version');

    const shared = { ...env, MIGRATIONS_RUN: 'false' };
    const apis = [];
    for (let i = 1; i <= this.counts.api; i++) {
      const child = new Child(this, 'api', i, entries.api, {
        ...shared,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        TRUST_PROXY: trustProxyBehindStack(env.TRUST_PROXY),
      });
      child.port = Number(child.env.PORT);
      apis.push(child);
    }
    const workers = Array.from(
      { length: this.counts.workers },
      (_, i) => new Child(this, 'worker', i + 1, entries.worker, shared),
    );
    this.children = [...apis, ...workers];

    this.proxy = new StackProxy(apis, RETRY_AFTER_S);
    const listening = await this.proxy.listen(port, host);
    log(
      `erreichbar unter ${host}:${listening}: ${count(apis.length, 'API-Prozess', 'API-Prozesse')}, ${count(workers.length, 'Worker', 'Worker')}, Redis ${redact(env.REDIS_URL)}`,
    );
    process.on('SIGTERM', () => this.stop('SIGTERM'));
    process.on('SIGINT', () => this.stop('SIGINT'));
    process.on('SIGHUP', () => this.stop('SIGHUP'));

    // The first API process alone first: on an empty database it seeds the registry and calendar
    // and creates the first account, which two processes at once would both try.
    apis[0].start();
    await new Promise((resolve) => (this.firstApiReady = resolve));
    if (this.stopping) return;
    for (const child of [...apis.slice(1), ...workers]) child.start();
  }

  onReady(child) {
    if (child.kind === 'api' && this.firstApiReady) {
      const resolve = this.firstApiReady;
      this.firstApiReady = undefined;
      resolve();
    }
    if (this.children.every((c) => c.ready) && !this.announced) {
      this.announced = true;
      log(stackLines.allUpLine(`${this.publicUrl}/`));
    }
  }

  stop(signal) {
    if (this.stopping) return;
    this.stopping = true;
    log(`${signal}: alle Prozesse werden angehalten (jeder beendet erst, was er gerade tut)`);
    this.proxy?.close();
    this.firstApiReady?.();
    for (const child of this.children) child.stop();
    const timer = setTimeout(() => {
      for (const child of this.children.filter((c) => c.running)) {
        log(
          `${child.name} hat nach ${STOP_TIMEOUT_MS / 1000} s nicht angehalten; wird abgebrochen (SIGKILL)`,
        );
        child.process.kill('SIGKILL');
      }
    }, STOP_TIMEOUT_MS);
    timer.unref();
    this.onStopped();
  }

  onStopped() {
    if (!this.stopping || this.children.some((c) => c.running)) return;
    log('angehalten');
    process.exit(0);
  }
}

new Stack(parseArgs(process.argv.slice(2))).run().catch((error) => {
  process.stderr.write(`npm run stack konnte nicht starten: ${describe(error)}\n`);
  process.exit(1);
});
