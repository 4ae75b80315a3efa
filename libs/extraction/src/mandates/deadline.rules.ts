import type { CalendarSession } from '../extraction.types';
import { SESSION_RULES } from './session-deadline.rules';
export { dateDue, otherBody, SEASON_END, type Rule } from './deadline-words';
import { easterSunday, isoDate, lastDayOfMonth, monthNumber } from '../text/german-dates';
import {
  AT_SESSION,
  attributiveTime,
  dateDue,
  isoWeekSunday,
  M,
  OBJECT_TIME_AFTER,
  otherBody,
  quarterEnd,
  quarterNumber,
  type Rule,
  SEASON_END,
  SEASONS,
  sessionsOf,
  upcoming,
  YEAR,
} from './deadline-words';

/** Every deadline rule but the series ones: sessions first, then dates, periods and events. */
export const RULES: Rule[] = [
  ...SESSION_RULES,
  {
    rank: 2,
    hint: /folgenden|nächsten|kommenden/,
    // "bis zum Ende des auf die Beschlussfassung folgenden Kalenderhalbjahres", "bis Ende des
    // nächsten Quartals": the end of the period after the one the decision was taken in.
    pattern:
      /\b(?:bis\s+(?:zum\s+)?|zum\s+)Ende\s+des\s+(?:auf\s+(?:die|den)\s+(?:Beschlussfassung|Beschluss)\s+)?(?:folgenden|nächsten|kommenden)\s+(?:Kalender)?(Halbjahr|Quartal)(?:e?s)?(?![\p{L}-])/iu,
    read: (m, ctx) => {
      if (!ctx.decidedOn) return undefined;
      const months = /^h/i.test(m[1]) ? 6 : 3;
      const month = Number(ctx.decidedOn.slice(5, 7));
      const end = Math.ceil(month / months) * months + months;
      const year = Number(ctx.decidedOn.slice(0, 4)) + (end > 12 ? 1 : 0);
      return { kind: 'date', date: lastDayOfMonth(year, ((end - 1) % 12) + 1) };
    },
  },
  {
    rank: 2,
    hint: /ostern|pfingsten|weihnacht/,
    // "bis Ostern 2026", "vor Weihnachten": the feast's (first) day; which day of it is meant is
    // a guess, said so (`FEAST` in deadline.parser).
    pattern:
      /\b(?:bis|vor|zu|zum|an)\s+(Ostern|Pfingsten|Weihnachten)(?:\s+((?:19|20)\d\d))?(?![\p{L}-])/iu,
    read: (m, ctx) => {
      const feast = (year: number) =>
        /^o/i.test(m[1])
          ? easterSunday(year)
          : /^p/i.test(m[1])
            ? new Date(Date.parse(`${easterSunday(year)}T00:00:00Z`) + 49 * 86_400_000)
                .toISOString()
                .slice(0, 10)
            : `${year}-12-24`;
      return dateDue(m[2] ? feast(Number(m[2])) : upcoming(ctx, feast));
    },
  },
  {
    rank: 2,
    hint: /mitte/,
    // "bis Mitte April", "Mitte März 2026": the month's 15th (this year's, or next year's where
    // it is over).
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:spätestens\\s+)?Mitte\\s+(${M})(?:\\s+${YEAR})?(?![\\p{L}])`,
      'iu',
    ),
    read: (m, ctx) => {
      const month = monthNumber(m[1]) as number;
      if (m[2]) return dateDue(isoDate(Number(m[2]), month, 15));
      return ctx.yearUnknown
        ? undefined
        : dateDue(upcoming(ctx, (year) => isoDate(year, month, 15)));
    },
  },
  {
    rank: 2,
    hint: /mitte/,
    // "bis Mitte 2023", "Mitte 2023 vorzulegen".
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:spätestens\\s+)?Mitte\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: `${m[1]}-06-30` }),
  },
  {
    rank: 2,
    hint: /mitte/,
    // "bis Mitte des Jahres", "Mitte nächsten Jahres": the year's middle, this year's unless it
    // is past or the text says the next.
    pattern:
      /\b(?:bis\s+)?(?:spätestens\s+)?Mitte\s+(?:des\s+)?(?:(kommenden|nächsten|folgenden)\s+|laufenden\s+|dieses\s+)?Jahres\b(?!\s+(?:19|20)\d\d)/i,
    read: (m, ctx) =>
      m[1]
        ? { kind: 'date', date: `${ctx.year + 1}-06-30` }
        : dateDue(upcoming(ctx, (year) => `${year}-06-30`)),
  },
  {
    rank: 2,
    hint: /beginn/,
    // "bis zum Beginn des Jahres 2022", "vor Jahresbeginn 2022": before that year starts.
    pattern:
      /\b(?:(?:bis\s+(?:zum\s+)?|vor\s+(?:dem\s+)?)Beginn\s+des\s+Jahres|(?:bis\s+(?:zum\s+)?|vor\s+(?:dem\s+)?)Jahresbeginn)\s+((?:19|20)\d\d)\b/i,
    read: (m) => ({ kind: 'date', date: `${Number(m[1]) - 1}-12-31` }),
  },
  {
    rank: 2,
    hint: /jahresmitte/,
    // "bis zur Jahresmitte 2022", "bis zur Jahresmitte": 30 June of that year, else the next one.
    pattern: /\b(?:bis\s+(?:zur\s+)?|zur\s+)Jahresmitte(?:\s+((?:19|20)\d\d))?\b/i,
    read: (m, ctx) =>
      m[1] ? { kind: 'date', date: `${m[1]}-06-30` } : dateDue(upcoming(ctx, (y) => `${y}-06-30`)),
  },
  {
    rank: 2,
    hint: /jahreshälfte/,
    // "in der zweiten Jahreshälfte 2022", "bis Ende der ersten Jahreshälfte": a half year's end.
    pattern:
      /\b(?:(?:bis\s+(?:zum\s+)?|zum\s+)Ende\s+der\s+|in\s+der\s+|bis\s+zur\s+|innerhalb\s+der\s+)(ersten|zweiten|1\.|2\.)\s+Jahreshälfte(?:\s+(?:des\s+Jahres\s+)?((?:19|20)\d\d)|\s+(?:des\s+)?(kommenden|nächsten|folgenden)\s+Jahres)?/i,
    read: (m, ctx) => {
      const end = (year: number) =>
        /^(?:ersten|1\.)$/i.test(m[1]) ? `${year}-06-30` : `${year}-12-31`;
      if (m[2]) return { kind: 'date', date: end(Number(m[2])) };
      if (m[3]) return { kind: 'date', date: end(ctx.year + 1) };
      return dateDue(upcoming(ctx, end));
    },
  },
  {
    rank: 2,
    hint: /jahreswechsel/,
    // "bis zum Jahreswechsel", "zum Jahreswechsel 2022/2023": the old year's last day.
    pattern:
      /\b(?:bis\s+(?:zum\s+)?|zum\s+|vor\s+dem\s+)Jahreswechsel(?:\s+((?:19|20)\d\d)(?:\s*\/\s*(?:19|20)?\d\d)?)?/i,
    read: (m, ctx) => ({ kind: 'date', date: `${m[1] ?? ctx.year}-12-31` }),
  },
  {
    rank: 2,
    hint: /(?:ende|ablauf)\s+(?:des\s+jahres\s+)?(?:19|20)\d\d/,
    pattern: new RegExp(
      // "bis Ende 2022", "vor Ablauf des Jahres 2022", "Ende 2022 vorzulegen".
      `\\b(?:bis\\s+(?:zum\\s+)?(?:Ende|Ablauf)|vor\\s+(?:dem\\s+)?(?:Ende|Ablauf)|(?:spätestens\\s+)?(?:zum\\s+)?Ende)\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: `${m[1]}-12-31` }),
  },
  {
    rank: 2,
    hint: /jahresende|(?:ende|ablauf)\s+des\s+jahres|(?:dieses|laufenden|diesem)\s+(?:kalender)?jahr/,
    pattern:
      /\bbis\s+(?:zum\s+)?(?:Ende|Ablauf)\s+(?:dieses\s+|des\s+(?:laufenden\s+)?)Jahres\b|\b(?:bis\s+(?:zum\s+)?|zum\s+|spätestens\s+zum\s+)Jahresende\b(?!\s+(?:19|20)\d\d)|\b(?:noch\s+)?(?:im\s+(?:laufenden|diesem)|in\s+diesem)\s+(?:Kalender)?Jahr\b|\bim\s+Laufe\s+(?:dieses|des\s+laufenden)\s+Jahres\b/i,
    read: (_m, ctx) => ({ kind: 'date', date: `${ctx.year}-12-31` }),
  },
  {
    rank: 2,
    hint: /jahresende/,
    // "zum Jahresende 2025".
    pattern: /\b(?:bis\s+(?:zum\s+)?|zum\s+|spätestens\s+zum\s+)Jahresende\s+((?:19|20)\d\d)\b/i,
    read: (m) => ({ kind: 'date', date: `${m[1]}-12-31` }),
  },
  {
    rank: 2,
    hint: /q[1-4]/,
    // "Ende Q2", "bis Q3" without a year (a task table's term): this year's quarter, or next
    // year's where it is over.
    pattern:
      /(?:^|\b(?:bis\s+(?:zum\s+)?(?:Ende\s+)?|im\s+|in\s+)|(?<![\p{L}-])Ende\s+)Q([1-4])(?!\s*[/ ]?\s*\d)(?![\p{L}\d])/u,
    read: (m, ctx) =>
      ctx.yearUnknown
        ? undefined
        : dateDue(upcoming(ctx, (year) => quarterEnd(year, Number(m[1])))),
  },
  {
    rank: 2,
    hint: /q[1-4]/,
    // "bis Ende Q2/2025", "in Q3 2024": the quarter's last day.
    pattern:
      /\b(?:bis\s+(?:zum\s+)?(?:Ende\s+)?|im\s+|in\s+|zum\s+Ende\s+)Q([1-4])\s*[/ ]\s*((?:19|20)?\d\d)\b/,
    read: (m) => ({ kind: 'date', date: quarterEnd(Number(m[2].padStart(4, '20')), Number(m[1])) }),
  },
  {
    rank: 2,
    hint: /frühjahr|frühling|sommer|herbst/,
    // "im Herbst", "bis zum Frühjahr": the season's end, this year's or, where it is over, next year's.
    pattern:
      /\b(?:bis\s+(?:zum\s+|spätestens\s+)?|im\s+)(Frühjahr|Frühling|Sommer|Herbst)\b(?!\s+(?:des\s+Jahres\s+)?(?:19|20)\d\d)(?![\p{L}-])(\s+(?:des\s+)?(?:kommenden|nächsten|folgenden)\s+Jahres)?/iu,
    read: (m, ctx) => {
      const [month, day] = SEASON_END[m[1].toLowerCase()];
      // "bis zum Frühjahr des kommenden Jahres".
      if (m[2]) return dateDue(isoDate(ctx.year + 1, month, day));
      return dateDue(upcoming(ctx, (year) => isoDate(year, month, day)));
    },
  },
  {
    rank: 2,
    hint: /(?:19|20)\d\d/,
    pattern: new RegExp(
      `\\b(?:im\\s+(?:Laufe\\s+des\\s+)?Jahr(?:es)?|im\\s+Kalenderjahr|in|bis\\s+(?:spätestens\\s+)?(?:(?:zum|ins)\\s+Jahre?\\s+)?)\\s*${YEAR}\\b(?![./])`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: `${m[1]}-12-31` }),
  },
  {
    rank: 2,
    hint: /quartal|halbjahr/,
    // "im ersten Quartal des kommenden Jahres", "bis Ende des zweiten Halbjahres": the period's end,
    // in the year named, else the first such period that ends after the decision.
    pattern:
      /\b(?:(?:bis\s+(?:zum\s+)?|zum\s+)Ende\s+(?:des\s+)?|im\s+(?:Laufe\s+des\s+)?|bis\s+zum\s+|innerhalb\s+des\s+)(ersten|zweiten|dritten|vierten|[1-4]\.|I{1,3}\.?|IV\.?)\s+(Quartals?|Halbjahr(?:es|s)?)(?!\s+(?:des\s+Jahres\s+)?(?:19|20)\d\d)(?:\s+(?:des\s+)?(kommenden|nächsten|folgenden|laufenden|dieses|diesen)\s+Jahres)?/i,
    read: (m, ctx) => {
      const half = /^halbjahr/i.test(m[2]);
      const n = quarterNumber(m[1]);
      if (half && n > 2) return undefined;
      const end = (year: number) => (half ? lastDayOfMonth(year, n * 6) : quarterEnd(year, n));
      if (m[3])
        return {
          kind: 'date',
          date: end(/^(?:kommend|nächst|folgend)/i.test(m[3]) ? ctx.year + 1 : ctx.year),
        };
      return { kind: 'date', date: upcoming(ctx, end) as string };
    },
  },
  {
    rank: 2,
    hint: /\d\s*\/\s*(?:19|20)\d\d/,
    // "bis 03/2022", "bis spätestens 12/2023": a month and year in numbers, the month's last day.
    pattern:
      /\bbis\s+(?:spätestens\s+)?(?:zum\s+|Ende\s+)?(0?[1-9]|1[0-2])\s*\/\s*((?:19|20)\d{2})\b(?![/\d])/i,
    read: (m) => ({ kind: 'date', date: lastDayOfMonth(Number(m[2]), Number(m[1])) }),
  },
  {
    rank: 2,
    hint: /kw|kalenderwoche/,
    // "bis KW 40", "bis zur 12. KW", "in der Kalenderwoche 7/2024": that week's Sunday.
    pattern:
      /\b(?:bis\s+(?:zur\s+|zum\s+Ende\s+der\s+|Ende\s+(?:der\s+)?)?|in\s+der\s+)(?:(?:KW|Kalenderwoche)\s*(\d{1,2})|(\d{1,2})\.\s*(?:KW|Kalenderwoche))(?!\s*(?:des\s+Jahres\s+)?(?:19|20)\d\d)(?:\s*\/\s*((?:19|20)?\d\d))?(?![\d.])/,
    read: (m, ctx) => {
      const week = Number(m[1] ?? m[2]);
      if (week < 1 || week > 53) return undefined;
      if (m[3]) return { kind: 'date', date: isoWeekSunday(Number(m[3].padStart(4, '20')), week) };
      return { kind: 'date', date: upcoming(ctx, (year) => isoWeekSunday(year, week)) as string };
    },
  },
  {
    rank: 2,
    hint: /kw|kalenderwoche/,
    // "bis zur 12. KW 2022", "bis zur 12. Kalenderwoche des Jahres 2022".
    pattern: new RegExp(
      `\\b(?:bis\\s+(?:zur\\s+|zum\\s+Ende\\s+der\\s+|Ende\\s+der\\s+)?|in\\s+der\\s+)(\\d{1,2})\\.\\s*(?:KW|Kalenderwoche)\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: isoWeekSunday(Number(m[2]), Number(m[1])) }),
  },
  {
    rank: 2,
    hint: /frühjahr|frühling|sommer|herbst/,
    pattern: new RegExp(
      `\\b(?:bis\\s+(?:zum\\s+|spätestens\\s+)?|im\\s+)(Frühjahr|Frühling|Sommer|Herbst)\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => {
      const [month, day] = SEASON_END[m[1].toLowerCase()];
      return dateDue(isoDate(Number(m[2]), month, day));
    },
  },
  {
    rank: 2,
    hint: /spätestens/,
    // "spätestens jedoch ab 1. Oktober 2022": the latest day a duty must be in force.
    pattern: new RegExp(
      `\\bspätestens\\s+(?:jedoch\\s+)?(?:ab|zum|bis|am)\\s+(?:dem\\s+)?(\\d{1,2})\\.\\s*(${M}|\\d{1,2}\\.)\\s*${YEAR}`,
      'i',
    ),
    read: (m) =>
      dateDue(
        isoDate(Number(m[3]), monthNumber(m[2]) ?? Number(m[2].replace('.', '')), Number(m[1])),
      ),
  },
  {
    rank: 2,
    hint: /q[1-4]/,
    pattern: new RegExp(`\\bbis\\s+(?:zum\\s+)?Ende\\s+(?:des\\s+)?Q([1-4])\\s+${YEAR}`, 'i'),
    read: (m) => ({ kind: 'date', date: quarterEnd(Number(m[2]), Number(m[1])) }),
  },
  {
    rank: 2,
    hint: /\sam\s+\d/,
    // "bis zur AL-Runde am 08.12.2020": another body's meeting with its date.
    pattern: new RegExp(
      `\\bbis\\s+(?:spätestens\\s+)?(?:zur|zum|zu\\s+der)\\s+[^,.;]{1,60}?\\s+am\\s+(\\d{1,2})\\.\\s?(\\d{1,2}\\.|${M})\\s?${YEAR}`,
      'i',
    ),
    read: (m) =>
      dateDue(
        isoDate(Number(m[3]), monthNumber(m[2]) ?? Number(m[2].replace('.', '')), Number(m[1])),
      ),
  },
  {
    rank: 2,
    hint: /mitte/,
    // "ab Mitte September 2024", "bis Mitte Mai 2025": the 15th.
    pattern: new RegExp(`\\b(?:ab|bis)\\s+(?:spätestens\\s+)?Mitte\\s+(${M})\\s+${YEAR}`, 'i'),
    read: (m) => dateDue(isoDate(Number(m[2]), monthNumber(m[1]) as number, 15)),
  },
  {
    rank: 3,
    hint: /(?:zum|ab\s+dem|ab)\s+\d/,
    // "zum 01.01.2023 in ihr Produktportfolio aufzunehmen": the date the task itself is done by.
    pattern: new RegExp(
      `\\b(?:zum|ab\\s+dem|ab)\\s+(\\d{1,2})\\.\\s?(\\d{1,2}\\.|\\s*${M})\\s?${YEAR}((?:\\s+[^\\s,.;]+){0,5}?)\\s+(?:\\p{Ll}*zu\\p{Ll}{2,}en|zu\\s+\\p{Ll}+en)(?![\\p{L}-])`,
      'iu',
    ),
    read: (m, _ctx, _after, before) =>
      // "bei allen ab dem 1. Januar 2026 beginnenden Vorhaben anzuwenden": the date is the object's.
      OBJECT_TIME_AFTER.test(m[4]) || attributiveTime(before, m[4])
        ? undefined
        : dateDue(
            isoDate(
              Number(m[3]),
              monthNumber(m[2].trim()) ?? Number(m[2].replace('.', '')),
              Number(m[1]),
            ),
          ),
  },
  {
    rank: 1,
    hint: /(?:frühjahrs|frühlings|sommer|herbst|winter)sitzung/,
    // "zur Herbstsitzung", "bis zur nächsten Frühjahrssitzung": the council's first session of
    // that season after the decision (in the decision's year where it names no "nächste").
    pattern:
      // "zu seiner Herbstsitzung": every way to say "at the session" (AT_SESSION).
      new RegExp(
        `\\b${AT_SESSION}\\s+(nächsten\\s+|kommenden\\s+)?(Frühjahrs|Sommer|Herbst|Winter)sitzung\\b(?!\\s+(?:des\\s+\\S+\\s+)?(?:im\\s+Jahr\\s+|des\\s+Jahres\\s+)?(?:19|20)\\d\\d)`,
        'i',
      ),
    read: (m, ctx, after) => {
      if (otherBody(after, ctx)) return undefined;
      const months = SEASONS[m[2].toLowerCase().replace(/s$/, '')] ?? [];
      const later = (s: CalendarSession) =>
        ctx.meeting !== undefined
          ? s.number > ctx.meeting
          : !ctx.decidedOn || s.date > ctx.decidedOn;
      const pool = m[1]
        ? ctx.calendar
            .filter((s) => !s.cancelled && Number(s.date.slice(0, 4)) >= ctx.year)
            .sort((a, b) => a.number - b.number)
        : sessionsOf(ctx.calendar, ctx.year);
      const session = pool.find((s) => months.includes(Number(s.date.slice(5, 7))) && later(s));
      return session ? { kind: 'meeting', meeting: session.number } : { kind: 'event' };
    },
  },
  {
    rank: 4,
    hint: /bis\s+(?:spätestens\s+)?zur\s+\d/,
    // "bis zur 36. AL-Runde": another body's numbered meeting, no date.
    pattern:
      /\bbis\s+(?:spätestens\s+)?zur\s+\d{1,3}\.\s*(?!Sitzung|Kalenderwoche|ordentlichen)\p{Lu}[\p{L}-]*/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 5,
    hint: /bis/,
    // "bis diese Aufgaben durch die FITKO übernommen worden sind": until something is done.
    pattern:
      /\bbis\s+(?:die|der|das|diese[rsmn]?|alle|sie|er|es)\s[^,.;]{3,140}?\s(?:sind|ist|wird|werden|hat|haben|wurde|wurden|liegt|liegen|vorliegt|vorliegen)\b/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /vorbehaltlich/,
    pattern: /\b[Vv]orbehaltlich\b/,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 5,
    hint: /frist|termin|zeitpunkt/,
    // "spätestens bis zur dafür im Umsetzungsplan vorgesehenen Frist": a time set elsewhere.
    pattern:
      /\bbis\s+(?:spätestens\s+)?(?:zur|zum|zu\s+dem|zu\s+der)\s+(?:[^\s,.;]+\s+){0,10}?(?:Frist|Termin|Zeitpunkt)\b/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 3,
    hint: /rhythmus|turnus|jedes |jeden monat|einmal |jeder [a-zäöü]+sitzung|abstand von|zweijährlich|dreijährlich/,
    // "im zweijährigen Rhythmus", "turnusmäßig", "zu Beginn jedes Jahres", "einmal im Jahr", "in
    // jeder Frühjahrssitzung", "jedes Jahr", "im Abstand von zwei Jahren", "zweijährlich": a duty
    // that comes back.
    pattern:
      /\b(?:im|in\s+einem)\s+(?:[\p{L}-]+\s+)?(?:Rhythmus|Turnus)\b|\bim\s+Abstand\s+von\s+(?:je(?:weils)?\s+)?(?:zwei|drei|vier|fünf|sechs|zwölf|\d{1,2})\s+(?:Jahren|Monaten|Wochen)\b|\b(?:zwei|drei|vier|fünf)jährlich(?:e|en|er|es|em)?\b|\bturnusmäßig\b(?!\s*(?:e|en|er|es|em)\b)|\b(?:zu\s+Beginn|Anfang|Ende|im\s+Laufe)\s+(?:jedes|eines\s+jeden)\s+(?:Jahres|Halbjahres|Quartals|Monats)\b|\beinmal\s+(?:im|pro|je)\s+(?:Jahr|Halbjahr|Quartal|Monat)\b|\b(?:in|zu|auf)\s+jeder\s+(?:Frühjahrs|Sommer|Herbst|Winter)sitzung\b|\b(?:jedes|jedes\s+weitere)\s+(?:Jahr|Halbjahr|Quartal)\b|\bjeden\s+Monat\b/iu,
    read: () => ({ kind: 'recurring' }),
  },
  {
    rank: 3,
    hint: /jährlich|monatlich|quartalsweise|regelmäßig|laufend|jeder|alle /,
    pattern:
      // "im laufenden Jahr", "das laufende Verfahren": a period or a thing going on, no repetition.
      /\b(?:jährlich|halbjährlich|vierteljährlich|monatlich|quartalsweise|regelmäßig|fortlaufend)(?:e|en|er|es|em)?\b|\blaufend(?:e|en|er|es|em)?\b(?!\s+(?:Kalender|Haushalts|Geschäfts)?(?:Jahr|Jahres|Jahr(?:e|en)|Monat|Monats|Quartal|Quartals|Halbjahr|Halbjahres|Verfahren|Verfahrens|Vorhaben|Vorhabens|Projekt|Projekts|Projekte|Sitzung)\b)|\b(?:zu|in)\s+jeder\s+(?:(?:seiner|ihrer)\s+)?(?:zweiten\s+|dritten\s+)?(?:(?:ordentlichen|regulären|planmäßigen|regelmäßigen)\s+)?Sitzung(?:en)?\b|\balle\s+(?:zwei|drei|vier|sechs|zwölf|\d{1,2})\s+(?:Jahre|Monate|Wochen|Sitzungen)\b/i,
    read: () => ({ kind: 'recurring' }),
  },
  {
    rank: 4,
    hint: /(?:nach|mit|zum)\s+(?:abschluss|vorliegen|fertigstellung|inkrafttreten|beendigung|ablauf|ende\s+de[sr]|auswertung|erhalt|abstimmung|beschlussfassung|zustimmung|billigung|entscheidung|durchführung)|sobald|unmittelbar\s+nach|binnen\s|innerhalb\s+von\s|(?:tage|wochen|monate|jahre)\s+nach\s/,
    pattern:
      /\b(?:(?:nach|mit|bis\s+zum|(?:spätestens\s+)?zum)\s+(?:Abschluss|Vorliegen|Fertigstellung|Inkrafttreten|Beendigung|Ablauf|Ende\s+(?:des|der)|Auswertung|Erhalt|Abstimmung|Beschlussfassung|Zustimmung|Billigung|Entscheidung|Durchführung)|sobald|unmittelbar\s+nach|binnen\s+\S+\s+(?:Tagen|Wochen|Monaten|Jahren)|innerhalb\s+von\s+\S+\s+(?:Tagen|Wochen|Monaten)|\S+\s+(?:Tage|Wochen|Monate|Jahre)\s+nach\s+(?:der\s+|dem\s+|den\s+)?\p{Lu})/iu,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /anschluss|nachgang|beginn de|start de|abschluss de|ende de|vor der [a-zäöü]/,
    // "im Anschluss an die Evaluation", "vor Beginn der Pilotphase", "zum Start des
    // Regelbetriebs", "vor der Veröffentlichung", "bis Ende der Wahlperiode": a time set by a
    // step of the work or a period without a date.
    pattern:
      /\b(?:im\s+Anschluss\s+an|im\s+Nachgang\s+(?:zu|zur|zum)|(?:rechtzeitig\s+|spätestens\s+)?(?:vor|bis)\s+(?:spätestens\s+)?(?:dem\s+)?(?:Beginn|Start|Abschluss|Ende)\s+(?:der|des)(?!\s+(?:Jahres|Kalenderjahres|Monats|Quartals|Halbjahres)\b)|(?:mit|zum|bei|spätestens\s+(?:mit|zum))\s+(?:Start|Beginn)\s+(?:der|des)(?!\s+(?:Jahres|Kalenderjahres|Monats|Quartals|Halbjahres)\b)|(?:rechtzeitig\s+)?vor\s+(?:der|dem)\s+(?:Veröffentlichung|Einführung|Inbetriebnahme|Freigabe|Beschlussfassung|Vergabe|Ausschreibung|Start|Inkrafttreten))\b/iu,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /schuljahr|kita|semester/,
    // "spätestens zum Schuljahresbeginn 2024/25", "vor Beginn des Schuljahres": a year of schools
    // or studies whose first day the text does not give.
    pattern:
      /\b(?:bis\s+)?(?:spätestens\s+)?(?:zum|vor\s+dem|mit\s+dem)\s+(?:Beginn\s+des\s+(?:Schuljahres|Kita-?[Jj]ahres|Semesters)|(?:Schuljahres|Kita-?[Jj]ahres|Semester)beginn)(?![\p{L}-])/iu,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /nach/,
    // "nach der CeBIT 2018": after a named event.
    pattern: /\bnach\s+(?:der|dem|den)\s+\p{Lu}[\p{L}-]*\s+(?:19|20)\d{2}\b/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /beratung|haushaltsentwurf|haushaltsplanentwurf/,
    // "den Finanzbedarf zu den Haushaltsberatungen 2012 anzumelden": the budget deliberations.
    // "rechtzeitig zu den Beratungen über den Haushalt 2027": the same, in words.
    pattern:
      /\b(?:bis\s+)?(?:zu\s+den|zur|vor\s+den|in\s+den)\s+(?:(?:Haushalts|Etat|Budget)(?:plan)?beratung(?:en)?\b|Beratung(?:en)?\s+(?:über|zu|für)\s+(?:den|das)\s+(?:Haushalt|Etat|Budget))|\bmit\s+(?:der\s+)?Vorlage\s+des\s+Haushalts(?:plan)?entwurfs\b/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 5,
    hint: /bis\s+(?:spätestens\s+)?(?:zu\s+den|zur|zum)\s/,
    // "bis zu den Haushaltsberatungen", "bis zur Vorlage der Ergebnisse": until something happens.
    pattern:
      /\bbis\s+(?:spätestens\s+)?(?:zu\s+den|zur|zum)\s+(?!(?:Höhe|Hälfte|Grenze|Obergrenze|Summe|Ende|Mitte|Anfang)\b)\p{Lu}\p{Ll}[\p{L}-]*/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /sitzung\s+de[rs]\s/,
    pattern:
      /\b(?:bis\s+)?(?:zur|zu\s+der|in\s+der|vor\s+der)\s+(?:(?:nächsten|übernächsten|kommenden|\d{1,3}\.)\s+)?[A-Za-zÄÖÜäöüß-]*[Ss]itzung\s+(?=(?:der|des)\s)/i,
    read: (_m, ctx, after) => (otherBody(after, ctx) ? { kind: 'event' } : undefined),
  },
  {
    rank: 4,
    hint: /konferenz/,
    // "der Frühjahrskonferenz 2026 zu berichten", "zur nächsten Konferenz vorzulegen": a
    // conference's meeting that no page here dates.
    pattern:
      /\b(?:(?:bis\s+)?zur|vor\s+der|auf\s+der|in\s+der)\s+(?:nächsten\s+|kommenden\s+)?(?:Frühjahrs|Herbst|Sommer|Winter|Jahres)?[Kk]onferenz\b(?:\s+(?:19|20)\d\d)?|\bder\s+(?:nächsten\s+|kommenden\s+)?(?:Frühjahrs|Herbst|Sommer|Winter|Jahres)?[Kk]onferenz(?:\s+(?:19|20)\d\d)?(?=\s+(?:zu\s+berichten|vorzulegen|vorzustellen|zuzuleiten)\b)/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /pause|ferien/,
    // "vor der Sommerpause 2023", "nach den Sommerferien": a time of year that has no fixed day.
    pattern:
      /\b(?:bis\s+)?(?:vor|nach|zur|zum\s+Ende\s+der|zu\s+Beginn\s+der)\s+(?:der|den)?\s*(?:parlamentarischen\s+)?(?:Sommerpause|Winterpause|Weihnachtspause|Sommerferien|Herbstferien|Osterferien|Weihnachtsferien)\b/iu,
    read: () => ({ kind: 'event' }),
  },
];
