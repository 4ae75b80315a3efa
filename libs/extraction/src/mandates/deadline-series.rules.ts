import { addPeriod, type Due } from '@app/domain';
import { isoDate, lastDayOfMonth, monthNumber, MONTH_PATTERN } from '../text/german-dates';
import type { DeadlineContext } from './deadline.parser';
import { dateDue, otherBody, SEASON_END, type Rule } from './deadline.rules';
import { DATES, fullDate, upcoming } from './deadline-words';

/**
 * Deadline forms of duties that repeat or fall due more than once, of other bodies' meetings
 * named by month or season, and of the year after the decision's. Tried before the other rules,
 * so at the same place in a clause these readings win.
 */
const M = MONTH_PATTERN;
const NUMERIC_DATE = '\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:19|20)\\d{2}';
const WRITTEN_DATE = `\\d{1,2}\\.\\s*(?:${M})\\s+(?:19|20)\\d{2}`;
const ANY_DATE = `(?:${NUMERIC_DATE}|${WRITTEN_DATE})`;
/** A day and month without the year: "31. März", "31.03.". */
const DAY_MONTH = `\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|(?:${M})(?![\\p{L}]))`;
const MONTH_SESSION = new RegExp(
  `\\b(?:bis\\s+)?(?:spätestens\\s+)?(?:zur|zu\\s+der|in\\s+der|auf\\s+der|für\\s+die|vor\\s+der)\\s+(${M})-?[Ss]itzung\\b`,
  'i',
);
/** "der AL-Runde 2022", "im Jahr 2022": the year that follows a meeting's name. */
const YEAR_AFTER =
  /^(?:\s+(?:der|des)\s+[^,.;]{1,60}?)?\s+(?:im\s+Jahr(?:e)?\s+)?((?:19|20)\d{2})\b/;

/** The last day of a month, in the year given or the first such month not before the decision. */
function monthEnd(month: number, year: number | undefined, ctx: DeadlineContext): string {
  if (year !== undefined) return lastDayOfMonth(year, month);
  return upcoming(ctx, (y) => lastDayOfMonth(y, month)) as string;
}

/** The first day `day`.`month` on or after the decision. */
function nextDay(day: number, month: number, ctx: DeadlineContext): Due | undefined {
  const date = isoDate(ctx.year, month, day);
  if (!date) return undefined;
  if (!ctx.decidedOn || date >= ctx.decidedOn) return { kind: 'recurring', date };
  const next = isoDate(ctx.year + 1, month, day);
  return next ? { kind: 'recurring', date: next } : undefined;
}

const COUNT_WORDS: Record<string, number> = {
  ein: 1,
  eine: 1,
  einem: 1,
  einer: 1,
  eines: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  achtzehn: 18,
  vierundzwanzig: 24,
};
const COUNT = `(\\d{1,3}|${Object.keys(COUNT_WORDS).join('|')})`;
const UNIT = '(Tag(?:e|en|es)?|Woche(?:n)?|Monat(?:e|en|s)?|Jahr(?:e|en|es)?)';
/** What a period is counted from where it is not the decision: "nach Inkrafttreten", "nach Erhalt". */
const OTHER_START =
  /^\s+(?:nach|ab|seit)\s+(?!(?:der\s+|dem\s+|diesem\s+|dieser\s+)?(?:heutigen\s+)?(?:Beschlussfassung|Beschlusses|Beschluss|Entscheidung|Sitzung)\b|Abschluss\s+(?:dieses|des)\s+Umlaufverfahrens\b|Fristende\b)/i;

