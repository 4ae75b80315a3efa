import { realSetTable, scoreRealSet } from './real-set';

/** `npm run score:real [-- --verbose]`: the real set's per-file table and totals. */
export function printRealSet(args: string[]): void {
  // `--dir D`: another labelled set in the same layout (texts and *.gold.json).
  const dirAt = args.indexOf('--dir');
  const result = dirAt >= 0 ? scoreRealSet(undefined, args[dirAt + 1]) : scoreRealSet();
  process.stdout.write(`${realSetTable(result)}\n`);
  if (!args.includes('--verbose')) return;
  for (const row of result.rows) {
    const problems = row.error ? [`refused: ${row.error}`] : (row.score?.problems ?? []);
    for (const problem of problems) process.stdout.write(`${row.name}: ${problem}\n`);
  }
}
