import type { Due, ExtractedMandate, ExtractedResolution } from '../extraction.types';
import type { OwnerMatcher } from '../mandates/owner-matcher';
import { splitSentences } from '../text/sentences';
import { decisionNumbers, normaliseDecisionId } from './decision-references';
import { classifyLink, FULFILS, KIND_STRENGTH, REPORT_NOUN, type LinkKind } from './link.kinds';

/** An earlier mandate a new decision may answer. */
export interface EarlierMandate {
  /** The caller's handle for it (a database id, or `resolution#point` in tests). */
  key: string | number;
  resolution: string;
  point: number;
  owners: string[];
  action: string;
  source: string;
  /** Its deadline: the finder asks only whether it was due at the new decision's session. */
  due: { kind: Due['kind']; meeting?: number };
  /** The session it was decided at, where numbered. */
  meeting?: number;
  /** When it was decided (ISO date), where known: orders decisions without a number. */
  decidedOn?: string;
  /** Its decision's title. */
  title?: string;
}

/** A link from a sentence of a new decision to an earlier decision (and its mandates). */
export interface FoundLink {
  /** The new (later) decision. */
  from: string;
  /** Its point; null where the link is made in the title. */
  point: number | null;
  /** The sentence that makes the link, as written. */
  sentence: string;
  /** 1-based line of the input where the point (or title) starts. */
  line: number;
  /** The earlier decision, as YYYY/NN where it has a number. */
  to: string;
  /** The text names the earlier decision by its number; else it was found by owner and subject. */
  explicit: boolean;
  kind: LinkKind;
  /** Why this link and this kind, for the person who confirms it. */
  reason: string;
  /** The earlier mandates it concerns (their keys); empty where none is known. */
  mandates: Array<string | number>;
  /** The owners whose obligations it concerns; empty for all of the mandates' owners. */
  owners: string[];
  /** For `extends`: the new deadline, from the new decision's mandate in the same point. */
  due?: Due;
}

export interface LinkContext {
  matcher: OwnerMatcher;
  /** The new decisions' mandates, for the new deadline of an extension. */
  mandates: ExtractedMandate[];
  /** The session of the new decisions, where numbered. */
  meeting?: number;
  /** The day they were taken (ISO), where known. */
  decidedOn?: string;
  /** The input's lines, to read numbers outside titles and points (a table's "Quelle"). */
  lines?: string[];
}

/** Significant words this short or this common say nothing about what a task is about. */
const GENERIC = new Set(
  [
    'planungsrat',
    'it-planungsrat',
    'sitzung',
    'bericht',
    'berichten',
    'berichtet',
    'vorzulegen',
    'vorlegen',
    'vorgelegt',
    'vorgelegten',
    'beschluss',
    'beschließt',
    'kenntnis',
    'gebeten',
    'bittet',
    'beauftragt',
    'beauftragen',
    'nächsten',
    'nächste',
    'weiteren',
    'weitere',
    'hierzu',
    'darüber',
    'entsprechend',
    'entsprechende',
    'geschäftsstelle',
    'länder',
    'ländern',
    'bundes',
    'zusammenarbeit',
    'insbesondere',
    'erstellen',
    'erarbeiten',
    'sowie',
    'hierfür',
    'dieser',
    'dieses',
    'diesen',
    'welche',
    'werden',
    'wurde',
    'wurden',
    'worden',
    'haben',
    'sollen',
    'können',
    'zwischen',
    'gemeinsam',
    'gemeinsamen',
    'unter',
    'stand',
    'umsetzung',
  ].map(stem),
);

/** A crude German stem: lowercase, common endings off, at most 8 letters. */
function stem(word: string): string {
  const lower = word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const cut = lower.replace(/(?:ungen|ung|en|er|es|em|e|n|s)$/u, '');
  return (cut.length >= 5 ? cut : lower).slice(0, 8);
}

/** The words of a text that can say what it is about (stems of words of 6 letters or more). */
function subjectWords(text: string, ownerSpans: Array<[number, number]>): Set<string> {
  const words = new Set<string>();
  const pattern = /[\p{L}][\p{L}-]{5,}/gu;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const at = match.index;
    if (ownerSpans.some(([s, e]) => at >= s && at < e)) continue;
    for (const part of match[0].split('-')) {
      if (part.length < 5) continue;
      const s = stem(part);
      if (!GENERIC.has(s)) words.add(s);
    }
  }
  return words;
}

