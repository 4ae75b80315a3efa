import { HELD_OUT_DIR, REAL_DIR, realSetTable, scoreRealSet } from './real-set';

/**
 * `npm run score:real [-- --verbose]`: the development set's per-file table and totals, then the
 * held-out set's (test/fixtures/held-out) as a table of its own, never mixed into the first.
 */
export function printRealSet(args: string[]): void {
  // `--dir D`: only another labelled set in the same layout (texts and *.gold.json).
  const dirAt = args.indexOf('--dir');
  const sets: Array<[string, string]> =
    dirAt >= 0
      ? [[args[dirAt + 1], args[dirAt + 1]]]
      : [
          ['development set (test/fixtures/real)', REAL_DIR],
          ['held-out set (test/fixtures/held-out)', HELD_OUT_DIR],
        ];
  for (const [title, dir] of sets) {
    const result = scoreRealSet(undefined, dir);
    process.stdout.write(`${sets.length > 1 ? `\n${title}\n\n` : ''}${realSetTable(result)}\n`);
    if (!args.includes('--verbose')) continue;
    for (const row of result.rows) {
      const problems = row.error ? [`refused: ${row.error}`] : (row.score?.problems ?? []);
      for (const problem of problems) process.stdout.write(`${row.name}: ${problem}\n`);
    }
  }
}
