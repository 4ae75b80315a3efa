#!/usr/bin/env node
// `npm test`: type-check and lint, and every Jest suite (unit and integration) on the real services that
// are there, saying plainly which were not and why. Ends with the line "N passed, N failed".
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const net = require('node:net');

const root = join(__dirname, '..');
const artifacts = join(root, 'test', 'artifacts');
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

function reachable(host, port, timeoutMs = 700) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A throwaway redis-server on a free port, keeping nothing on disk. */
async function startPrivateRedis() {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  const port = await new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
  const child = spawn(which.stdout.trim(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    if (await reachable('127.0.0.1', port, 200)) return { child, url: `redis://127.0.0.1:${port}` };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  return undefined;
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const env = { ...process.env, TZ: 'UTC' };
  const notes = [];

  if (!env.TEST_POSTGRES_URL) {
    if (await reachable('127.0.0.1', 5432)) {
      env.TEST_POSTGRES_URL = DEFAULT_POSTGRES;
      notes.push(`PostgreSQL: using ${DEFAULT_POSTGRES} (set TEST_POSTGRES_URL to choose another)`);
    } else {
      notes.push('PostgreSQL: SKIPPED - no TEST_POSTGRES_URL and nothing listens on 127.0.0.1:5432; the database suites ran on SQLite only');
    }
  }
  let privateRedis;
  if (!env.TEST_REDIS_URL) {
    if (await reachable('127.0.0.1', 6379)) {
      env.TEST_REDIS_URL = 'redis://127.0.0.1:6379';
      notes.push('Redis: using redis://127.0.0.1:6379 with a key prefix per test (set TEST_REDIS_URL to choose another)');
    } else {
      privateRedis = await startPrivateRedis();
      if (privateRedis) {
        env.TEST_REDIS_URL = privateRedis.url;
        notes.push(`Redis: started a private redis-server for this run at ${privateRedis.url}`);
      } else {
        notes.push('Redis: SKIPPED - no TEST_REDIS_URL, nothing on 127.0.0.1:6379 and no redis-server on PATH; the BullMQ suites did not run');
      }
    }
  }
  for (const note of notes) process.stdout.write(`[npm test] ${note}\n`);

  let failed = 0;
  let passed = 0;
  // The type check and the lint (test/check.js: one TypeScript program for both) run alongside
  // the tests, on the second core; their findings are printed once the tests are done.
  const checkLog = join(artifacts, 'check.log');
  const checkOut = openSync(checkLog, 'w');
  const check = spawn(process.execPath, [join(root, 'test', 'check.js')], { cwd: root, stdio: ['ignore', checkOut, checkOut], env });
  closeSync(checkOut);
  const checkExit = new Promise((resolve) => {
    check.once('error', () => resolve(3));
    check.once('exit', (code) => resolve(code === null ? 3 : code));
  });
  process.stdout.write('[npm test] the type check and the lint run alongside the tests; their findings follow them\n');

  const results = join(artifacts, 'jest-results.json');
  rmSync(results, { force: true });
  const jest = spawn(
    process.execPath,
    [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'config/jest.config.js', '--json', '--outputFile', results, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env },
  );
  const jestStatus = await new Promise((resolve) => {
    jest.once('error', () => resolve(1));
    jest.once('exit', (code) => resolve(code));
  });
  const checkStatus = await checkExit;
  const findings = readFileSync(checkLog, 'utf8');
  process.stdout.write(`\n[npm test] type check (tsc --noEmit) and lint (eslint, zero warnings): ${findings ? `\n${findings}` : 'nothing found\n'}`);
  for (const [bit, name] of [[1, 'type check (tsc --noEmit)'], [2, 'lint (eslint, zero warnings)']]) {
    if (checkStatus & bit) {
      failed++;
      process.stdout.write(`[npm test] ${name} FAILED\n`);
    } else passed++;
  }
  if (existsSync(results)) {
    const summary = JSON.parse(readFileSync(results, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    if (summary.numTotalTests === 0) {
      failed++;
      process.stdout.write('[npm test] no test ran\n');
    }
  } else {
    failed++;
    process.stdout.write(`[npm test] jest wrote no results (exit ${jestStatus})\n`);
  }
  if (privateRedis) privateRedis.child.kill('SIGTERM');
  for (const note of notes) process.stdout.write(`[npm test] ${note}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
});