/** An earlier mandate's subject words, read once however many sentences it is compared with. */
const TASK_WORDS = new WeakMap<EarlierMandate, Set<string>>();
const BODY_WORDS = new WeakMap<EarlierMandate, Set<string>>();
function taskWords(m: EarlierMandate): Set<string> {
  let words = TASK_WORDS.get(m);
  if (!words) TASK_WORDS.set(m, (words = subjectWords(`${m.action} ${m.source}`, [])));
  return words;
}
function taskAndTitleWords(m: EarlierMandate): Set<string> {
  let words = BODY_WORDS.get(m);
  if (!words)
    BODY_WORDS.set(m, (words = subjectWords(`${m.action} ${m.source} ${m.title ?? ''}`, [])));
  return words;
}

/** How decisions follow one another: by number (YYYY/NN), else by date. */
export function decisionOrder(id: string, decidedOn?: string): number {
  const numbered = /^(20\d{2}|19\d{2})\/(\d{1,3})$/.exec(id);
  if (numbered) return Number(numbered[1]) * 1000 + Number(numbered[2]);
  const date = decidedOn ?? /^(\d{4}-\d{2}-\d{2})/.exec(id)?.[1];
  if (date) {
    const [y, m, d] = date.split('-').map(Number);
    // A date sorts inside its year like a decision number would (about 80 per year).
    return y * 1000 + Math.round(((m - 1) * 31 + d) / 5);
  }
  return Number.POSITIVE_INFINITY;
}

interface SentenceAt {
  resolution: ExtractedResolution;
  point: number | null;
  line: number;
  text: string;
}

function sentencesOf(resolution: ExtractedResolution): SentenceAt[] {
  const out: SentenceAt[] = [];
  if (resolution.title)
    out.push({ resolution, point: null, line: resolution.line, text: resolution.title });
  for (const point of resolution.points) {
    for (const sentence of splitSentences(point.text.replace(/\s+/g, ' ')))
      out.push({ resolution, point: point.number, line: point.line, text: sentence.text });
  }
  return out;
}

/**
 * The lines of the input around a decision that are neither its title nor its points: a web
 * page's "Bezug", a table's "Quelle" column. A number there is the agenda item's origin.
 */
function headerSentences(
  resolution: ExtractedResolution,
  next: number | undefined,
  lines: string[] | undefined,
): SentenceAt[] {
  if (!lines) return [];
  const firstPoint = resolution.points[0]?.line ?? resolution.line;
  const out: SentenceAt[] = [];
  const last = Math.min(lines.length, next !== undefined ? next - 1 : firstPoint, firstPoint);
  for (let n = resolution.line; n <= last; n++) {
    let text = lines[n - 1] ?? '';
    // A point that starts on this line is read as a point.
    const pointAt = resolution.points.find((p) => p.line === n);
    if (pointAt) {
      const at = text.indexOf(pointAt.text.slice(0, 40));
      if (at >= 0) text = text.slice(0, at);
    }
    if (text.trim()) out.push({ resolution, point: null, line: n, text });
  }
  return out;
}

/** The verdict of a decision on what its agenda item came from: its first point's main clause. */
function verdict(resolution: ExtractedResolution): string {
  const first = resolution.points[0]?.text.replace(/\s+/g, ' ') ?? '';
  return first.split(/,?\s+und\s+(?=bittet|beauftragt|fordert|ersucht)|;/)[0];
}

/**
 * The links of new decisions to earlier ones: every decision number a sentence names (other than
 * its own), and, where a decision answers an earlier mandate without its number, that mandate
 * (see `implicitLink`). Each link gets its kind from the sentence's grammar (see `classifyLink`);
 * where one decision links to another in several sentences, the strongest effect stands.
 */
