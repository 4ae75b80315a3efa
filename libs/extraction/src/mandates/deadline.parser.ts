import type { Due } from '@app/domain';
import type { BodySessions } from '../document/parsed-document';
import type { CalendarSession } from '../extraction.types';
import { MONTH_NAMES, MONTH_SHORT_PATTERN, monthNumber } from '../text/german-dates';
import { needlesOf } from '../text/regex-needles';
import { RULES } from './deadline.rules';
import { attributiveTime, OBJECT_TIME_AFTER, TIME_LABEL_WORD } from './deadline-words';
import { SERIES_RULES } from './deadline-series.rules';

/** Series forms first: at the same place in a clause, their reading wins. */
const ALL_RULES = [...SERIES_RULES, ...RULES];
/**
 * The rules' hints, each distinct one once (many rules share "sitzung" or a month's name): a
 * clause is tested for each at most once (speed).
 */
const hintKey = (hint: RegExp) => `/${hint.source}/${hint.flags.replace('g', '')}`;
const HINTS = [
  ...new Map(ALL_RULES.flatMap((r) => (r.hint ? [[hintKey(r.hint), r.hint]] : []))).values(),
];
const HINT_OF = ALL_RULES.map((rule) =>
  rule.hint ? HINTS.findIndex((hint) => hintKey(hint) === hintKey(rule.hint as RegExp)) : -1,
);
const HINT_TESTS = HINTS.map((hint) => new RegExp(hint.source, hint.flags.replace('g', '')));
/** Per hint, words it cannot match without: most clauses lack them, and `includes` is cheap. */
const NEEDLES_OF = HINTS.map((hint) => needlesOf(hint) ?? []);
const NEEDLES = [...new Set(NEEDLES_OF.flat())];
/** Per hint, the positions of its needles in NEEDLES; empty where it has none (always tested). */
const HINT_NEEDLES = NEEDLES_OF.map((needles) => needles.map((n) => NEEDLES.indexOf(n)));

/**
 * Whether the clause (lowercase) holds the hint: its needles first, then the hint itself. `seen`
 * keeps, per needle, 0 not looked for yet, 1 present, 2 absent (each looked for once per clause).
 */
function hintFound(hint: number, lower: string, seen: Uint8Array): boolean {
  const needles = HINT_NEEDLES[hint];
  if (needles.length > 0) {
    let any = false;
    for (let i = 0; i < needles.length && !any; i++) {
      const n = needles[i];
      if (seen[n] === 0) seen[n] = lower.indexOf(NEEDLES[n]) >= 0 ? 1 : 2;
      any = seen[n] === 1;
    }
    if (!any) return false;
  }
  return HINT_TESTS[hint].test(lower);
}

/** What a deadline phrase is read against. */
export interface DeadlineContext {
  /**
   * The session "die nächste Sitzung" follows: the one that took the decision, or for a special
   * session the last regular one before it. Unknown where the text names no session.
   */
  meeting?: number;
  /** The decision's year, for dates without one ("bis zum 15. September"). */
  year: number;
  /**
   * The text gives no year: `year` is a stand-in, and a reading that depends on it ("bis Ende des
   * Jahres" in a page without a date) is no deadline but a doubt.
   */
  yearUnknown?: true;
  /** The day the decision was taken: a date before it describes the past, not a deadline. */
  decidedOn?: string;
  calendar: CalendarSession[];
  /** The other body whose minutes or decisions these are: its numbered sessions are not the council's. */
  body?: string;
  /** Names of the council, so "Sitzung des IT-Planungsrats" is its own and "der AL-Runde" is not. */
  councilAliases: string[];
  /** Another body's minutes: its next sessions as the page dates them. */
  bodySessions?: BodySessions;
}

export interface ParsedDeadline {
  due: Due;
  /** A deadline-like phrase was left unread (a span "von 2017 bis 2019"): the reading may miss it. */
  unclear?: true;
  /** The phrase as written, empty for `none`. */
  text: string;
}

/** Words of which every rule needs one: a clause without them names no deadline (speed). */
const ANY_DEADLINE_WORD =
  /sitzung|turnus|beratungsfolge|nächsten|kommend|diesem jahr|bis|zum|ab dem|ab \d|abschluss|binnen|innerhalb|monat|wochen|tagen|schuljahr|semester|quartalsweise|vorbehaltlich|frist|termin|jahr|jährlich|(?:19|20)\d\d|nach|sobald|laufend|regelmäßig|jeder|quartal|mitte|ende|ablauf|stichtag|kalenderwoche|frühjahr|frühling|sommer|herbst|spätestens|q[1-4]|ostern|pfingsten|weihnacht|alle |jedes |jeden monat|einmal |turnus|rhythmus|anschluss|nachgang|beginn de|start de|vor der [a-zäöü]|vorfeld|januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember/;

