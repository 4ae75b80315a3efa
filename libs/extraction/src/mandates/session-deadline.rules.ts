import type { Due } from '@app/domain';
import type { DeadlineContext } from './deadline.parser';
import { isoDate, lastDayOfMonth, monthNumber } from '../text/german-dates';
import {
  AT_SESSION,
  dateDue,
  fullDate,
  M,
  ORDINAL_WORDS,
  ORDINARY,
  otherBody,
  quarterEnd,
  quarterNumber,
  type Rule,
  SEASONS,
  SESSION_ORDINALS,
  firstSessionOf,
  sessionsOf,
  upcoming,
  YEAR,
} from './deadline-words';

/** Deadlines named by a session of the council or of another body: by number, word, season. */
/** The year said in words after a day or month: "d. J.", "dieses Jahres", "des kommenden Jahres". */
/** "d. J.", "dieses Jahres", "des kommenden Jahres", "des Folgejahres" (the last two: the next). */
const YEAR_WORDS =
  '\\s+(?:d\\.\\s?J\\.|(?:des\\s+)?(?:laufenden\\s+|dieses\\s+|diesen\\s+|(kommenden\\s+|nächsten\\s+|folgenden\\s+|Folge))[Jj]ahres)';

/**
 * A day written without a number for its year: the year given, the next one where the text says
 * so, else the decision's year or, where that day has passed when the decision is taken, the next.
 */
function yearlessDay(
  ctx: DeadlineContext,
  day: number,
  month: number,
  year: string | undefined,
  next: string | undefined,
): Due | undefined {
  if (year) return dateDue(isoDate(Number(year), month, day));
  if (next) return dateDue(isoDate(ctx.year + 1, month, day));
  return dateDue(upcoming(ctx, (y) => isoDate(y, month, day)));
}

/** What may stand between "bis" and a month: "spätestens", "zum", "Ende (des Monats)", "Monat". */
const MONTH_LEAD =
  '(?:spätestens\\s+)?(?:zum\\s+)?(?:(?:Ende|Ablauf)\\s+(?:des\\s+Monats\\s+)?|Monat\\s+)?';

/** What a session's ordinal is counted from, when it is not the council's first session. */
const COUNTED_FROM =
  /^\s+(?:nach|vor)\s|^\s+(?:des|im)\s+(?:neuen|nächsten|kommenden|folgenden)\s+Jahr/i;

