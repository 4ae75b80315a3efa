import { realSetTable, scoreRealSet } from './real-set';

/** `npm run score:real [-- --verbose]`: the real set's per-file table and totals. */
export function printRealSet(args: string[]): void {
  const result = scoreRealSet();
  process.stdout.write(`${realSetTable(result)}\n`);
  if (!args.includes('--verbose')) return;
  for (const row of result.rows) {
    const problems = row.error ? [`refused: ${row.error}`] : (row.score?.problems ?? []);
    for (const problem of problems) process.stdout.write(`${row.name}: ${problem}\n`);
  }
}