const SOFT = /\b(?:möglichst|nach\s+Möglichkeit|wenn\s+möglich|soweit\s+möglich|idealerweise)\s*$/i;
/** "bis möglichst Ende 2022": a hedge inside the phrase; read without it, and soft. */
const SOFT_INSIDE = /\bbis\s+(?:möglichst|nach\s+Möglichkeit|wenn\s+möglich|idealerweise)\s+/gi;
/** "31. Dez. 2022", "bis Okt. 2023": a month's short form after a day or before a year. */
const MONTH_SHORT = new RegExp(
  `(?<![\\p{L}])(${MONTH_SHORT_PATTERN})\\.(?=\\s?(?:(?:19|20)\\d\\d|d\\.\\s?J\\.|[,;)]|$))|(?<=\\d\\.\\s?)(${MONTH_SHORT_PATTERN})\\.(?!\\p{L})`,
  'gu',
);
const ANY_MONTH_SHORT = new RegExp(`(?:${MONTH_SHORT_PATTERN})\\.`);
/** "bis einschließlich 31.12.", "bis inkl. Mai 2023": the last day counts anyway. */
const INCLUSIVE = /\bbis\s+(?:einschließlich|einschl\.|inklusive|inkl\.)\s+/gi;

/** "Frist: 30.06.2022", "(Termin: 38. Sitzung)": a labelled time, read as "bis …". */
const TIME_LABEL = new RegExp(
  String.raw`\b${TIME_LABEL_WORD}\s*:\s*(?:(\d{1,3}\.\s*(?:\S+\s+)?Sitzung)|(?:die\s+)?(nächste|kommende|übernächste)\s+(?=Sitzung))?`,
  'gi',
);
const LABELLED = new RegExp(String.raw`\b${TIME_LABEL_WORD}\s*:`, 'i');
const asDeadline = (_all: string, session?: string, next?: string) =>
  session ? `bis zur ${session}` : next ? `bis zur ${next}n ` : 'bis ';

/**
 * The clause as the rules read it: short month names written out, "bis einschließlich" and a
 * labelled time ("Termin: …") as "bis".
 */
function readable(clause: string): string {
  let text = clause;
  // "bis Freitag, den 17. Dezember 2021": the weekday only names the date's day.
  if (WEEKDAY.test(text)) text = text.replace(WEEKDAY, '');
  if (text.includes(':') && LABELLED.test(text)) text = text.replace(TIME_LABEL, asDeadline);
  if (ANY_MONTH_SHORT.test(text))
    text = text.replace(
      MONTH_SHORT,
      (all, a: string | undefined, b: string | undefined) =>
        MONTH_NAMES[(monthNumber(a ?? b ?? '') ?? 0) - 1] ?? all,
    );
  if (/\bbis\s+(?:einschl|inkl)/i.test(text)) text = text.replace(INCLUSIVE, 'bis ');
  return text;
}

