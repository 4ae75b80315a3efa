import type { Due } from '@app/domain';
import type { CalendarSession } from '../extraction.types';
import { isoDate, lastDayOfMonth, monthNumber, MONTH_PATTERN } from '../text/german-dates';
import type { DeadlineContext } from './deadline.parser';

/** The words and helpers the deadline rules share: session ordinals, seasons, quarters, dates. */

export interface Rule {
  /** Lower wins where two phrases in one clause name a deadline. */
  rank: number;
  /** Lowercase words of which one must occur for the rule to be tried (speed). */
  hint?: RegExp;
  pattern: RegExp;
  read: (
    m: RegExpExecArray,
    ctx: DeadlineContext,
    after: string,
    before: string,
  ) => Due | undefined;
}

export const ORDINAL_WORDS: Record<string, number> = {
  ersten: 1,
  zweiten: 2,
  dritten: 3,
  vierten: 4,
  letzten: 4,
};
/** Session numbers written as words ("bis zur zweiten Sitzung"), as the council's first texts do. */
export const SESSION_ORDINALS: Record<string, number> = {
  ersten: 1,
  zweiten: 2,
  dritten: 3,
  vierten: 4,
  fünften: 5,
  sechsten: 6,
  siebten: 7,
  siebenten: 7,
  achten: 8,
  neunten: 9,
  zehnten: 10,
  elften: 11,
  zwölften: 12,
};
/** Last day of a season named as a period ("bis Herbst 2018"): meteorological seasons. */
export const SEASON_END: Record<string, [number, number]> = {
  frühjahr: [5, 31],
  frühling: [5, 31],
  sommer: [8, 31],
  herbst: [11, 30],
};
/** "zur", "in seiner", "auf der", "für die": a session as the time of a task. */
export const AT_SESSION =
  '(?:bis\\s+)?(?:spätestens\\s+)?(?:zur|zu\\s+der|in\\s+der|auf\\s+der|auf\\s+die|in\\s+die|für\\s+die|zu\\s+seiner|in\\s+seiner|auf\\s+seiner|bis\\s+zu\\s+seiner|vor\\s+der|vor\\s+seiner|im\\s+Vorfeld\\s+(?:der|seiner)|im\\s+Rahmen\\s+(?:der|seiner)|zur\\s+Vorbereitung\\s+(?:der|seiner))';
/** Labels a time stands under ("Frist: 30.06.2022", "Termin: 38. Sitzung"). */
export const TIME_LABEL_WORD =
  '(?:Frist|Termin|Zieltermin|Erledigungstermin|Fälligkeit|Wiedervorlage)';
/** "der nächsten regulären Sitzung": words that only say the session is an ordinary one. */
export const ORDINARY =
  '(?:(?:ordentlichen|regulären|planmäßigen|turnusmäßigen|regelmäßigen)\\s+)?';
export const SEASONS: Record<string, number[]> = {
  frühjahr: [1, 2, 3, 4, 5],
  sommer: [6, 7, 8],
  herbst: [9, 10, 11, 12],
  winter: [11, 12, 1, 2],
};
export const M = MONTH_PATTERN;
export const YEAR = '((?:19|20)\\d{2})';

/**
 * A day of a year the text does not name: in the decision's year, or in the next where that day
 * has passed when the decision is taken.
 */
export function upcoming(
  ctx: DeadlineContext,
  dayIn: (year: number) => string | undefined,
): string | undefined {
  const date = dayIn(ctx.year);
  return date && ctx.decidedOn && date < ctx.decidedOn ? dayIn(ctx.year + 1) : date;
}

export function quarterEnd(year: number, quarter: number): string {
  return lastDayOfMonth(year, quarter * 3);
}

export function sessionsOf(calendar: CalendarSession[], year: number): CalendarSession[] {
  return calendar
    .filter((s) => !s.cancelled && Number(s.date.slice(0, 4)) === year)
    .sort((a, b) => a.number - b.number);
}

/**
 * The first session of a year the calendar dates none of: the one after its last dated session,
 * where that one was held the year before ("Frühjahrssitzung 2026" after the 48th in November 2025
 * is the 49th). A guess about sessions not yet dated: the reading says so.
 */
export function firstSessionOf(calendar: CalendarSession[], year: number): number | undefined {
  if (sessionsOf(calendar, year).length > 0) return undefined;
  let last: CalendarSession | undefined;
  for (const s of calendar) if (!s.cancelled && (!last || s.number > last.number)) last = s;
  return last && Number(last.date.slice(0, 4)) === year - 1 ? last.number + 1 : undefined;
}

