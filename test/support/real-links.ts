import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extract,
  findLinks,
  OwnerMatcher,
  type EarlierMandate,
  type Extraction,
  type FoundLink,
  type LinkKind,
  KIND_STRENGTH,
  decisionOrder,
} from '@app/extraction';
import { readReal, realNames, REAL_DIR } from './real-set';
import { loadCalendar, loadRegistry, ROOT } from './seed-data';

/** The hand-labelled links between the real set's decisions (LABELLING.md). */
export const LINKS_GOLD = join(ROOT, 'test', 'fixtures', 'links', 'links.gold.json');

export interface GoldLink {
  file: string;
  from: string;
  point: number | null;
  sentence: string;
  to: string;
  explicit: boolean;
  inSet: boolean;
  kind: LinkKind;
  why: string;
}

export interface LinkScore {
  gold: number;
  found: number;
  /** Same from and to. */
  linked: number;
  /** Same from, to and kind. */
  matched: number;
  precision: number;
  recall: number;
  /** Of the links found, the share with the right kind. */
  kindAccuracy: number;
  explicitGold: number;
  explicitFound: number;
  missed: GoldLink[];
  wrong: Array<FoundLink & { file: string; goldKind?: LinkKind }>;
}

/** Every text of the set extracted; every mandate of the set as an earlier mandate. */
export function realExtractions(
  dir: string = REAL_DIR,
): Array<{ file: string; extraction: Extraction; lines: string[] }> {
  const options = { registry: loadRegistry(), calendar: loadCalendar() };
  return realNames(dir).map((name) => {
    const { text } = readReal(name, dir);
    return { file: `${name}.txt`, extraction: extract(text, options), lines: text.split(/\r?\n/) };
  });
}

/** Where a text stands in the council's chronology: its first decision, by number or date. */
function chronologyKey(extraction: Extraction): number {
  const date = extraction.meeting.date ?? extraction.meeting.documentDate;
  const orders = extraction.resolutions.map((r) => decisionOrder(r.id, r.meeting?.date ?? date));
  const first = Math.min(Number.POSITIVE_INFINITY, ...orders);
  return Number.isFinite(first) ? first : date ? decisionOrder('', date) : first;
}

/** The mandates of one text as the ingest stores them and offers them to later texts. */
function storedMandates(extraction: Extraction): EarlierMandate[] {
  const dates = new Map(extraction.resolutions.map((r) => [r.id, r.meeting?.date]));
  const sessions = new Map(
    extraction.resolutions.map((r) => [
      r.id,
      r.meeting?.kind === 'session' && !r.meeting.body ? r.meeting.number : undefined,
    ]),
  );
  const titles = new Map(extraction.resolutions.map((r) => [r.id, r.title]));
  return extraction.mandates.map((m) => ({
    key: `${m.resolution}#${m.point}`,
    resolution: m.resolution,
    point: m.point,
    owners: m.owners,
    action: m.action,
    source: m.source,
    due: m.due,
    decidedOn: dates.get(m.resolution) ?? extraction.meeting.date,
    title: titles.get(m.resolution),
    meeting: sessions.get(m.resolution),
  }));
}

/**
 * The links over the chronology: the texts ingested one after another in session order (by
 * their first decision's number, else their date), each offered only the mandates of the texts
 * before it, as the ingest's link step offers what is stored (libs/links/src/
 * link-proposals.service.ts: the decisions named by number, the still-owed mandates within the horizon,
 * the bodies that go on; the finder applies the same horizon). Nothing is confirmed on the way,
 * so every earlier mandate is still owed.
 */
export function findRealLinks(
  extractions = realExtractions(),
): Array<FoundLink & { file: string }> {
  const matcher = new OwnerMatcher(loadRegistry());
  const chronology = [...extractions].sort(
    (a, b) =>
      chronologyKey(a.extraction) - chronologyKey(b.extraction) || a.file.localeCompare(b.file),
  );
  const stored: EarlierMandate[] = [];
  const found: Array<FoundLink & { file: string }> = [];
  for (const { file, extraction, lines } of chronology) {
    const own = new Set(extraction.resolutions.map((r) => r.id));
    const earlier = stored.filter((m) => !own.has(m.resolution));
    for (const link of findLinks(extraction.resolutions, earlier, {
      matcher,
      lines,
      mandates: extraction.mandates,
      meeting: extraction.meeting.number,
      decidedOn: extraction.meeting.date ?? extraction.meeting.documentDate,
    }))
      found.push({ ...link, file });
    stored.push(...storedMandates(extraction));
  }
  return found;
}

export function readGoldLinks(path = LINKS_GOLD): GoldLink[] {
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { links: GoldLink[] }).links;
}

/** Precision and recall of link and kind: a link counts where from, to and kind agree. */
export function scoreLinks(
  found: Array<FoundLink & { file: string }>,
  labelled: GoldLink[],
): LinkScore {
  const key = (l: { file: string; from: string; to: string }) => `${l.file}|${l.from}|${l.to}`;
  // One link per pair of decisions, as stored: where the labels have several sentences for a
  // pair, the strongest kind stands (a decision that names another as background and also gives
  // it a new deadline extends it).
  const goldBy = new Map<string, GoldLink>();
  for (const g of labelled) {
    const old = goldBy.get(key(g));
    if (!old || KIND_STRENGTH[g.kind] > KIND_STRENGTH[old.kind]) goldBy.set(key(g), g);
  }
  const gold = [...goldBy.values()];
  const foundBy = new Map(found.map((f) => [key(f), f]));
  let linked = 0;
  let matched = 0;
  const wrong: LinkScore['wrong'] = [];
  for (const f of found) {
    const g = goldBy.get(key(f));
    if (g) linked++;
    if (g && g.kind === f.kind) matched++;
    else wrong.push({ ...f, goldKind: g?.kind });
  }
  const missed = gold.filter((g) => {
    const f = foundBy.get(key(g));
    return !f || f.kind !== g.kind;
  });
  return {
    gold: gold.length,
    found: found.length,
    linked,
    matched,
    precision: found.length ? matched / found.length : 1,
    recall: gold.length ? matched / gold.length : 1,
    kindAccuracy: linked ? matched / linked : 1,
    explicitGold: gold.filter((g) => g.explicit).length,
    explicitFound: found.filter((f) => f.explicit && goldBy.has(key(f))).length,
    missed,
    wrong,
  };
}
