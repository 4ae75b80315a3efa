import type { CalendarSession, Due } from '../extraction.types';
import { isoDate, lastDayOfMonth, monthNumber, MONTH_PATTERN } from '../text/german-dates';

/** What a deadline phrase is read against. */
export interface DeadlineContext {
  /** The session that took the decision. */
  meeting: number;
  /** The decision's year, for dates without one ("bis zum 15. September"). */
  year: number;
  calendar: CalendarSession[];
  /** Names of the council, so "Sitzung des IT-Planungsrats" is its own and "der AL-Runde" is not. */
  councilAliases: string[];
}

export interface ParsedDeadline {
  due: Due;
  /** The phrase as written, empty for `none`. */
  text: string;
}

interface Rule {
  /** Lower wins where two phrases in one clause name a deadline. */
  rank: number;
  pattern: RegExp;
  read: (m: RegExpExecArray, ctx: DeadlineContext, after: string) => Due | undefined;
}

const ORDINAL_WORDS: Record<string, number> = {
  ersten: 1,
  zweiten: 2,
  dritten: 3,
  vierten: 4,
  letzten: 4,
};
const SEASONS: Record<string, number[]> = {
  frühjahr: [1, 2, 3, 4, 5],
  sommer: [6, 7, 8],
  herbst: [9, 10, 11, 12],
  winter: [11, 12, 1, 2],
};
const M = MONTH_PATTERN;
const YEAR = '((?:19|20)\\d{2})';

function quarterEnd(year: number, quarter: number): string {
  return lastDayOfMonth(year, quarter * 3);
}

function sessionsOf(calendar: CalendarSession[], year: number): CalendarSession[] {
  return calendar
    .filter((s) => !s.cancelled && Number(s.date.slice(0, 4)) === year)
    .sort((a, b) => a.number - b.number);
}

