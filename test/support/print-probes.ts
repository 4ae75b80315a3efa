import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, type Extraction } from '@app/extraction';
import { dueEqual, ownerOverlap, ownersEqual } from './score-extraction';
import { LAENDER, loadCalendar, loadRegistry, ROOT } from './seed-data';

/**
 * `npm run score:probes [-- --verbose]`: the probe cases written blind (test/fixtures/probes), each
 * read and compared with what its writer expected: right, wrong but flagged, or wrong silently.
 * Owners and deadlines compare as in `score:real` (a hedge's `soft` is not compared there either).
 */
interface ProbeCase {
  id: string;
  family: string;
  text: string;
  expect: Array<{ owners: string[]; due: Record<string, unknown> }>;
}

export function printProbes(args: string[]): void {
  const options = { registry: loadRegistry(), calendar: loadCalendar() };
  const fileAt = args.indexOf('--file');
  const file =
    fileAt >= 0 ? args[fileAt + 1] : join(ROOT, 'test', 'fixtures', 'probes', 'round-5.jsonl');
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ProbeCase);
  const tally = { right: 0, flagged: 0, silent: 0 };
  const mandates = { read: 0, doubted: 0 };
  for (const probe of cases) {
    const { problems, silent, read, doubted } = judge(probe, options);
    mandates.read += read;
    mandates.doubted += doubted;
    const verdict = problems.length === 0 ? 'right' : silent ? 'silent' : 'flagged';
    tally[verdict]++;
    if (problems.length > 0 && args.includes('--verbose'))
      process.stdout.write(
        `${probe.id} (${probe.family}) ${verdict}\n${problems.map((p) => `  ${p}\n`).join('')}`,
      );
  }
  // The flag keeps its meaning only while it stays on a minority of the readings (issue: ≤ 0.25).
  const share = mandates.read === 0 ? 0 : mandates.doubted / mandates.read;
  process.stdout.write(
    `${cases.length} probe cases: ${tally.right} read right, ${tally.flagged} wrong but flagged, ${tally.silent} wrong silently; ${mandates.doubted} of ${mandates.read} mandates read flagged (${share.toFixed(2)})\n`,
  );
}

function judge(
  probe: ProbeCase,
  options: Parameters<typeof extract>[1],
): { problems: string[]; silent: boolean; read: number; doubted: number } {
  let read: Pick<Extraction, 'mandates' | 'possibleMisses' | 'shapeDoubt'>;
  let refused = false;
  try {
    read = extract(probe.text, options);
  } catch {
    read = { mandates: [], possibleMisses: [] };
    refused = true;
  }
  // The cases give no points: a miss counts as flagged where the text carries any doubt.
  const pointFlagged =
    refused ||
    Boolean(read.shapeDoubt) ||
    read.possibleMisses.length > 0 ||
    read.mandates.some((m) => m.uncertain.length > 0);
  const owners = (list: string[]) => list.flatMap((o) => (o === 'Länder' ? LAENDER : [o]));
  const used = new Set<number>();
  const problems: string[] = [];
  let silent = false;
  for (const want of probe.expect) {
    const at = read.mandates.findIndex(
      (m, i) => !used.has(i) && ownerOverlap(owners(want.owners), m.owners) >= 0.5,
    );
    if (at < 0) {
      problems.push(`missed ${JSON.stringify(want.owners)}`);
      silent ||= !pointFlagged;
      continue;
    }
    used.add(at);
    const got = read.mandates[at];
    if (!ownersEqual(owners(want.owners), got.owners) || !dueEqual(want.due, got.due)) {
      problems.push(
        `read ${JSON.stringify(got.owners)} ${JSON.stringify(got.due)}, expected ${JSON.stringify(want.owners)} ${JSON.stringify(want.due)}`,
      );
      silent ||= got.uncertain.length === 0 && !read.shapeDoubt;
    }
  }
  read.mandates.forEach((m, i) => {
    if (used.has(i)) return;
    problems.push(`extra ${JSON.stringify(m.owners)}: ${m.source.slice(0, 80)}`);
    silent ||= m.uncertain.length === 0 && !read.shapeDoubt;
  });
  const doubted = read.mandates.filter((m) => m.uncertain.length > 0 || read.shapeDoubt).length;
  return { problems, silent, read: read.mandates.length, doubted };
}