/** "... Sitzung der AL-Runde": a meeting of another body, not of the council. */
export function otherBody(after: string, ctx: DeadlineContext): boolean {
  const owner = /^\s*(?:der|des)\s+(.+)/i.exec(after);
  if (!owner || PERIOD_OWNER.test(owner[1])) return false;
  return !ctx.councilAliases.some((alias) => owner[1].startsWith(alias));
}

/** "Sitzung des neuen Jahres", "des laufenden Quartals": a time, not a body. */
const PERIOD_OWNER =
  /^(?:(?:neuen|nächsten|kommenden|folgenden|laufenden|jeweiligen|gleichen)\s+)?(?:Jahres|Kalenderjahres|Monats|Quartals|Halbjahres)(?![\p{L}-])/u;

/** The Sunday that ends ISO week `week` of `year`. */
export function isoWeekSunday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + ((week - 1) * 7 + 6) * 86_400_000);
  return sunday.toISOString().slice(0, 10);
}

export function quarterNumber(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (ORDINAL_WORDS[lower]) return ORDINAL_WORDS[lower];
  if (/^\d$/.test(lower)) return Number(lower);
  return { i: 1, ii: 2, iii: 3, iv: 4 }[lower] ?? 4;
}

export function dateDue(date: string | undefined): Due | undefined {
  return date ? { kind: 'date', date } : undefined;
}

/** Written dates with their year ("31.12.2022", "30. Juni 2022"), every one in a text. */
export const DATES = new RegExp(
  `(\\d{1,2})\\.\\s?(?:(\\d{1,2})\\.|\\s*(${M}))\\s*((?:19|20)\\d{2})`,
  'gi',
);
const ONE_DATE = new RegExp(DATES.source, 'i');

/** The ISO day of the first written date with its year in a text ("31.12.2022", "30. Juni 2022"). */
export function fullDate(written: string): string | undefined {
  const d = ONE_DATE.exec(written);
  return d
    ? isoDate(Number(d[4]), d[2] ? Number(d[2]) : (monthNumber(d[3]) as number), Number(d[1]))
    : undefined;
}

/** A time the council sets: "bis zur 38. Sitzung", "bis Ende 2022", "in der nächsten Sitzung". */
export const TIME_CUE =
  /(?<![\p{L}-])(?:bis\s+(?:zur|zum|Ende|spätestens|\d)|(?:zur|in\s+der|zu\s+seiner|in\s+seiner)\s+(?:\d{1,3}\.|nächsten|übernächsten)\s+Sitzung)/u;

/**
 * "eine bis Juli 2011 befristete Kooperationsgruppe", "die ab dem 1. Januar 2026 beginnenden
 * Vorhaben", "das ab 1. Januar 2026 geltende Gesetz": when the object lasts or starts, not a deadline.
 * A determiner between ("bis zum 31. März 2026 ihre bestehenden Angebote") opens the task's object.
 */
export const OBJECT_TIME_AFTER =
  /^\s*(?:(?!(?:ihre[nmrs]?|seine[nmrs]?|unsere[nmrs]?|die|der|das|den|dem|des|eine[nmrs]?|alle[nmr]?|diese[nmrs]?|jede[nmrs]?)\s)\p{Ll}+\s+)?(?:befristete?[nmrs]?|(?:beginn|gelt|lauf|anlauf|stattfind|besteh|wirk)ende[nmrs]?)(?![\p{L}-])/u;

/** An article or determiner that opens a noun phrase: "den", "die", "für eine", "alle". */
const ARTICLE_BEFORE =
  /(?<![\p{L}-])(?:der|die|das|den|dem|des|eine[mnrs]?|ein|ihre[mnrs]?|seine[mnrs]?|alle[mnr]?|jede[mnrs]?|diese[mnrs]?)\s+$/iu;
/**
 * A participle or an adjective made from a verb, inflected, then its noun: "auslaufenden Vertrag",
 * "verbindlichen XÖV-Standards", "befristeten, länderoffenen Kooperationsgruppe". A time word as
 * noun ("kommenden Jahres") keeps the time a time.
 */
export const ATTRIBUTE_AFTER =
  /^\s*\p{Ll}{3,}(?:end|t|en|lich|ig)e[nmrs]?(?:,?\s+\p{Ll}+e[nmrs]?)?\s+(?!(?:Jahr|Jahres|Monats|Quartals|Halbjahres|Woche)(?![\p{L}-]))\p{Lu}/u;

/**
 * "den zum 31.12.2026 auslaufenden Vertrag neu auszuschreiben", "die ab dem 1. Juli 2026
 * verbindlichen Standards umzusetzen": a time between an article and a participle with its noun
 * belongs to that participle (when the thing runs out, holds or starts), not to the task. `before`
 * is the text before the time phrase, `after` the text after it.
 */
export function attributiveTime(before: string, after: string): boolean {
  return ARTICLE_BEFORE.test(before) && ATTRIBUTE_AFTER.test(after);
}