const RULES: Rule[] = [
  {
    rank: 0,
    pattern: /\bab\s+(?:der|seiner)\s+(\d{1,3})\.\s*Sitzung\b/i,
    read: (m) => ({ kind: 'recurring', fromMeeting: Number(m[1]) }),
  },
  {
    rank: 1,
    pattern:
      /\b(?:bis\s+)?(?:zur|zu\s+der|in\s+der|zu\s+seiner|in\s+seiner|bis\s+zu\s+seiner|vor\s+der)\s+(\d{1,3})\.\s*(?:ordentlichen\s+)?Sitzung(?!en)\b/i,
    read: (m, ctx, after) =>
      otherBody(after, ctx) ? undefined : { kind: 'meeting', meeting: Number(m[1]) },
  },
  {
    rank: 1,
    pattern:
      /\b(?:bis\s+)?(?:zur|zu\s+der|in\s+der|zu\s+seiner|in\s+seiner|bis\s+zu\s+seiner)\s+(nächsten|übernächsten)\s+(?:ordentlichen\s+)?Sitzung(?!en)\b/i,
    read: (m, ctx, after) =>
      otherBody(after, ctx)
        ? undefined
        : { kind: 'meeting', meeting: ctx.meeting + (m[1].toLowerCase() === 'nächsten' ? 1 : 2) },
  },
  {
    rank: 1,
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:zur|in\\s+der|zu\\s+der)\\s+(Frühjahrs|Sommer|Herbst|Winter)sitzung\\s+(?:im\\s+Jahr\\s+|des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m, ctx) => {
      const months = SEASONS[m[1].toLowerCase().replace(/s$/, '')] ?? [];
      const year = Number(m[2]);
      const session = sessionsOf(ctx.calendar, year).find((s) =>
        months.includes(Number(s.date.slice(5, 7))),
      );
      return session ? { kind: 'meeting', meeting: session.number } : { kind: 'event' };
    },
  },
  {
    rank: 1,
    pattern: new RegExp(
      `\\b(?:bis\\s+)?(?:zur|in\\s+der)\\s+(ersten|zweiten|dritten|letzten)\\s+Sitzung\\s+(?:im\\s+Jahr\\s+|des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m, ctx) => {
      const sessions = sessionsOf(ctx.calendar, Number(m[2]));
      const session =
        m[1] === 'letzten' ? sessions[sessions.length - 1] : sessions[ORDINAL_WORDS[m[1]] - 1];
      return session ? { kind: 'meeting', meeting: session.number } : { kind: 'event' };
    },
  },
  {
    rank: 2,
    pattern: /\bbis\s+(?:zum\s+|spätestens\s+)?(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/,
    read: (m) => dateDue(isoDate(Number(m[3]), Number(m[2]), Number(m[1]))),
  },
  {
    rank: 2,
    pattern: new RegExp(
      `\\bbis\\s+(?:zum\\s+|spätestens\\s+(?:zum\\s+)?)?(\\d{1,2})\\.\\s*(${M})(?:\\s+${YEAR})?`,
      'i',
    ),
    read: (m, ctx) =>
      dateDue(isoDate(m[3] ? Number(m[3]) : ctx.year, monthNumber(m[2]) as number, Number(m[1]))),
  },
  {
    rank: 2,
    pattern: new RegExp(
      `\\bbis\\s+(?:zum\\s+)?Ende\\s+(?:des\\s+)?(ersten|zweiten|dritten|vierten|[1-4]\\.|I{1,3}\\.?|IV\\.?)\\s+Quartals?\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: quarterEnd(Number(m[2]), quarterNumber(m[1])) }),
  },
  {
    rank: 2,
    pattern: new RegExp(
      `\\b(?:bis\\s+(?:zum\\s+)?Ende\\s+des\\s+|im\\s+)(ersten|zweiten|dritten|vierten|[1-4]\\.)\\s+Quartals?\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: quarterEnd(Number(m[2]), quarterNumber(m[1])) }),
  },
  {
    rank: 2,
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
    pattern: new RegExp(
      `\\bbis\\s+(?:zum\\s+)?(?:Ende|Ablauf)\\s+(?:des\\s+Monats\\s+)?(${M})\\s+${YEAR}`,
      'i',
    ),
    read: (m) => ({
      kind: 'date',
      date: lastDayOfMonth(Number(m[2]), monthNumber(m[1]) as number),
    }),
  },
  {
    rank: 2,
    pattern: new RegExp(`\\bbis\\s+(?:(?:zum\\s+)?(?:Ende|Ablauf)\\s+)?(${M})\\s+${YEAR}`, 'i'),
    read: (m) => ({
      kind: 'date',
      date: lastDayOfMonth(Number(m[2]), monthNumber(m[1]) as number),
    }),
  },
  {
    rank: 2,
    pattern: new RegExp(`\\bim\\s+(?:Laufe\\s+des\\s+)?(${M})\\s+${YEAR}`, 'i'),
    read: (m) => ({
      kind: 'date',
      date: lastDayOfMonth(Number(m[2]), monthNumber(m[1]) as number),
    }),
  },
  {
    rank: 2,
    pattern: new RegExp(`\\bbis\\s+Mitte\\s+(?:des\\s+Jahres\\s+)?${YEAR}`, 'i'),
    read: (m) => ({ kind: 'date', date: `${m[1]}-06-30` }),
  },
  {
    rank: 2,
    pattern: new RegExp(
      `\\bbis\\s+(?:zum\\s+)?(?:Ende|Ablauf)\\s+(?:des\\s+Jahres\\s+)?${YEAR}`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: `${m[1]}-12-31` }),
  },
  {
    rank: 2,
    pattern:
      /\bbis\s+(?:zum\s+)?(?:Ende|Ablauf)\s+(?:dieses|des\s+(?:laufenden\s+)?)Jahres\b|\bbis\s+(?:zum\s+)?Jahresende\b/i,
    read: (_m, ctx) => ({ kind: 'date', date: `${ctx.year}-12-31` }),
  },
  {
    rank: 2,
    pattern: new RegExp(
      `\\b(?:im\\s+(?:Laufe\\s+des\\s+)?Jahr(?:es)?|im\\s+Kalenderjahr|bis\\s+(?:spätestens\\s+)?)\\s*${YEAR}\\b(?![./])`,
      'i',
    ),
    read: (m) => ({ kind: 'date', date: `${m[1]}-12-31` }),
  },
  {
    rank: 3,
    pattern:
      /\b(?:jährlich|halbjährlich|vierteljährlich|regelmäßig|fortlaufend|laufend|zu\s+jeder\s+Sitzung|in\s+jeder\s+Sitzung)\b/i,
    read: () => ({ kind: 'recurring' }),
  },
  {
    rank: 4,
    pattern:
      /\b(?:nach\s+(?:Abschluss|Vorliegen|Fertigstellung|Inkrafttreten|Beendigung|Ablauf|Ende|Auswertung|Erhalt|Abstimmung)|sobald|unmittelbar\s+nach)\b/i,
    read: () => ({ kind: 'event' }),
  },
  {
    rank: 4,
    pattern:
      /\b(?:bis\s+)?(?:zur|zu\s+der|in\s+der|vor\s+der)\s+(?:(?:nächsten|kommenden|\d{1,3}\.)\s+)?[A-Za-zÄÖÜäöüß-]*[Ss]itzung\s+(?=(?:der|des)\s)/i,
    read: (_m, ctx, after) => (otherBody(after, ctx) ? { kind: 'event' } : undefined),
  },
];

/** "... Sitzung der AL-Runde": a meeting of another body, not of the council. */
function otherBody(after: string, ctx: DeadlineContext): boolean {
  const owner = /^\s*(?:der|des)\s+(.+)/i.exec(after);
  if (!owner) return false;
  return !ctx.councilAliases.some((alias) => owner[1].startsWith(alias));
}

function quarterNumber(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (ORDINAL_WORDS[lower]) return ORDINAL_WORDS[lower];
  if (/^\d$/.test(lower)) return Number(lower);
  return { i: 1, ii: 2, iii: 3, iv: 4 }[lower] ?? 4;
}

function dateDue(date: string | undefined): Due | undefined {
  return date ? { kind: 'date', date } : undefined;
}

const SOFT =
  /\b(?:möglichst|nach\s+Möglichkeit|wenn\s+möglich|soweit\s+möglich|idealerweise|spätestens\s+jedoch)\s*$/i;

/**
 * Reads the deadline of a mandate's clause. Where several phrases qualify, the most specific
 * kind wins (recurring start, session, date, repetition, event), then the first in the text.
 */
export function parseDeadline(clause: string, ctx: DeadlineContext): ParsedDeadline {
  let best: { rank: number; index: number; due: Due; text: string } | undefined;
  for (const rule of RULES) {
    const match = rule.pattern.exec(clause);
    if (!match) continue;
    const due = rule.read(match, ctx, clause.slice(match.index + match[0].length));
    if (!due) continue;
    if (!best || rule.rank < best.rank || (rule.rank === best.rank && match.index < best.index)) {
      best = { rank: rule.rank, index: match.index, due, text: match[0].trim() };
    }
  }
  if (!best) return { due: { kind: 'none' }, text: '' };
  const soft = SOFT.test(clause.slice(Math.max(0, best.index - 40), best.index));
  return {
    due: soft && best.due.kind !== 'none' ? { ...best.due, soft: true } : best.due,
    text: best.text,
  };
}
