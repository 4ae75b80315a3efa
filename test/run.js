#!/usr/bin/env node
// `npm test`: type-check, then every Jest suite (unit and integration) on the real services that
// are there, saying plainly which were not and why. Ends with the line "N passed, N failed".
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
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
  for (const note of notes) process.stdout.write(`[npm test] ${note}\n`);

  let failed = 0;
  let passed = 0;
  const checks = [
    ['type check (tsc --noEmit)', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json']],
    ['lint (eslint, zero warnings)', [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '-c', 'config/eslint.config.mjs', '--max-warnings', '0', 'apps', 'libs', 'test']],
  ];
  for (const [name, args] of checks) {
    const check = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    if (check.status === 0) passed++;
    else {
      failed++;
      process.stdout.write(`[npm test] ${name} FAILED\n`);
    }
  }

  const results = join(artifacts, 'jest-results.json');
  rmSync(results, { force: true });
  const jest = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'config/jest.config.js', '--json', '--outputFile', results, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env },
  );
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
    process.stdout.write(`[npm test] jest wrote no results (exit ${jest.status})\n`);
  }
  for (const note of notes) process.stdout.write(`[npm test] ${note}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
});