export const SERIES_RULES: Rule[] = [
  {
    rank: 2,
    hint: /anfang/,
    // "bis Anfang Juni", "bis Anfang Juni 2026": its first day, the first such not before the
    // decision (a guess about how early "Anfang" is: said so).
    pattern: new RegExp(
      `\\bbis\\s+(?:spätestens\\s+)?Anfang\\s+(${M})(?:\\s+((?:19|20)\\d{2}))?(?![\\p{L}\\d])`,
      'iu',
    ),
    read: (m, ctx) => {
      const month = monthNumber(m[1]) as number;
      return dateDue(
        m[2] ? isoDate(Number(m[2]), month, 1) : upcoming(ctx, (y) => isoDate(y, month, 1)),
      );
    },
  },
  {
    rank: 2,
    hint: /woche/,
    // "bis Ende der Woche", "Ende nächster Woche": the Sunday of the decision's week or the next.
    pattern:
      /\b(?:bis\s+)?(?:zum\s+)?Ende\s+(?:der\s+|dieser\s+)?(nächsten|kommenden|nächster|kommender)?\s*Woche\b/iu,
    read: (m, ctx) => {
      if (!ctx.decidedOn) return undefined;
      const day = new Date(`${ctx.decidedOn}T00:00:00Z`);
      const toSunday = (7 - day.getUTCDay()) % 7;
      const ahead = toSunday + (m[1] ? 7 : 0);
      return dateDue(new Date(day.getTime() + ahead * 86_400_000).toISOString().slice(0, 10));
    },
  },
  {
    rank: 2,
    hint: /monat/,
    // "zum Monatsende", "bis Ende des laufenden Monats": the last day of the decision's month.
    pattern: /\b(?:(?:bis\s+)?zum|bis)\s+(?:Monatsende|Ende\s+des\s+(?:laufenden\s+)?Monats)\b/iu,
    read: (_m, ctx) =>
      ctx.decidedOn
        ? dateDue(
            lastDayOfMonth(Number(ctx.decidedOn.slice(0, 4)), Number(ctx.decidedOn.slice(5, 7))),
          )
        : undefined,
  },
  {
    rank: 2,
    hint: /zwischen\s/,
    // "zwischen April und Juni 2026", "zwischen dem 01.04. und dem 30.06.": a span to act in, due
    // at its end.
    pattern: new RegExp(
      `\\bzwischen\\s+(?:dem\\s+)?(?:${DAY_MONTH}|(?:Anfang|Mitte|Ende)?\\s*(?:${M}))(?:\\s+(?:19|20)\\d{2})?\\s+und\\s+(?:dem\\s+)?(?:(\\d{1,2})\\.\\s?(\\d{1,2}\\.|(?:${M})(?![\\p{L}]))|(?:Anfang|Mitte|Ende)?\\s*(${M}))(?:\\s*((?:19|20)\\d{2}))?`,
      'iu',
    ),
    read: (m, ctx) => {
      const year = m[4] ? Number(m[4]) : undefined;
      if (m[3]) return dateDue(monthEnd(monthNumber(m[3]) as number, year, ctx));
      const month = /\d/.test(m[2]) ? Number(m[2].replace('.', '')) : monthNumber(m[2].trim());
      if (!month) return undefined;
      const day = Number(m[1]);
      return dateDue(
        year !== undefined
          ? isoDate(year, month, day)
          : upcoming(ctx, (y) => isoDate(y, month, day)),
      );
    },
  },
  {
    rank: 2,
    hint: /binnen|innerhalb|(?:nächsten|kommenden)\s+\S+\s+(?:tag|woche|monat|jahr)|nach\s+(?:der\s+)?(?:beschlussfassung|diese[mr]\s+beschluss)/,
    // "innerhalb von sechs Monaten", "in den nächsten drei Monaten", "binnen vier Wochen nach
    // Beschlussfassung": counted from the decision's day. Counted from something else ("nach
    // Inkrafttreten") it is an event.
    pattern: new RegExp(
      `\\b(?:(?:binnen|innerhalb(?:\\s+von)?|(?:innerhalb|in)\\s+der\\s+(?:nächsten|kommenden)|in\\s+den\\s+(?:nächsten|kommenden))\\s+${COUNT}\\s+${UNIT}(?![\\p{L}-])|(?:spätestens\\s+)?${COUNT}\\s+${UNIT}\\s+nach\\s+(?:der\\s+)?(?=Beschlussfassung|diese[mr]\\s+Beschluss))`,
      'iu',
    ),
    read: (m, ctx, after) => {
      if (OTHER_START.test(after)) return { kind: 'event' };
      const word = (m[1] ?? m[3]).toLowerCase();
      const count = /^\d/.test(word) ? Number(word) : COUNT_WORDS[word];
      if (!ctx.decidedOn || !count) return { kind: 'event' };
      return { kind: 'date', date: addPeriod(ctx.decidedOn, count, m[2] ?? m[4]) };
    },
  },
  {
    rank: 2,
    hint: /halben\s+jahr|nach\s+(?:einem|\S+)\s+(?:jahr|monat|woche)|in\s+(?:einem|\S+)\s+(?:jahr|monat|woche)/,
    // "in einem halben Jahr", "in sechs Monaten", "nach einem Jahr": counted from the decision's
    // day, as "innerhalb von sechs Monaten" is; without that day, an event. ("in einem Jahr" may
    // mean "within one year's time" of a count: not read.)
    pattern: new RegExp(
      `\\b(?:in\\s+(?:(einem\\s+halben\\s+Jahr)|${COUNT}\\s+(Tagen|Wochen|Monaten|Jahren))|nach\\s+${COUNT}\\s+${UNIT})(?![\\p{L}-])(?!\\s+(?:nach|ab|seit|vor)\\s)`,
      'iu',
    ),
    read: (m, ctx) => {
      if (!ctx.decidedOn) return { kind: 'event' };
      if (m[1]) return { kind: 'date', date: addPeriod(ctx.decidedOn, 6, 'Monate') };
      const word = (m[2] ?? m[4]).toLowerCase();
      const count = /^\d/.test(word) ? Number(word) : COUNT_WORDS[word];
      return count
        ? { kind: 'date', date: addPeriod(ctx.decidedOn, count, m[3] ?? m[5]) }
        : { kind: 'event' };
    },
  },
  {
    rank: 0,
    hint: /jeden/,
    // "bis zum 31.12. eines jeden Jahres": every year at that day, the first after the decision.
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:spätestens\\s+)?(?:zum|am)\\s+(\\d{1,2})\\.\\s?(?:(\\d{1,2})\\.|\\s*(${M}))\\s+(?:eines\\s+)?jeden\\s+(?:Kalender|Haushalts)?[Jj]ahres\\b`,
      'i',
    ),
    read: (m, ctx) =>
      nextDay(Number(m[1]), m[2] ? Number(m[2]) : (monthNumber(m[3]) as number), ctx),
  },
  {
    rank: 0,
    hint: /beginnend|erstmals/,
    // "beginnend mit der 12. Sitzung regelmäßig", "erstmals zur 40. Sitzung": recurring from then.
    pattern:
      /\b(?:beginnend\s+(?:mit|ab|zu)\s+der|beginnend\s+zur|erstmals\s+(?:zur|zu\s+der|in\s+der|auf\s+der|bis\s+zur|für\s+die))\s+(\d{1,3}\.|nächsten|kommenden)\s*(?:ordentlichen\s+)?Sitzung(?!en)\b/i,
    read: (m, ctx, after) => {
      if (otherBody(after, ctx)) return undefined;
      if (/^\d/.test(m[1])) return { kind: 'recurring', fromMeeting: parseInt(m[1], 10) };
      return ctx.meeting === undefined
        ? { kind: 'recurring' }
        : { kind: 'recurring', fromMeeting: ctx.meeting + 1 };
    },
  },
  {
    rank: 0,
    hint: /jährlich|jeweils/,
    // "jährlich zum 31.03.", "jährlich bis zum 15. Januar": every year at that day.
    pattern: new RegExp(
      `\\b(?:alljährlich|jährlich|jeweils)\\s+(?:bis\\s+)?(?:spätestens\\s+)?(?:zum|am)\\s+(\\d{1,2})\\.\\s?(?:(\\d{1,2})\\.|\\s*(${M}))(?!\\s*\\d)`,
      'i',
    ),
    read: (m, ctx) =>
      nextDay(Number(m[1]), m[2] ? Number(m[2]) : (monthNumber(m[3]) as number), ctx),
  },
  {
    // Before every other reading, the yearly day's own first one too.
    rank: -1,
    hint: /erstmals/,
    // "jährlich zum 31. März, erstmals zum 31. März 2023": a repeated duty's first day.
    pattern: new RegExp(
      `\\berstmals\\s+(?:bis\\s+)?(?:spätestens\\s+)?(?:zum|am)\\s+(${ANY_DATE})`,
      'i',
    ),
    read: (m) => {
      const day = dateDue(fullDate(m[1]));
      return day?.kind === 'date' ? { kind: 'recurring', date: day.date } : undefined;
    },
  },
  {
    rank: 2,
    hint: /stichtag/,
    // "zum Stichtag 31.12.2022", "mit Stichtag 30. Juni 2022": that day.
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:zum|mit|am)\\s+Stichtag\\s+(${ANY_DATE})(?!\\s*(?:,|und|sowie|bzw\\.)\\s*\\d)`,
      'i',
    ),
    read: (m) => dateDue(fullDate(m[1])),
  },
  {
    rank: 0,
    hint: /\d{4}\s*(?:,|und|sowie|bzw\.)\s*\d/,
    // "zum Stichtag 01.01.2026, 01.01.2028, 01.01.2030": the first date is due, the rest kept.
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:spätestens\\s+)?(?:jeweils\\s+)?(?:zum|zu\\s+den|an\\s+den|am|bis)\\s+(?:Stichtag(?:en)?\\s+|Terminen\\s+)?(${ANY_DATE}(?:\\s*(?:,|und|sowie|bzw\\.)\\s*${ANY_DATE})+)`,
      'i',
    ),
    read: (m, ctx) => {
      const dates = [...m[1].matchAll(DATES)]
        .map((d) => fullDate(d[0]))
        .filter((d): d is string => d !== undefined && (!ctx.decidedOn || d >= ctx.decidedOn))
        .sort();
      if (dates.length === 0) return undefined;
      const [date, ...later] = [...new Set(dates)];
      return later.length > 0 ? { kind: 'date', date, later } : { kind: 'date', date };
    },
  },
  {
    rank: 0,
    hint: /\d\.\s*(?:\d{1,2}\.|\p{L}+)\s*(?:,|und|sowie)\s*\d/u,
    // "zu den Stichtagen 31. März, 30. September und 31. Dezember 2026", "31.03., 30.09. und
    // 31.12.2026": the year written once, at the last; the first day is due, the rest kept.
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:spätestens\\s+)?(?:jeweils\\s+)?(?:zum|zu\\s+den|an\\s+den|am|bis)\\s+(?:Stichtag(?:en)?\\s+|Terminen\\s+)?((?:${DAY_MONTH}\\s*(?:,|und|sowie)\\s*)+${DAY_MONTH}\\s*((?:19|20)\\d{2}))(?!\\d|\\.\\d)`,
      'iu',
    ),
    read: (m, ctx) => {
      const year = Number(m[2]);
      const dates = [...m[1].matchAll(new RegExp(DAY_MONTH, 'giu'))]
        .map((d) => {
          const numeric = /^(\d{1,2})\.\s?(\d{1,2})\./.exec(d[0]);
          const written = /^(\d{1,2})\.\s*(\p{L}+)/u.exec(d[0]);
          const month = numeric ? Number(numeric[2]) : monthNumber(written?.[2] ?? '');
          return month ? isoDate(year, month, Number((numeric ?? written)?.[1])) : undefined;
        })
        .filter((d): d is string => d !== undefined && (!ctx.decidedOn || d >= ctx.decidedOn));
      if (dates.length < 2) return undefined;
      const [date, ...later] = [...new Set(dates)].sort();
      return { kind: 'date', date, later };
    },
  },
  {
    rank: 1,
    hint: /(?:januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)-?sitzung/,
    // "bis zur Februarsitzung der AL-Runde 2022": the month's last day, or the council's session.
    pattern: MONTH_SESSION,
    read: (m, ctx, after) => {
      const month = monthNumber(m[1]) as number;
      const stated = YEAR_AFTER.exec(after);
      const year = stated ? Number(stated[1]) : undefined;
      if (!otherBody(after, ctx)) {
        const inYear = year ?? ctx.year;
        const session = ctx.calendar.find(
          (s) =>
            !s.cancelled &&
            Number(s.date.slice(0, 4)) === inYear &&
            Number(s.date.slice(5, 7)) === month,
        );
        if (session) return { kind: 'meeting', meeting: session.number };
      }
      return { kind: 'date', date: monthEnd(month, year, ctx) };
    },
  },
  {
    rank: 1,
    hint: /(?:frühjahrs|frühlings|sommer|herbst|winter)sitzung/,
    // "bis zur Herbstsitzung der AL-Runde 2022": another body's season ends the time (as in
    // that body's own decisions).
    pattern:
      /\b(?:bis\s+)?(?:spätestens\s+)?(?:zur|zu\s+der|in\s+der|auf\s+der|für\s+die)\s+(Frühjahrs|Frühlings|Sommer|Herbst)sitzung\b/i,
    read: (m, ctx, after) => {
      // Also in another body's own decision: "bis zur Herbstsitzung" is that body's.
      if (!otherBody(after, ctx) && !ctx.body) return undefined;
      const [month, day] = SEASON_END[m[1].toLowerCase().replace(/s$/, '')];
      const stated = YEAR_AFTER.exec(after);
      const year = stated ? Number(stated[1]) : undefined;
      const end = monthEnd(month, year, ctx);
      return dateDue(`${end.slice(0, 8)}${String(day).padStart(2, '0')}`);
    },
  },
  {
    rank: 2,
    hint: /(?:kommenden|nächsten|folgenden)\s+jahr|folgejahr/,
    // "bis Ende des kommenden Jahres", "im Folgejahr": the year after the decision's.
    pattern:
      /\b(?:bis\s+)?(?:zum\s+)?(?:Ende|Ablauf)\s+(?:des\s+)?(?:kommenden|nächsten|folgenden)\s+Jahres\b|\bbis\s+(?:zum\s+)?(?:Ende|Ablauf)\s+des\s+Folgejahres\b|\bim\s+(?:Laufe\s+des\s+)?(?:kommenden|nächsten|folgenden)\s+Jahr(?:es)?\b|\bim\s+(?:Folgejahr|(?:darauf|nach)folgenden\s+Jahr)\b/i,
    read: (_m, ctx) => ({ kind: 'date', date: `${ctx.year + 1}-12-31` }),
  },
];
