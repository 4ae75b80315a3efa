import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, toContractJson, type ExtractOptions } from '@app/extraction';
import { scoreExtraction, type Counts, type Score } from './score-extraction';
import { loadCalendar, loadRegistry, ROOT } from './seed-data';

/** The real development set: texts as found and their hand-made labels (LABELLING.md). */
export const REAL_DIR = join(ROOT, 'test', 'fixtures', 'real');

/**
 * Real texts labelled the same way but kept out of REAL_DIR: no threshold and no rule is made on
 * them, so their figures estimate how the extractor reads texts nobody has tuned on.
 */
export const HELD_OUT_DIR = join(ROOT, 'test', 'fixtures', 'held-out');

export interface RealRow {
  name: string;
  score?: Score;
  /** Set when the extractor refused the text. */
  error?: string;
}

export interface RealTotals {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  owners: number;
  due: number;
  /**
   * Errors nobody is warned of, per gold mandate: gold mandates missed or misread without a flag
   * on the mandate, its point or the text, plus mandates found that the gold lacks, unflagged.
   */
  silent: number;
  /** Share of the mandates found that carry `uncertain`. */
  flagged: number;
}

export function realNames(dir: string = REAL_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice(0, -'.gold.json'.length))
    .sort();
}

export function readReal(
  name: string,
  dir: string = REAL_DIR,
): { text: string; gold: Record<string, unknown> } {
  return {
    text: readFileSync(join(dir, `${name}.txt`), 'utf8'),
    gold: JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8')) as Record<
      string,
      unknown
    >,
  };
}

/** Extracts and scores every text of the set with the scoring rules of score-extraction.py. */
export function scoreRealSet(
  options: ExtractOptions = { registry: loadRegistry(), calendar: loadCalendar() },
  dir: string = REAL_DIR,
): { rows: RealRow[]; totals: RealTotals } {
  const rows = realNames(dir).map((name): RealRow => {
    const { text, gold } = readReal(name, dir);
    try {
      return { name, score: scoreExtraction(gold, toContractJson(extract(text, options))) };
    } catch (error) {
      return { name, error: (error as Error).message };
    }
  });
  return { rows, totals: microAverage(rows, dir) };
}

/** Micro-averaged figures: every mandate of the set counts once, whatever its file. */
export function microAverage(rows: RealRow[], dir: string = REAL_DIR): RealTotals {
  const sum: Counts = {
    gold: 0,
    predicted: 0,
    matched: 0,
    ownersOk: 0,
    dueOk: 0,
    silentGold: 0,
    silentExtra: 0,
    flagged: 0,
  };
  for (const row of rows) {
    if (!row.score) {
      // A refused text says so as a whole: its mandates are missed, but not silently.
      const { gold } = readReal(row.name, dir);
      sum.gold += (gold.mandates as unknown[]).length;
      continue;
    }
    for (const key of Object.keys(sum) as Array<keyof typeof sum>)
      sum[key] += row.score.counts[key];
  }
  const precision = sum.predicted ? sum.matched / sum.predicted : 0;
  const recall = sum.gold ? sum.matched / sum.gold : 1;
  return {
    gold: sum.gold,
    predicted: sum.predicted,
    matched: sum.matched,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    owners: sum.gold ? sum.ownersOk / sum.gold : 1,
    due: sum.gold ? sum.dueOk / sum.gold : 1,
    silent: silentRate(sum),
    flagged: sum.predicted ? sum.flagged / sum.predicted : 0,
  };
}

function silentRate(c: Counts): number {
  return c.gold ? (c.silentGold + c.silentExtra) / c.gold : 0;
}

const f2 = (n: number) => n.toFixed(2);

/** The per-file table and the totals as Markdown (README). */
export function realSetTable(result: { rows: RealRow[]; totals: RealTotals }): string {
  const lines = [
    '| text | gold | found | matched | P | R | F1 | owners | due | silent | flagged |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of result.rows) {
    if (!row.score) {
      lines.push(`| \`${row.name}\` | | refused: ${row.error} | | | | | | | | |`);
      continue;
    }
    const { counts: c, owners, due } = row.score;
    const p = c.predicted ? c.matched / c.predicted : c.gold ? 0 : 1;
    const r = c.gold ? c.matched / c.gold : 1;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    lines.push(
      `| \`${row.name}\` | ${c.gold} | ${c.predicted} | ${c.matched} | ${f2(p)} | ${f2(r)} | ${f2(f)} | ${f2(owners)} | ${f2(due)} | ${f2(silentRate(c))} | ${c.predicted ? f2(c.flagged / c.predicted) : '–'} |`,
    );
  }
  const t = result.totals;
  lines.push(
    `| **all (micro)** | **${t.gold}** | **${t.predicted}** | **${t.matched}** | **${f2(t.precision)}** | **${f2(t.recall)}** | **${f2(t.f1)}** | **${f2(t.owners)}** | **${f2(t.due)}** | **${f2(t.silent)}** | **${f2(t.flagged)}** |`,
  );
  return lines.join('\n');
}
