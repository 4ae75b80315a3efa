import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract } from '@app/extraction';
import { dataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { ingestServices } from '../support/ingest-services';
import { benchApi, buildDatabaseForBench } from './api.bench';
import { benchDigests } from './digest.bench';
import { benchOverduePostgres, scanTwice } from './overdue-pg.bench';
import { benchStack } from './stack.bench';
import { loadCalendar, loadRegistry, ROOT } from '../support/seed-data';
import { benchScale } from './scale.bench';

const protocol = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');

function line(label: string, value: string, target: string, ok: boolean): void {
  process.stdout.write(
    `${label.padEnd(58)} ${value.padStart(12)}   target ${target.padEnd(10)} ${ok ? 'met' : 'MISSED'}\n`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Parse and extract the sample protocol many times; the median of single runs. */
function benchExtraction(): number {
  const options = { registry: loadRegistry(), calendar: loadCalendar() };
  for (let i = 0; i < 200; i++) extract(protocol, options);
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = performance.now();
    extract(protocol, options);
    times.push(performance.now() - start);
  }
  const ms = median(times);
  line('parse + extract itplr-32.md (median of 1,000)', `${ms.toFixed(3)} ms`, '< 1 ms', ms < 1);
  return ms;
}

/** A protocol of its own for run i: its own session number and decision numbers. */
export function generatedProtocol(i: number): string {
  const year = 1000 + i;
  return protocol
    .replace(/#32\b/g, `#${100 + i}`)
    .replace(/Beschluss 2020 ?\/ ?(\d+)/g, `Beschluss ${year} / $1`);
}

/** Ingest 1,000 generated protocols, one transaction each, into a fresh SQLite file. */
async function benchIngest(count: number): Promise<number> {
  const file = join(tmpdir(), `mt-bench-${process.pid}.sqlite`);
  const dataSource = await new DataSource(dataSourceOptions(`sqlite:${file}`)).initialize();
  try {
    await dataSource.runMigrations();
    const { seeds, ingest, seedsDir } = ingestServices(dataSource);
    await seeds.seedAll(seedsDir);
    const texts = Array.from({ length: count }, (_, i) => generatedProtocol(i));
    const start = performance.now();
    let mandates = 0;
    for (const [i, text] of texts.entries())
      mandates += (await ingest.ingestText(text, `generated-${i}.md`)).mandates;
    const seconds = (performance.now() - start) / 1000;
    const obligations = await dataSource.query('SELECT COUNT(*) AS n FROM obligation');
    line(
      `ingest ${count.toLocaleString('en')} generated protocols into SQLite`,
      `${seconds.toFixed(1)} s`,
      count >= 1000 ? '< 10 s' : '(scaled)',
      count < 1000 || seconds < 10,
    );
    process.stdout.write(
      `  (${mandates.toLocaleString('en')} mandates, ${Number(obligations[0].n).toLocaleString('en')} obligations, ${((seconds * 1000) / count).toFixed(1)} ms per protocol)\n`,
    );
    return seconds;
  } finally {
    await dataSource.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

/** The overdue scan over 1,000,000 obligations (100,000 mandates with 10 owners each). */
async function benchOverdue(): Promise<number> {
  const file = join(tmpdir(), `mt-overdue-bench-${process.pid}.sqlite`);
  try {
    await buildDatabaseForBench(file, 100_000);
    const dataSource = await new DataSource(dataSourceOptions(`sqlite:${file}`)).initialize();
    try {
      return await scanTwice(dataSource, line, {
        label: 'overdue scan over 1,000,000 obligations (SQLite)',
        targetSeconds: 2,
      });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

/**
 * `npm run bench [-- extract|ingest|api|overdue|overdue-pg|digests] [count]`: all sections by
 * default; `overdue` runs the scan on SQLite and, when a server answers, on PostgreSQL.
 */
export async function runBenchmarks(args: string[]): Promise<void> {
  // The stack under load and faults is a run of its own (PostgreSQL, Redis, minutes), never part
  // of the default sections.
  if (args[0] === 'stack') {
    if (!(await benchStack(args.slice(1)))) process.exitCode = 1;
    return;
  }
  // A national service's size on PostgreSQL (minutes, a database of its own), also a run of its own.
  if (args[0] === 'scale') {
    if (!(await benchScale(args.slice(1)))) process.exitCode = 1;
    return;
  }
  const json = args.includes('--json');
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const sections = args.filter((a) => !/^\d+$/.test(a) && a !== '--json');
  const wanted = (name: string) => sections.length === 0 || sections.includes(name);
  process.stdout.write(
    `mandate-tracker benchmarks (node ${process.version}, ${new Date().toISOString()})\n`,
  );
  // The figures of this run in one line (`--json`); a section not run is null. Ingest counts as
  // the 1,000-protocol figure only when it ingested 1,000.
  const figures: Record<string, number | null> = {
    extractMs: null,
    ingest1kS: null,
    listRps: null,
    bareRps: null,
    listP99Ms10: null,
    bareP99Ms10: null,
    overdue1MS: null,
    overduePg1MS: null,
    digests3kS: null,
  };
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  if (wanted('extract')) figures.extractMs = round(benchExtraction(), 3);
  if (wanted('ingest')) {
    const seconds = await benchIngest(count);
    if (count === 1000) figures.ingest1kS = round(seconds, 2);
  }
  if (wanted('api')) Object.assign(figures, await benchApi(line));
  if (wanted('overdue')) figures.overdue1MS = round(await benchOverdue(), 2);
  if (wanted('overdue') || sections.includes('overdue-pg')) {
    const seconds = await benchOverduePostgres(line);
    if (seconds !== null) figures.overduePg1MS = round(seconds, 2);
  }
  if (wanted('digests')) {
    const seconds = await benchDigests(line);
    if (Number(process.env.BENCH_MEMBERS ?? 1000) === 1000) figures.digests3kS = round(seconds, 2);
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}