export function findLinks(
  resolutions: ExtractedResolution[],
  earlier: EarlierMandate[],
  context: LinkContext,
): FoundLink[] {
  const links = new Map<string, FoundLink>();
  const keep = (link: FoundLink) => {
    const key = `${link.from}|${link.to}`;
    const old = links.get(key);
    if (!old || KIND_STRENGTH[link.kind] > KIND_STRENGTH[old.kind]) links.set(key, link);
  };
  const byDecision = new Map<string, EarlierMandate[]>();
  for (const m of earlier) {
    const list = byDecision.get(m.resolution) ?? [];
    list.push(m);
    byDecision.set(m.resolution, list);
  }
  const starts = resolutions.map((r) => r.line).sort((a, b) => a - b);
  for (const resolution of resolutions) {
    const own = normaliseDecisionId(resolution.id);
    const next = starts.find((l) => l > resolution.line);
    const sentences = [
      ...headerSentences(resolution, next, context.lines),
      ...sentencesOf(resolution),
    ];
    let explicit = false;
    for (const s of sentences) {
      const refs = decisionNumbers(s.text).filter((r) => r.id !== own);
      if (refs.length === 0) continue;
      explicit = true;
      const named = [...new Set(context.matcher.findAll(s.text).flatMap((m) => m.owners))];
      for (const ref of refs) {
        // A number in the title or the header is where the item came from: the decision's
        // points say what becomes of it.
        const kind =
          s.point === null && resolution.points.length > 0
            ? classifyLink(verdict(resolution))
            : classifyLink(s.text, ref);
        const targets = concerned(byDecision.get(ref.id) ?? [], named, kind);
        keep({
          from: resolution.id,
          point: s.point,
          sentence: s.text.trim(),
          line: s.line,
          to: ref.id,
          explicit: true,
          kind: kind.kind,
          reason: `names decision ${ref.id} (“${ref.text.trim()}”); ${kind.reason}`,
          mandates: targets.mandates.map((m) => m.key),
          owners: targets.owners,
          ...(kind.kind === 'extends'
            ? withDue(dueInPoint(context.mandates, resolution.id, s.point, s.text))
            : {}),
        });
      }
    }
    if (explicit) continue;
    const implicit = implicitLink(resolution, earlier, context);
    if (implicit) keep(implicit);
  }
  return [...links.values()];
}

function withDue(due: Due | undefined): { due?: Due } {
  return due && due.kind !== 'none' ? { due } : {};
}

/** The deadline of the new decision's mandate made by this sentence, or else in its point. */
function dueInPoint(
  mandates: ExtractedMandate[],
  resolution: string,
  point: number | null,
  sentence: string,
): Due | undefined {
  const inPoint = mandates.filter((m) => m.resolution === resolution && m.point === point);
  const same = inPoint.find((m) => sentence.includes(m.source) || m.source.includes(sentence));
  return (same ?? inPoint.find((m) => m.due.kind !== 'none'))?.due;
}

/**
 * Which mandates of the referenced decision a link concerns: those of the owners the sentence
 * names (a report of FITKO closes FITKO's task, not the Länder's), else all of them. A `fulfils`
 * link to a decision with several mandates, none of whose owners is named, concerns its reports.
 */
function concerned(
  mandates: EarlierMandate[],
  named: string[],
  kind: { kind: LinkKind },
): { mandates: EarlierMandate[]; owners: string[] } {
  if (mandates.length === 0) return { mandates: [], owners: [] };
  const byOwner = mandates.filter((m) => m.owners.some((o) => named.includes(o)));
  if (byOwner.length > 0) {
    const owners = [...new Set(byOwner.flatMap((m) => m.owners.filter((o) => named.includes(o))))];
    const all = byOwner.every((m) => m.owners.every((o) => owners.includes(o)));
    return { mandates: byOwner, owners: all ? [] : owners };
  }
  if (kind.kind === 'fulfils' && mandates.length > 1) {
    const reports = mandates.filter((m) => REPORT_NOUN.test(m.action) || /bericht/i.test(m.action));
    if (reports.length > 0) return { mandates: reports, owners: [] };
  }
  return { mandates, owners: [] };
}

