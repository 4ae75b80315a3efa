#!/usr/bin/env node
// Summarises what compare-test-speed.sh left in <out>: per run the wall clock, the process tree's
// CPU (user + system, GNU time), the load before it, the test counts; then medians per checkout
// and the per-suite wall times (jest's start/end) of the suites both checkouts have.
// Not part of `npm test`. Usage: node test/support/compare-test-speed.js <out> [<label A> <label B>]
// (labels are the checkouts' directory names; A is the baseline, "change" is B minus A).
'use strict';
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join, relative } = require('node:path');

const out = process.argv[2] || '/tmp/test-speed';
const order = process.argv.slice(3);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const seconds = (clock) => clock.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);

function readRun(label, round) {
  const base = join(out, `${label}-${round}`);
  const time = readFileSync(`${base}.time`, 'utf8');
  const field = (name) => time.match(new RegExp(`${name}: (.*)`))[1].trim();
  const log = readFileSync(`${base}.log`, 'utf8');
  const last = log.trim().split('\n').pop();
  const run = {
    label,
    round,
    wall: seconds(field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')),
    cpu: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    load: readFileSync(`${base}.load`, 'utf8').split(' ')[0],
    summary: last,
    suites: new Map(),
    tests: new Map(),
  };
  if (existsSync(`${base}.json`)) {
    const jest = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    Object.assign(run, {
      total: jest.numTotalTests,
      passed: jest.numPassedTests,
      failed: jest.numFailedTests,
      pending: jest.numPendingTests,
      suiteCount: jest.numTotalTestSuites,
      jestWall: (Math.max(...jest.testResults.map((s) => s.endTime)) - jest.startTime) / 1000,
    });
    const root = jest.testResults.length
      ? jest.testResults[0].name.replace(/\/(apps|libs|test)\/.*$/, '')
      : '';
    for (const suite of jest.testResults) {
      run.suites.set(relative(root, suite.name), {
        seconds: (suite.endTime - suite.startTime) / 1000,
        tests: suite.assertionResults.length,
      });
      for (const test of suite.assertionResults) {
        run.tests.set(
          `${relative(root, suite.name)} ${test.fullName}`,
          (test.duration ?? 0) / 1000,
        );
      }
    }
  }
  return run;
}

const runs = readdirSync(out)
  .filter((f) => f.endsWith('.time'))
  .map((f) => f.replace(/\.time$/, '').match(/^(.*)-(\d+)$/))
  .map(([, label, round]) => readRun(label, Number(round)));
const labels = order.length ? order : [...new Set(runs.map((r) => r.label))].sort();
runs.sort((a, b) => a.round - b.round || labels.indexOf(a.label) - labels.indexOf(b.label));

console.log(
  '| run | load before | wall s | CPU s | jest wall s | tests | passed | failed | skipped | tests/s | npm test summary |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of runs) {
  console.log(
    `| ${r.label} ${r.round} | ${r.load} | ${r.wall.toFixed(0)} | ${r.cpu.toFixed(0)} | ${r.jestWall?.toFixed(0)} | ${r.total} | ${r.passed} | ${r.failed} | ${r.pending} | ${(r.passed / r.wall).toFixed(2)} | ${r.summary} |`,
  );
}
console.log(
  '\n| checkout | runs | median wall s | median CPU s | median tests/s (passed per wall s) | CPU ms per passed test |',
);
console.log('|---|---|---|---|---|---|');
for (const label of labels) {
  const mine = runs.filter((r) => r.label === label);
  const cpu = median(mine.map((r) => r.cpu));
  const passed = median(mine.map((r) => r.passed));
  console.log(
    `| ${label} | ${mine.length} | ${median(mine.map((r) => r.wall)).toFixed(0)} | ${cpu.toFixed(0)} | ${median(mine.map((r) => r.passed / r.wall)).toFixed(2)} | ${((cpu * 1000) / passed).toFixed(0)} |`,
  );
}

// Per-suite medians for suites present in every run of both checkouts.
const suiteMedian = (label, name) => {
  const xs = runs
    .filter((r) => r.label === label && r.suites.has(name))
    .map((r) => r.suites.get(name));
  return xs.length
    ? { seconds: median(xs.map((x) => x.seconds)), tests: median(xs.map((x) => x.tests)) }
    : undefined;
};
const names = new Set(runs.flatMap((r) => [...r.suites.keys()]));
const rows = [...names].map((name) => ({ name, per: labels.map((l) => suiteMedian(l, name)) }));
const both = rows.filter((row) => row.per.every(Boolean));
console.log(
  `\nPer suite (median seconds from jest's start/end of each suite; with more than one jest worker they add up to more than the wall):`,
);
console.log(`| suite | ${labels.map((l) => `${l} s (tests)`).join(' | ')} | change s |`);
console.log(`|---|${labels.map(() => '---').join('|')}|---|`);
for (const row of both.sort(
  (a, b) => b.per[1].seconds - b.per[0].seconds - (a.per[1].seconds - a.per[0].seconds),
)) {
  console.log(
    `| ${row.name} | ${row.per.map((p) => `${p.seconds.toFixed(1)} (${p.tests})`).join(' | ')} | ${(row.per[1].seconds - row.per[0].seconds).toFixed(1)} |`,
  );
}
const sum = (label, list) =>
  list.reduce((acc, row) => acc + (row.per[labels.indexOf(label)]?.seconds ?? 0), 0);
console.log(
  `| sum of the ${both.length} suites in both | ${labels.map((l) => sum(l, both).toFixed(0)).join(' | ')} | ${(sum(labels[1], both) - sum(labels[0], both)).toFixed(0)} |`,
);
const only = rows.filter((row) => !row.per.every(Boolean));
for (const label of labels) {
  const own = only.filter((row) => row.per[labels.indexOf(label)]);
  const secs = own.reduce((acc, row) => acc + row.per[labels.indexOf(label)].seconds, 0);
  const tests = own.reduce((acc, row) => acc + row.per[labels.indexOf(label)].tests, 0);
  console.log(
    `Only in ${label}: ${own.length} suites, ${tests} tests, ${secs.toFixed(0)} suite-seconds${own.length && own.length <= 12 ? ': ' + own.map((r) => r.name).join(', ') : ''}`,
  );
}

// The same tests (same suite file and full name) in both: the sum of their own durations (jest's
// per-test time, without the suites' beforeAll/afterAll), median over each checkout's runs.
const common = [...new Set(runs.flatMap((r) => [...r.tests.keys()]))].filter((name) =>
  runs.every((r) => r.tests.has(name)),
);
const sameTests = labels.map((label) =>
  median(
    runs
      .filter((r) => r.label === label)
      .map((r) => common.reduce((acc, name) => acc + r.tests.get(name), 0)),
  ),
);
console.log(
  `\nThe ${common.length} tests of the same name in every run: their own durations add up to ${labels.map((l, i) => `${sameTests[i].toFixed(0)} s (${l})`).join(' and ')}.`,
);