const WEEKDAY =
  /(?<![\p{L}-])(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+(?:den\s+)?(?=\d{1,2}\.)/gu;

/** A session named by its place in a year: "Frühjahrssitzung 2026", "ersten Sitzung 2026". */
const SESSION_OF_A_YEAR = /sitzung\b.*(?<!\d)(?:19|20)\d\d(?!\d)/iu;
/** A period counted from the decision's day: "innerhalb von drei Monaten", "in sechs Monaten". */
const COUNTED_PERIOD =
  /^(?:binnen|innerhalb|in|nach|spätestens)\s.*(?:Tag|Woche|Monat|Jahr|Quartal)/iu;
/** "… nach Beschlussfassung", "nach der Sitzung": counted from the decision, whose day is unknown. */
const DECISION_ITSELF =
  /^\s*(?:nach|ab|seit)\s+(?:(?:der|dieser)\s+)?(?:Beschlussfassung|Sitzung|Entscheidung|Beschluss|diesem\s+Beschluss|Bekanntgabe\s+dieses\s+Beschlusses|Abschluss\s+(?:dieses|des)\s+Umlaufverfahrens|Fristende)(?![\p{L}-])/u;
/** "von 2017 " before "bis 2019": the phrase ends a span. */
const SPAN_START = /\bvon\s+(?:(?:dem\s+)?Jahr\s+)?(?:19|20)\d{2}\s+$/i;
/** "den Förderzeitraum 2026 ", "der Jahre 2021 " before "bis 2028": the object's span. */
const OBJECT_SPAN = /(?:zeitraum|periode|jahre)\s+(?:19|20)\d{2}\s+$/iu;
/** A duty that repeats: a date it names is its first, not its only one. */
const RECURRENCE =
  /(?<![\p{L}-])(?:alljährlich|jährlich|halbjährlich|vierteljährlich|quartalsweise|monatlich|regelmäßig|fortlaufend|wiederkehrend)(?![\p{L}-])/iu;

/**
 * Reads the deadline of a mandate's clause. Where several phrases qualify, the most specific
 * kind wins (recurring start, session, date, repetition, event), then the first in the text.
 */
export function parseDeadline(clause: string, ctx: DeadlineContext): ParsedDeadline {
  const { rank: _rank, index: _index, ...deadline } = rankedDeadline(clause, ctx);
  return deadline;
}

/** As `parseDeadline`, with the rank and position of the phrase that won (to compare parts). */
export function rankedDeadline(
  written: string,
  ctx: DeadlineContext,
): ParsedDeadline & { rank: number; index: number } {
  const read = readDeadline(written, ctx);
  if (!ctx.yearUnknown || read.due.kind === 'none') return read;
  // Read once more a year later: a reading that moves with the year is a guess about it.
  const later = readDeadline(written, { ...ctx, year: ctx.year + 1 });
  if (JSON.stringify(later.due) === JSON.stringify(read.due)) return read;
  // "jährlich zum 31.03.": yearly still, its first day unknown.
  if (read.due.kind === 'recurring' && later.due.kind === 'recurring' && !read.due.fromMeeting)
    return { ...read, due: { kind: 'recurring' }, unclear: true };
  return {
    due: { kind: 'none' },
    text: read.text,
    rank: read.rank,
    index: read.index,
    unclear: true,
  };
}

function readDeadline(
  written: string,
  ctx: DeadlineContext,
): ParsedDeadline & { rank: number; index: number } {
  const hedged = SOFT_INSIDE.test(written);
  const clause = readable(hedged ? written.replace(SOFT_INSIDE, 'bis ') : written);
  const none = { due: { kind: 'none' as const }, text: '', rank: Infinity, index: Infinity };
  let unclear = false;
  let span = false;
  let best: { rank: number; index: number; due: Due; text: string } | undefined;
  const lower = clause.toLowerCase();
  // "der 79. GMK": a session of the body by its own short name, a phrase with none of the words.
  if (
    !ANY_DEADLINE_WORD.test(lower) &&
    !(/\d\.\s?\p{Lu}{2,6}(?![\p{L}])/u.test(clause) && ownSession(clause, ctx))
  )
    return none;
  /** Per hint: 0 not tested yet, 1 present, 2 absent. */
  const hinted = new Uint8Array(HINTS.length);
  const seen = new Uint8Array(NEEDLES.length);
  for (let r = 0; r < ALL_RULES.length; r++) {
    const rule = ALL_RULES[r];
    const hint = HINT_OF[r];
    if (hint >= 0) {
      if (hinted[hint] === 0) hinted[hint] = hintFound(hint, lower, seen) ? 1 : 2;
      if (hinted[hint] === 2) continue;
    }
    const match = rule.pattern.exec(clause);
    if (!match) continue;
    const after = clause.slice(match.index + match[0].length);
    const spanBefore = clause.slice(Math.max(0, match.index - 30), match.index);
    if (OBJECT_TIME_AFTER.test(after) || attributiveTime(spanBefore, after)) continue;
    // "von 2017 bis 2019" jährlich Mittel einzuplanen": a span the task covers, not its deadline.
    if (SPAN_START.test(spanBefore)) {
      unclear = true;
      continue;
    }
    // In doubt only where no other time is read ("… der Jahre 2021 bis 2025 bis zum 31. März").
    if (OBJECT_SPAN.test(spanBefore)) {
      span = true;
      continue;
    }
    const due = rule.read(
      match,
      ctx,
      after,
      clause.slice(Math.max(0, match.index - 40), match.index),
    );
    if (!due) continue;
    if (due.kind === 'date' && ctx.decidedOn && due.date < ctx.decidedOn) {
      // "bis 30.06.2021" in a decision of October 2021: a day already past, said so.
      if (/^bis\b/i.test(match[0])) unclear = true;
      continue;
    }
    // "bis zur 35. Sitzung" in a decision of the 36th: a session already held is no time to
    // deliver by (a slip, or the page's session misread); not read, and said so.
    if (due.kind === 'meeting' && ctx.meeting !== undefined && due.meeting < ctx.meeting) {
      unclear = true;
      continue;
    }
    // "die Vorlage für die 48. Sitzung bis zum 31.10.2025 zu erstellen": the session says what the
    // thing is for; a time of its own ("bis …") wins over it.
    const rank = /^für\s/i.test(match[0].trimStart()) ? rule.rank + 1.5 : rule.rank;
    if (!best || rank < best.rank || (rank === best.rank && match.index < best.index)) {
      best = { rank, index: match.index, due, text: match[0].trim() };
    }
  }
  if (!best) return unclear || span ? { ...none, unclear: true } : none;
  // "bis zur Frühjahrssitzung 2026", "in seiner ersten Sitzung 2026" where the calendar dates no
  // session of that year: some session, which one is not known.
  // "Frühjahrssitzung 2026" read as the session after the last one dated: a guess, said so.
  const due = best.due;
  const undated =
    due.kind === 'event' ||
    (due.kind === 'meeting' &&
      !/\d\.\s*\S*[Ss]itzung/.test(best.text) &&
      !ctx.calendar.some((s) => s.number === due.meeting));
  if (undated && SESSION_OF_A_YEAR.test(best.text)) unclear = true;
  // "bis Ostern": Good Friday, Sunday or Monday; "bis Weihnachten": the 24th or the 25th.
  if (/ostern|pfingsten|weihnacht|^bis\s+(?:spätestens\s+)?Anfang\s/i.test(best.text))
    unclear = true;
  // "die Investitionsbedarfe … bis 2031 vorzulegen": a time years ahead is more often the
  // object's span than the task's; said so.
  if (
    due.kind === 'date' &&
    ctx.decidedOn &&
    due.date.slice(0, 4) > String(Number(ctx.decidedOn.slice(0, 4)) + 3)
  )
    unclear = true;
  // "innerhalb von drei Monaten" where the decision's day is unknown: counted from a day the text
  // does not give (from another event, "… nach Inkrafttreten", it is one).
  if (
    best.due.kind === 'event' &&
    !ctx.decidedOn &&
    COUNTED_PERIOD.test(best.text) &&
    (!/^\s*(?:nach|ab|seit)\s/.test(clause.slice(best.index + best.text.length)) ||
      DECISION_ITSELF.test(clause.slice(best.index + best.text.length)))
  )
    unclear = true;
  // "jährlich, erstmals bis zum 30.06.2022": the date starts a yearly duty.
  if (best.due.kind === 'date' && !best.due.later && !unclear && RECURRENCE.test(clause))
    best.due = { kind: 'recurring', date: best.due.date };
  // "jährlich, erstmals zur Frühjahrssitzung 2023": a session that starts a repeating duty.
  if (
    best.due.kind === 'meeting' &&
    /(?<![\p{L}-])(?:erstmals|beginnend(?:\s+mit)?|ab)\s+$/u.test(clause.slice(0, best.index)) &&
    RECURRENCE.test(clause)
  )
    best.due = { kind: 'recurring', fromMeeting: best.due.meeting };
  // "jeweils in der Frühjahrssitzung, erstmals 2026": the season's session of that year starts it,
  // read as "zur Frühjahrssitzung 2026" is (a guess where the calendar does not date it, said so).
  const season = /^(?:.*\s)?(\p{L}+sitzung)$/u.exec(best.text)?.[1];
  const firstYear = /erstmals\s+(?:im\s+(?:Jahr\s+)?)?((?:19|20)\d\d)(?!\d)/u.exec(clause)?.[1];
  if (best.due.kind === 'recurring' && Object.keys(best.due).length === 1 && season && firstYear) {
    const first = readDeadline(`zur ${season} ${firstYear}`, ctx);
    if (first.due.kind === 'meeting') {
      best.due = { kind: 'recurring', fromMeeting: first.due.meeting };
      unclear ||= Boolean(first.unclear);
    }
  }
  // "jährlich in der Sommersitzung, erstmals 2026": a duty that comes back at an event; which one
  // it starts with is a guess.
  if (best.due.kind === 'event' && RECURRENCE.test(clause)) {
    best.due = { kind: 'recurring' };
    unclear = true;
  }
  const soft = hedged || SOFT.test(clause.slice(Math.max(0, best.index - 40), best.index));
  return {
    due: soft && best.due.kind !== 'none' ? { ...best.due, soft: true } : best.due,
    text: best.text,
    rank: best.rank,
    index: best.index,
    ...(unclear ? { unclear: true as const } : {}),
  };
}

/** Whether the clause names a numbered session of the body by a short name the text gives it. */
function ownSession(clause: string, ctx: DeadlineContext): boolean {
  return [...clause.matchAll(/\d\.\s?(\p{Lu}{2,6})(?![\p{L}])/gu)].some((m) =>
    ctx.councilAliases.includes(m[1]),
  );
}

/**
 * The rules whose pattern finds a phrase in the clause where their hint (or its needles) does not:
 * a hint must be a word every match contains, or the rule is skipped where it should read (for
 * the tests).
 */
export function hintsMissing(clause: string): string[] {
  const text = readable(clause);
  const lower = text.toLowerCase();
  const seen = new Uint8Array(NEEDLES.length);
  return ALL_RULES.flatMap((rule, r) => {
    if (HINT_OF[r] < 0 || hintFound(HINT_OF[r], lower, seen)) return [];
    rule.pattern.lastIndex = 0;
    return rule.pattern.test(text) ? [`${rule.hint}: ${rule.pattern.source.slice(0, 60)}`] : [];
  });
}
