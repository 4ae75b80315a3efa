import { LAENDER } from './seed-data';

/**
 * The scoring rules of shared/tools/score-extraction.py, in TypeScript so the suite needs no
 * Python: mandates are matched by resolution, point and owners; owners and deadlines compared.
 */
const STOP = new Set([
  'der',
  'die',
  'das',
  'des',
  'dem',
  'den',
  'und',
  'für',
  'fur',
  'im',
  'in',
  'zu',
  'zur',
  'von',
  'aör',
  'aor',
]);
const SYN: Record<string, string> = {
  arbeitsgruppe: 'ag',
  koordinierungsgruppe: 'kg',
  infosic: 'informationssicherheit',
};
const CODES = new Set([...LAENDER, 'BUND', 'FITKO', 'KOMMUNEN']);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function tokens(name: string): Set<string> {
  const words = (name.toLowerCase().match(/[\wäöüß-]+/g) ?? []).map((w) => SYN[w] ?? w);
  return new Set(words.filter((w) => !STOP.has(w)));
}

function sameOwner(a: string, b: string): boolean {
  if (CODES.has(a.toUpperCase()) || CODES.has(b.toUpperCase()))
    return a.toUpperCase() === b.toUpperCase();
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.size === 0 || tb.size === 0) return false;
  const inter = [...ta].filter((t) => tb.has(t)).length;
  const union = new Set([...ta, ...tb]).size;
  return inter === ta.size || inter === tb.size || inter / union >= 0.5;
}

export function ownerOverlap(gold: string[], pred: string[]): number {
  if (gold.length === 0 && pred.length === 0) return 1;
  const hit = gold.filter((g) => pred.some((p) => sameOwner(g, p))).length;
  return hit / Math.max(new Set([...gold, ...pred]).size, 1);
}

export function ownersEqual(gold: string[], pred: string[]): boolean {
  return (
    gold.length === pred.length &&
    gold.every((g) => pred.some((p) => sameOwner(g, p))) &&
    pred.every((p) => gold.some((g) => sameOwner(g, p)))
  );
}

export function dueEqual(g: Json, p: Json | undefined): boolean {
  if (!p || g.kind !== p.kind) return false;
  if (g.kind === 'meeting') return g.meeting === p.meeting;
  // A list of dates: the first is due, and the later ones must be kept as labelled.
  if (g.kind === 'date')
    return g.date === p.date && JSON.stringify(g.later ?? []) === JSON.stringify(p.later ?? []);
  if (g.kind === 'recurring') return g.fromMeeting === p.fromMeeting;
  return true;
}

const normItem = (s: unknown) =>
  String(s)
    .split('.')
    .map((x) => (/^\d+$/.test(x) ? String(Number(x)) : x))
    .join('.');
const normRes = (s: unknown) => String(s).replace(/\s+/g, '');

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  owners: number;
  due: number;
  resolutions: number;
  problems: string[];
  /** The counts behind the ratios, for micro-averaging over several files. */
  counts: Counts;
}

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
  ownersOk: number;
  dueOk: number;
  /**
   * Gold mandates missed, or read with wrong owners or deadline, with no flag: neither `uncertain`
   * on the mandate, nor a possible miss or a flagged mandate at its point, nor doubt on the text.
   */
  silentGold: number;
  /** Mandates found that the gold does not hold, without `uncertain`. */
  silentExtra: number;
  /** Mandates found with `uncertain`. */
  flagged: number;
}

export function scoreExtraction(gold: Json, pred: Json): Score {
  const problems: string[] = [];
  const byId = new Map<string, Json>((pred.resolutions ?? []).map((r: Json) => [normRes(r.id), r]));
  let fields = 0;
  let fieldsOk = 0;
  for (const g of gold.resolutions ?? []) {
    const p = byId.get(normRes(g.id));
    for (const field of ['id', 'agendaItem', 'vote', 'greenList']) {
      if (!(field in g)) continue;
      fields++;
      const ok =
        p !== undefined &&
        (field === 'agendaItem'
          ? normItem(p[field]) === normItem(g[field])
          : field === 'id'
            ? normRes(p[field]) === normRes(g[field])
            : JSON.stringify(p[field]) === JSON.stringify(g[field]));
      if (ok) fieldsOk++;
      else
        problems.push(
          `resolution ${g.id} ${field}: gold ${JSON.stringify(g[field])} got ${JSON.stringify(p?.[field])}`,
        );
    }
  }
  const preds: Json[] = pred.mandates ?? [];
  const flaggedMandate = (p: Json) => Array.isArray(p.uncertain) && p.uncertain.length > 0;
  const atPoint = (x: Json, g: Json) =>
    normRes(x.resolution) === normRes(g.resolution) && x.point === g.point;
  const pointFlagged = (g: Json) =>
    Boolean(pred.shapeDoubt) ||
    (pred.possibleMisses ?? []).some((miss: Json) => atPoint(miss, g)) ||
    preds.some((p) => atPoint(p, g) && flaggedMandate(p));
  let silentGold = 0;
  const used = new Set<number>();
  let matched = 0;
  let ownersOk = 0;
  let dueOk = 0;
  for (const g of gold.mandates ?? []) {
    let best = -1;
    let bestScore = 0;
    preds.forEach((p, i) => {
      if (used.has(i) || normRes(p.resolution) !== normRes(g.resolution)) return;
      if ('point' in g && p.point !== undefined && p.point !== null && p.point !== g.point) return;
      const s = ownerOverlap(g.owners, p.owners ?? []);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best < 0 || bestScore < 0.5) {
      problems.push(`missed mandate ${g.resolution}.${g.point} owners ${JSON.stringify(g.owners)}`);
      if (!pointFlagged(g)) {
        silentGold++;
        problems.push(`  silent: no flag at ${g.resolution}.${g.point}`);
      }
      continue;
    }
    used.add(best);
    matched++;
    const p = preds[best];
    const wrong = !ownersEqual(g.owners, p.owners ?? []) || !dueEqual(g.due, p.due);
    if (wrong && !flaggedMandate(p) && !pred.shapeDoubt) {
      silentGold++;
      problems.push(`  silent: ${g.resolution}.${g.point} read wrong without a flag`);
    }
    if (ownersEqual(g.owners, p.owners ?? [])) ownersOk++;
    else
      problems.push(
        `owners ${g.resolution}.${g.point}: gold ${JSON.stringify(g.owners)} got ${JSON.stringify(p.owners)}`,
      );
    if (dueEqual(g.due, p.due)) dueOk++;
    else
      problems.push(
        `due ${g.resolution}.${g.point}: gold ${JSON.stringify(g.due)} got ${JSON.stringify(p.due)}`,
      );
  }
  let silentExtra = 0;
  preds.forEach((p, i) => {
    if (used.has(i)) return;
    const silent = !flaggedMandate(p) && !pred.shapeDoubt;
    if (silent) silentExtra++;
    problems.push(
      `extra mandate ${p.resolution}.${p.point} owners ${JSON.stringify(p.owners)}${silent ? ' (silent)' : ''}`,
    );
  });
  const nGold = (gold.mandates ?? []).length;
  const precision = preds.length ? matched / preds.length : 0;
  const recall = nGold ? matched / nGold : 1;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    owners: nGold ? ownersOk / nGold : 1,
    due: nGold ? dueOk / nGold : 1,
    resolutions: fields ? fieldsOk / fields : 1,
    problems,
    counts: {
      gold: nGold,
      predicted: preds.length,
      matched,
      ownersOk,
      dueOk,
      silentGold,
      silentExtra,
      flagged: preds.filter(flaggedMandate).length,
    },
  };
}