/** Quotes and spacing aside, for finding an owner's name as written. */
function plain(text: string): string {
  return text.replace(/[„“”"'‚‘’»«]/g, '').replace(/\s+/g, ' ');
}

/**
 * The owners of earlier mandates a sentence names: by the registry (codes), or, for owners the
 * registry does not know, by their names as the earlier text wrote them.
 */
function ownersNamed(
  sentence: string,
  registryOwners: string[],
  candidates: EarlierMandate[],
): Set<string> {
  const named = new Set(registryOwners);
  const text = plain(sentence);
  for (const m of candidates)
    for (const o of m.owners)
      if (!named.has(o) && o.length >= 8 && text.includes(plain(o))) named.add(o);
  return named;
}

/** How far back a link without a number is looked for: eight sessions, or three years by date. */
export const LINK_HORIZON_SESSIONS = 8;
export const LINK_HORIZON_YEARS = 3;

/** What a council answers without citing it is recent: within the horizon of the new decision. */
function withinHorizon(
  m: EarlierMandate,
  session: number | undefined,
  decidedOn?: string,
): boolean {
  if (session !== undefined && m.meeting !== undefined)
    return m.meeting >= session - LINK_HORIZON_SESSIONS;
  if (decidedOn && m.decidedOn)
    return (
      m.decidedOn >= `${Number(decidedOn.slice(0, 4)) - LINK_HORIZON_YEARS}${decidedOn.slice(4)}`
    );
  return true;
}

/** The session a decision was taken at, where it is a numbered session of the council. */
function sessionOf(resolution: ExtractedResolution, context: LinkContext): number | undefined {
  const m = resolution.meeting;
  if (m && (m.kind !== 'session' || m.body)) return undefined;
  return m?.number ?? context.meeting;
}

/**
 * An earlier mandate a decision answers without naming it. Two forms of the council's grammar:
 * - it takes note of, approves or accepts a report, concept or proposal (`fulfils`) that an
 *   earlier mandate asked of an owner the sentence names, or that was due at this very session;
 * - it asks the same owner again for the same thing (`extends`): a new mandate of the decision
 *   whose task shares most of its significant words with an earlier mandate of that owner.
 * The subject must agree (significant words of the sentence and title against the earlier task
 * and its decision's title); the best-scoring candidate wins, the latest on a tie.
 */
function implicitLink(
  resolution: ExtractedResolution,
  earlier: EarlierMandate[],
  context: LinkContext,
): FoundLink | undefined {
  const order = decisionOrder(resolution.id, resolution.meeting?.date ?? context.decidedOn);
  const session = sessionOf(resolution, context);
  const decidedOn = resolution.meeting?.date ?? context.decidedOn;
  const before = earlier.filter(
    (m) => m.resolution !== resolution.id && decisionOrder(m.resolution, m.decidedOn) < order,
  );
  const candidates = before.filter((m) => withinHorizon(m, session, decidedOn));
  if (before.length === 0) return undefined;
  const title = resolution.title ?? '';
  const titleWords = subjectWords(title, []);
  // A report received is what a decision is about; a task asked for again by similar words
  // alone is weaker evidence. So the best report taken note of wins over the best repetition.
  const best: Record<
    'report' | 'again',
    { link: FoundLink; score: number; order: number } | undefined
  > = { report: undefined, again: undefined };
  const consider = (
    form: 'report' | 'again',
    link: FoundLink,
    score: number,
    m: EarlierMandate,
  ) => {
    const o = decisionOrder(m.resolution, m.decidedOn);
    const now = best[form];
    if (!now || score > now.score + 0.5 || (Math.abs(score - now.score) <= 0.5 && o > now.order))
      best[form] = { link, score, order: o };
  };

  // The same owner asked again for the same thing: the task goes on.
  for (const n of context.mandates.filter((x) => x.resolution === resolution.id)) {
    const mine = subjectWords(`${n.action} ${n.source}`, []);
    for (const m of candidates) {
      const owners = m.owners.filter((o) => n.owners.includes(o));
      if (owners.length === 0) continue;
      const theirs = taskWords(m);
      const common = [...mine].filter((w) => theirs.has(w));
      const share = common.length / Math.max(1, Math.min(mine.size, theirs.size));
      if (common.length < 4 || share < 0.5) continue;
      consider(
        'again',
        {
          from: resolution.id,
          point: n.point,
          sentence: n.source,
          line: n.line,
          to: m.resolution,
          explicit: false,
          kind: 'extends',
          reason: `asks ${owners.join(', ')} again for what ${m.resolution} point ${m.point} asked (same task: ${common.slice(0, 4).join(', ')})`,
          mandates: [m.key],
          owners: owners.length === m.owners.length ? [] : owners,
          ...withDue(n.due),
        },
        common.length + share * 2,
        m,
      );
    }
  }

  // A report, concept or proposal taken note of or approved.
  for (const s of sentencesOf(resolution)) {
    if (s.point === null || !FULFILS.test(s.text) || !REPORT_NOUN.test(s.text)) continue;
    const mentions = context.matcher.findAll(s.text);
    const members = mentions.filter((x) => x.kind === 'member').flatMap((x) => x.owners);
    const named = [
      ...ownersNamed(
        s.text,
        mentions.flatMap((x) => x.owners),
        candidates,
      ),
    ];
    const words = subjectWords(
      s.text,
      mentions.map((x) => [x.start, x.end]),
    );
    for (const w of titleWords) words.add(w);
    for (const m of candidates) {
      const byOwner = m.owners.some((o) => named.includes(o));
      const dueHere =
        session !== undefined && m.due.kind === 'meeting' && m.due.meeting === session;
      // Due here counts unless the sentence names members and none of them owes it ("der
      // Bericht Hessens" does not answer what Bremen owes).
      const otherMembers = members.length > 0 && !m.owners.some((o) => members.includes(o));
      if (!byOwner && !(dueHere && !otherMembers)) continue;
      const theirs = taskAndTitleWords(m);
      const common = [...words].filter((w) => theirs.has(w));
      const share = common.length / Math.max(1, Math.min(words.size, theirs.size));
      if (common.length < 2 || share < 0.25) continue;
      const owners = m.owners.filter((o) => named.includes(o));
      consider(
        'report',
        {
          from: resolution.id,
          point: s.point,
          sentence: s.text,
          line: s.line,
          to: m.resolution,
          explicit: false,
          kind: classifyLink(s.text).kind === 'extends' ? 'extends' : 'fulfils',
          reason: `takes note of what ${m.resolution} point ${m.point} asked${byOwner ? ` of ${m.owners.join(', ')}` : ''}${dueHere ? ` for this session` : ''} (same subject: ${common.slice(0, 4).join(', ')})`,
          mandates: [m.key],
          owners: owners.length > 0 && owners.length < m.owners.length ? owners : [],
        },
        common.length + share * 2 + (dueHere ? 2 : 0) + (byOwner ? 1 : 0),
        m,
      );
    }
  }
  // A body the council set up goes on: "beschließt die Fortführung der Kooperationsgruppe". The
  // body must be what goes on (named right after the word), and its task is where it was set up:
  // its first mandate.
  for (const s of sentencesOf(resolution)) {
    const going = CONTINUES.exec(s.text);
    if (s.point === null || !going) continue;
    const after = s.text.slice(going.index, going.index + going[0].length + 70);
    const bodies = ownersNamed(
      after,
      context.matcher
        .findAll(after)
        .filter((x) => x.kind === 'body' || x.kind === 'group')
        .flatMap((x) => x.owners),
      before,
    );
    // However long ago it was set up: no horizon here.
    const first = before
      .filter((m) => m.owners.some((o) => bodies.has(o)))
      .sort(
        (a, b) =>
          decisionOrder(a.resolution, a.decidedOn) - decisionOrder(b.resolution, b.decidedOn),
      )[0];
    if (!first) continue;
    consider(
      'again',
      {
        from: resolution.id,
        point: s.point,
        sentence: s.text,
        line: s.line,
        to: first.resolution,
        explicit: false,
        kind: 'extends',
        reason: `“${going[0]}” of ${first.owners.filter((o) => bodies.has(o)).join(', ')}, set up by ${first.resolution} point ${first.point}`,
        mandates: [first.key],
        owners: [],
      },
      4,
      first,
    );
  }
  return (best.report ?? best.again)?.link;
}

/** A body's work goes on. */
const CONTINUES =
  /\b(?:Fortführung|fortgeführt|fortzuführen|verlängert|Verlängerung|weitergeführt|setzt\b[^.]{0,80}?\bfort)\b/u;

/**
 * What `findLinks` could link to, so a caller with many stored mandates loads only those: the
 * decision numbers the texts name, the owners they name or give mandates to (registry codes, and
 * those of `knownOwners` whose names appear), and the words after a "Fortführung" (a body set up
 * long ago, to be looked up without the horizon).
 */
export function ownersIn(text: string, names: string[], matcher: OwnerMatcher): string[] {
  const found = new Set(matcher.findAll(text).flatMap((m) => m.owners));
  const plainText = plain(text);
  for (const n of names) if (n.length >= 8 && plainText.includes(plain(n))) found.add(n);
  return [...found];
}

export function linkTargets(
  resolutions: ExtractedResolution[],
  context: { matcher: OwnerMatcher; mandates: ExtractedMandate[]; knownOwners?: string[] },
): { codes: string[]; owners: string[]; continued: string[] } {
  const codes = new Set<string>();
  const continued: string[] = [];
  const owners = new Set<string>(context.mandates.flatMap((m) => m.owners));
  const texts: string[] = [];
  for (const resolution of resolutions) {
    const own = normaliseDecisionId(resolution.id);
    for (const s of sentencesOf(resolution)) {
      texts.push(s.text);
      for (const ref of decisionNumbers(s.text)) if (ref.id !== own) codes.add(ref.id);
      for (const m of context.matcher.findAll(s.text)) for (const o of m.owners) owners.add(o);
      const going = CONTINUES.exec(s.text);
      if (going && s.point !== null)
        continued.push(s.text.slice(going.index, going.index + going[0].length + 70));
    }
  }
  const all = plain(texts.join(' '));
  for (const o of context.knownOwners ?? [])
    if (o.length >= 8 && all.includes(plain(o))) owners.add(o);
  return { codes: [...codes], owners: [...owners], continued };
}