export const SESSION_RULES: Rule[] = [
  {
    rank: 2,
    hint: /vorgesehen|geplant|angesetzt|terminiert|anberaumt/,
    // "in der für Februar 2026 vorgesehenen Sondersitzung", "zur für den 12. März 2026 geplanten
    // Sitzung": a session the text dates by when it is planned; that day, or the month's last.
    pattern: new RegExp(
      `\\b${AT_SESSION}\\s+für\\s+(?:den\\s+)?(?:(\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|(?:${M})\\s+)\\s?${YEAR})|(${M})\\s+${YEAR})\\s+(?:vorgesehenen|geplanten|angesetzten|terminierten|anberaumten)\\s+[\\p{L}-]*[Ss]itzung\\b`,
      'iu',
    ),
    read: (m) => {
      if (m[1]) {
        const day = fullDate(m[1]);
        return day ? dateDue(day) : undefined;
      }
      const month = monthNumber(m[3]);
      return month ? dateDue(lastDayOfMonth(Number(m[4]), month)) : undefined;
    },
  },
  {
    rank: 0,
    hint: /jeweils/,
    // "jeweils in seiner Frühjahrssitzung", "jeweils zur Herbstsitzung": every year at that season.
    pattern: new RegExp(
      `\\bjeweils\\s+${AT_SESSION}\\s+(?:Frühjahrs|Frühlings|Sommer|Herbst|Winter)sitzung\\b`,
      'i',
    ),
    read: () => ({ kind: 'recurring' }),
  },
  {
    rank: 1,
    hint: /sitzung\s+(?:(?:des|der)\s+\S+\s+)?(?:am|vom)\s/,
    // "in seiner Sitzung am 12.09.2023", "zur Sitzung vom 22. Juni 2022": the council's session of
    // that day where the calendar has one, else that day; "zur nächsten Sitzung des
    // Jugendhilfeausschusses am 31.05.2023": another body's session, that day.
    pattern: new RegExp(
      `\\b${AT_SESSION}\\s+(?:[\\p{L}-]+\\s+){0,2}?Sitzung(?:\\s+(?:des|der)\\s+([\\p{L}-]+))?\\s+(?:am|vom)\\s+(?:\\p{L}+,?\\s+)?\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|(?:${M})\\s+)\\s?${YEAR}`,
      'iu',
    ),
    read: (m, ctx, after) => {
      const date = fullDate(m[0]);
      if (!date) return undefined;
      const elsewhere =
        (m[1] !== undefined && !ctx.councilAliases.some((a) => m[1].startsWith(a.split(' ')[0]))) ||
        otherBody(after, ctx);
      const session = elsewhere
        ? undefined
        : ctx.calendar.find((s) => !s.cancelled && s.date === date);
      return session ? { kind: 'meeting', meeting: session.number } : { kind: 'date', date };
    },
  },
  {
    rank: 0,
    hint: /ab\s+(?:der|seiner)\s+\d/,
    pattern: /\bab\s+(?:der|seiner)\s+(\d{1,3})\.\s*Sitzung\b/i,
    read: (m) => ({ kind: 'recurring', fromMeeting: Number(m[1]) }),
  },
  {
    rank: 0,
    hint: /(?:ersten|letzten|zweiten)\s+sitzung/,
    // "zur ersten Sitzung eines Jahres": every year, no start.
    pattern:
      /\b(?:jeweils\s+)?(?:zur|in\s+der|zu\s+der)\s+(?:ersten|letzten|zweiten)\s+Sitzung\s+(?:eines|jedes|des\s+jeweiligen)\s+(?:Kalender)?[Jj]ahres\b/,
    read: () => ({ kind: 'recurring' }),
  },
  {
    rank: 1,
    hint: /\d\.\s*(?:[a-zäöüß]+\s+|it-planungsrats?-?|it-plr-)?sitzung/,
    pattern: new RegExp(
      `\\b${AT_SESSION}\\s+(\\d{1,3})\\.\\s*(?:(?:ordentlichen|regulären|planmäßigen)\\s+|IT-Planungsrats?-?|IT-PLR-)?[Ss]itzung(?!en)\\b`,
      'i',
    ),
    read: (m, ctx, after, before) => {
      if (otherBody(after, ctx)) return undefined;
      // In another body's minutes a numbered session is that body's, unless the council is named
      // ("51. Sitzung des IT-Planungsrats", "50. Sitzung IT-PLR").
      if (
        ctx.body &&
        !/^\s*(?:der|des)\s/i.test(after) &&
        !/IT-(?:Planungsrat|PLR)/i.test(m[0]) &&
        !ctx.councilAliases.some((alias) => after.trimStart().startsWith(alias))
      )
        return { kind: 'event' };
      // "legt der AL-Runde in der 33. Sitzung (03.09.2024) ... vor": that body's session.
      const owner = /^in\s+der\b/i.test(m[0])
        ? /(?:der|dem)\s+([\p{Lu}][\p{L}-]+)\s+$/u.exec(before)
        : null;
      if (
        owner &&
        !ctx.councilAliases.some((a) => owner[1].startsWith(a.split(' ')[0])) &&
        /(?:runde|rat|ausschuss|gremium|konferenz|kreis|gruppe)$/i.test(owner[1])
      ) {
        const dated = /^\s*\((\d{1,2})\.(\d{1,2})\.(\d{4})\)/.exec(after);
        return dated
          ? dateDue(isoDate(Number(dated[3]), Number(dated[2]), Number(dated[1])))
          : { kind: 'event' };
      }
      return { kind: 'meeting', meeting: Number(m[1]) };
    },
  },
  {
    rank: 1,
    hint: /ten\s+(?:[a-zäöüß]+\s+)?sitzung/,
    pattern: new RegExp(
      `\\b${AT_SESSION}\\s+(${Object.keys(SESSION_ORDINALS).join('|')})\\s+${ORDINARY}Sitzung(?!en)\\b(?!\\s+(?:(?:im|des|eines|jedes)\\s+(?:Jahr|Kalenderjahr|\\d)|(?:19|20)\\d\\d))`,
      'i',
    ),
    read: (m, ctx, after) =>
      otherBody(after, ctx)
        ? undefined
        : // "in der ersten Sitzung nach der Sommerpause", "… des neuen Jahres": a session counted
          // from something else, not the council's session number.
          COUNTED_FROM.test(after)
          ? (afterSummerBreak(m[1], after, ctx) ?? { kind: 'event' })
          : { kind: 'meeting', meeting: SESSION_ORDINALS[m[1].toLowerCase()] },
  },
  {
    rank: 1,
    hint: /(?:nächsten|kommenden)\s+(?:[a-zäöüß]+\s+)?sitzung/,
    pattern: new RegExp(
      `\\b${AT_SESSION}\\s+(nächsten|übernächsten|kommenden)\\s+${ORDINARY}Sitzung(?!en)\\b`,
      'i',
    ),
    read: (m, ctx, after, before) => {
      // "bis zur nächsten Sitzung der AL-Runde" in the AL-Runde's own minutes: its session.
      const own = ownBody(after, ctx);
      if (!own && otherBody(after, ctx)) return undefined;
      // Another body's minutes that date its next sessions: that day; not the session of a body
      // named right before ("dem Hauptausschuss in seiner nächsten Sitzung").
      if (ctx.meeting === undefined)
        return (
          ((own || !/^\s*(?:der|des)\s/i.test(after)) &&
            !otherBodyBefore(before, ctx) &&
            bodySession(ctx, m[1])) || { kind: 'event' }
        );
      return {
        kind: 'meeting',
        meeting: ctx.meeting + (m[1].toLowerCase() === 'übernächsten' ? 2 : 1),
      };
    },
  },
  {
    rank: 1,
    hint: /(?:nächste|kommende)\s+(?:ordentliche\s+)?sitzung/,
    // "wird auf die nächste Sitzung vertagt", "bereitet für die nächste Sitzung einen Vortrag vor":
    // the same session, in the accusative (in minutes that date it, that day).
    pattern: /\b(?:auf|für)\s+die\s+(nächste|übernächste|kommende)\s+(?:ordentliche\s+)?Sitzung\b/i,
    read: (m, ctx, after) => {
      if (otherBody(after, ctx)) return undefined;
      if (ctx.meeting === undefined) return bodySession(ctx, m[1]) ?? { kind: 'event' };
      return { kind: 'meeting', meeting: ctx.meeting + (/^ü/i.test(m[1]) ? 2 : 1) };
    },
  },
  {
    rank: 4,
    hint: /(?:nächste|kommende)n?\s+\p{L}{3,}sitzung/u,
    // "in der nächsten Bauausschusssitzung": another body's next meeting, without number or date.
    pattern:
      /\b(?:bis\s+)?(?:zur|zu\s+der|in\s+der|auf\s+der|auf\s+die|für\s+die)\s+(?:nächsten?|kommenden?)\s+(?!(?:Frühjahrs|Frühlings|Sommer|Herbst|Winter)sitzung)\p{Lu}\p{Ll}{2,}(?:sitzung)\b/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 1,
    // "darüber der 79. GMK zu berichten", "in der Sitzung der 99. GMK": a session of the body by
    // the short name the text gives itself (other short names are left to the other rules).
    hint: /\d\.\s?[a-zäöü]{2,6}(?![a-zäöü])/,
    pattern:
      /(?<![\p{L}-])(?:bis\s+)?(?:zur|zu\s+der|der|in\s+der|auf\s+der|vor\s+der)\s+(?:Sitzung\s+der\s+)?(\d{1,3})\.\s*(\p{Lu}{2,6})(?![\p{L}\p{N}-])/u,
    read: (m, ctx) =>
      ctx.councilAliases.includes(m[2]) ? { kind: 'meeting', meeting: Number(m[1]) } : undefined,
  },
  {
    rank: 4,
    hint: /(?:nächsten|kommenden)\s+[\p{L}-]*(?:ausschuss|rat|kreistag|gremium)/u,
    // "im nächsten Bauausschuss", "bis zum nächsten Kreistag": a body's next meeting by its name.
    pattern:
      /(?<![\p{L}-])(?:im|zum|bis\s+zum|vor\s+dem|in\s+dem)\s+(?:nächsten|kommenden)\s+\p{Lu}[\p{L}-]*(?:ausschuss|ausschusses|rat|rates|beirat|kreistag|gremium|gremiums)(?![\p{L}-])/u,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /turnus|lauf|runde|zyklus|folge/,
    // "im nächsten Sitzungslauf", "in den nächsten Turnus", "in der nächsten Beratungsfolge": the
    // next round of the council's committees, a time without number or date.
    pattern:
      /\b(?:bis\s+)?(?:im|in\s+den|zum|für\s+den|in\s+der|zur|bis\s+zur)\s+(?:nächsten?|kommenden?)\s+(?:Sitzungs|Beratungs|Gremien)?(?:lauf|turnus|runde|zyklus|folge|durchgang)\b/iu,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    hint: /sitzungen/,
    pattern:
      /\b(?:in|zu|auf)\s+(?:einer|eine)\s+der\s+(?:nächsten|kommenden|folgenden)\s+Sitzungen\b/i,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 1,
    hint: /(?:frühjahrs|frühlings|sommer|herbst|winter)sitzung/,
    pattern: new RegExp(
      `\\b${AT_SESSION}\\s+(Frühjahrs|Sommer|Herbst|Winter)sitzung\\s+(?:des\\s+[\\p{L}-]+\\s+)?(?:im\\s+Jahr\\s+|des\\s+Jahres\\s+)?${YEAR}`,
      'iu',
    ),
    read: (m, ctx) => {
      const months = SEASONS[m[1].toLowerCase().replace(/s$/, '')] ?? [];
      const year = Number(m[2]);
      const session = sessionsOf(ctx.calendar, year).find((s) =>
        months.includes(Number(s.date.slice(5, 7))),
      );
      if (session) return { kind: 'meeting', meeting: session.number };
      // The season's session of a year not dated yet: counted from its first as the year before
      // ran ("Sommersitzung 2026" after spring, summer and autumn sessions in 2025: the second).
      const first = firstSessionOf(ctx.calendar, year);
      const before = sessionsOf(ctx.calendar, year - 1);
      const place = /^früh/i.test(m[1])
        ? 0
        : before.findIndex((s) => months.includes(Number(s.date.slice(5, 7))));
      return first !== undefined && place >= 0
        ? { kind: 'meeting', meeting: first + place }
        : { kind: 'event' };
    },
  },
  {
    rank: 1,
    hint: /ten\s+sitzung/,
    pattern: new RegExp(
      // "in der letzten Sitzung dieses Jahres", "des Jahres" without a number: the decision's year.
      `\\b${AT_SESSION}\\s+(ersten|zweiten|dritten|letzten)\\s+Sitzung\\s+(?:(?:im\\s+Jahr\\s+|des\\s+Jahres\\s+)?${YEAR}|(?:des|dieses|des\\s+laufenden)\\s+Jahres\\b(?!\\s+\\d))`,
      'i',
    ),
    read: (m, ctx) => {
      const sessions = sessionsOf(ctx.calendar, m[2] ? Number(m[2]) : ctx.year);
      const session =
        m[1] === 'letzten' ? sessions[sessions.length - 1] : sessions[ORDINAL_WORDS[m[1]] - 1];
      if (session) return { kind: 'meeting', meeting: session.number };
      const first =
        m[1].toLowerCase() === 'ersten' && m[2]
          ? firstSessionOf(ctx.calendar, Number(m[2]))
          : undefined;
      return first ? { kind: 'meeting', meeting: first } : { kind: 'event' };
    },
  },
  {
    rank: 2,
    hint: /\d{4}-\d{2}-\d{2}/,
    // "bis 2022-03-31", "spätestens zum 2022-03-31": a date written the ISO way.
    pattern:
      /\b(?:bis\s+(?:zum\s+)?|(?:spätestens\s+)?(?:zum|am)\s+)((?:19|20)\d\d)-(\d{2})-(\d{2})(?![\d-])/,
    read: (m) => dateDue(isoDate(Number(m[1]), Number(m[2]), Number(m[3]))),
  },
  {
    rank: 2,
    hint: /bis\s+(?:zum\s+|spätestens\s+(?:zum\s+)?)?\d/,
    // "bis zum 31.12.2022", "bis 30.6.22": a two-digit year is of this century.
    pattern:
      /\bbis\s+(?:zum\s+|spätestens\s+)?(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)(?!\.\d)/,
    read: (m) => dateDue(isoDate(Number(m[3].padStart(4, '20')), Number(m[2]), Number(m[1]))),
  },
  {
    rank: 2,
    hint: /bis\s+(?:zum\s+|spätestens\s+(?:zum\s+)?)?\d/,
    pattern: new RegExp(
      `\\bbis\\s+(?:zum\\s+|spätestens\\s+(?:zum\\s+)?)?(\\d{1,2})\\.\\s*(${M})(?:\\s+${YEAR}|${YEAR_WORDS})?`,
      'i',
    ),
    read: (m, ctx) => yearlessDay(ctx, Number(m[1]), monthNumber(m[2]) as number, m[3], m[4]),
  },
  {
    rank: 2,
    hint: /bis\s+(?:zum\s+|spätestens\s+(?:zum\s+)?)?\d/,
    // "bis zum 30.06.", "bis 15.11. d. J.": a day without a year.
    pattern: new RegExp(
      `\\bbis\\s+(?:zum\\s+|spätestens\\s+(?:zum\\s+)?)?(\\d{1,2})\\.\\s?(\\d{1,2})\\.(?!\\s?\\d)(?:${YEAR_WORDS})?`,
    ),
    read: (m, ctx) => yearlessDay(ctx, Number(m[1]), Number(m[2]), undefined, m[3]),
  },
  {
    rank: 2,
    hint: /quartal/,
    pattern: new RegExp(
      `\\b(?:bis\\s+(?:zum\\s+)?|zum\\s+)(?:Ende|Ablauf)\\s+(?:des\\s+)?(ersten|zweiten|dritten|vierten|[1-4]\\.|I{1,3}\\.?|IV\\.?)\\s+Quartals?\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: quarterEnd(Number(m[2]), quarterNumber(m[1])) }),
  },
  {
    rank: 2,
    hint: /quartal/,
    pattern: new RegExp(
      `\\b(?:(?:bis\\s+(?:zum\\s+)?|zum\\s+)(?:Ende|Ablauf)\\s+des\\s+|im\\s+|bis\\s+zum\\s+)(ersten|zweiten|dritten|vierten|[1-4]\\.|I{1,3}\\.|IV\\.)\\s+Quartals?\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: quarterEnd(Number(m[2]), quarterNumber(m[1])) }),
  },
  {
    rank: 2,
    hint: /halbjahr/,
    pattern: new RegExp(
      `\\b(?:bis\\s+(?:zum\\s+)?Ende\\s+des\\s+|im\\s+|bis\\s+zum\\s+)(ersten|zweiten|1\\.|2\\.)\\s+Halbjahr(?:es|s)?\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({
      kind: 'date',
      date: /^(ersten|1\.)$/i.test(m[1]) ? `${m[2]}-06-30` : `${m[2]}-12-31`,
    }),
  },
  {
    rank: 2,
    hint: /januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember/,
    // "bis Dezember 2022", "bis zum Dezember 2022", "bis spätestens Ende Juni 2022", "bis zum Ende
    // des Monats Juni 2022", "bis zum Monat Mai 2023": the month's last day.
    // "bis März 22": the year in two digits, where no noun follows that the number could count.
    pattern: new RegExp(
      `\\bbis\\s+${MONTH_LEAD}(${M})\\s+(?:${YEAR}|['’]?(\\d{2})(?=\\s*(?:[,.;)]|$)|\\s+\\p{Ll}))`,
      'iu',
    ),
    read: (m) => ({
      kind: 'date',
      date: lastDayOfMonth(m[2] ? Number(m[2]) : 2000 + Number(m[3]), monthNumber(m[1]) as number),
    }),
  },
  {
    rank: 2,
    hint: /januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember/,
    // "bis Ende Juni", "bis zum Dezember": the month's last day in the decision's year, or in the
    // next year where that day has passed when the decision is taken (as for the seasons).
    // "bis Ende Mai des kommenden Jahres": the year after the decision's; "d. J." this year's.
    pattern: new RegExp(
      `\\bbis\\s+${MONTH_LEAD}(${M})(?![\\p{L}-])(?!\\s*[\\d/])(\\s+des\\s+(?:(?:kommenden|nächsten|folgenden)\\s+Jahres|Folgejahres))?(\\s+(?:d\\.\\s?J\\.|(?:des\\s+)?(?:laufenden|dieses)\\s+Jahres))?`,
      'iu',
    ),
    read: (m, ctx) => {
      const month = monthNumber(m[1]) as number;
      if (m[2]) return { kind: 'date', date: lastDayOfMonth(ctx.year + 1, month) };
      // "bis Ende Juni d. J.": this year's, even where it has passed (then flagged, not moved on).
      if (m[3]) return { kind: 'date', date: lastDayOfMonth(ctx.year, month) };
      return { kind: 'date', date: upcoming(ctx, (y) => lastDayOfMonth(y, month)) as string };
    },
  },
  {
    rank: 2,
    hint: /januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember/,
    // "im Dezember vorzulegen": the month's last day, the first such not before the decision; not
    // "der im März beschlossene Plan" (a participle: when something was done).
    pattern: new RegExp(
      `\\bim\\s+(?:Laufe\\s+des\\s+)?(${M})(?![\\p{L}-])(?!\\s*(?:[\\d/]|des\\s|d\\.))(?!\\s+\\p{Ll}*(?:te|ene|ten|enen|tes|ter|ener|enes|tem|enem)(?![\\p{L}-]))`,
      'iu',
    ),
    read: (m, ctx) => {
      const month = monthNumber(m[1]) as number;
      return { kind: 'date', date: upcoming(ctx, (y) => lastDayOfMonth(y, month)) as string };
    },
  },
  {
    rank: 2,
    hint: /januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember/,
    pattern: new RegExp(`\\bim\\s+(?:Laufe\\s+des\\s+)?(${M})\\s+${YEAR}`, 'i'),
    read: (m) => ({
      kind: 'date',
      date: lastDayOfMonth(Number(m[2]), monthNumber(m[1]) as number),
    }),
  },
];

const BODY_BEFORE =
  /(?:dem|der|den)\s+(\p{Lu}[\p{L}-]*(?:ausschuss|rat|beirat|gremium|runde|konferenz|kreis|gruppe))\s*$/u;

/**
 * "dem Hauptausschuss in seiner nächsten Sitzung": another body's session than the one the page
 * dates ("Nächste Sitzung des Gemeinderates: …"); "dem Gemeinderat in der nächsten Sitzung" is it.
 */
function otherBodyBefore(before: string, ctx: DeadlineContext): boolean {
  const named = BODY_BEFORE.exec(before)?.[1];
  const dated = ctx.bodySessions?.nextBody;
  // "legt ihn der Kooperationsgruppe bis zur nächsten Sitzung vor" in that group's own minutes.
  if (named && ctx.bodySessions && ctx.body?.startsWith(named)) return false;
  return named !== undefined && !(dated && dated.replace(/e?s$/, '') === named.replace(/e?s$/, ''));
}

/** "… der AL-Runde" after a session in the minutes of the Abteilungsleiterrunde: its own body. */
function ownBody(after: string, ctx: DeadlineContext): boolean {
  const named = /^\s*(?:der|des)\s+([\p{L}-]+)/u.exec(after)?.[1];
  const body = ctx.bodySessions ? ctx.body : undefined;
  if (!named || !body) return false;
  const runde = /^(?:AL-Runde|Abteilungsleiterrunde)/;
  return body.startsWith(named) || (runde.test(named) && runde.test(body));
}

/** "bis zur (über)nächsten Sitzung" in a body's minutes that date its next sessions. */
function bodySession(ctx: DeadlineContext, word: string): Due | undefined {
  const sessions = ctx.bodySessions;
  if (!sessions) return undefined;
  const ahead = /^ü/i.test(word) ? 2 : 1;
  const numbered =
    sessions.number !== undefined ? sessions.dated[sessions.number + ahead] : undefined;
  const day = numbered ?? (ahead === 1 ? sessions.next : undefined) ?? sessions.upcoming[ahead - 1];
  return day ? dateDue(day) : undefined;
}

/**
 * "in seiner ersten Sitzung nach der Sommerpause 2026" where the page lists the body's sessions
 * ("Sitzungstermine des Kreistages 2026: 19.03.2026, 02.07.2026, 24.09.2026"): the first listed
 * after July of that year.
 */
function afterSummerBreak(ordinal: string, after: string, ctx: DeadlineContext): Due | undefined {
  const summer = /^\s+nach\s+der\s+Sommerpause(?:\s+((?:19|20)\d\d))?/i.exec(after);
  if (!summer || ordinal.toLowerCase() !== 'ersten' || !ctx.bodySessions) return undefined;
  const year = summer[1] ?? (ctx.decidedOn ?? '').slice(0, 4);
  const day = ctx.bodySessions.upcoming.find((d) => d.slice(0, 4) === year && d.slice(5) > '07-31');
  return day ? dateDue(day) : undefined;
}
