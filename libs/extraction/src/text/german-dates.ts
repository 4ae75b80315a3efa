const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  februar: 2,
  märz: 3,
  maerz: 3,
  april: 4,
  mai: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  dezember: 12,
  // Short forms, as in "31. Dez. 2022".
  jan: 1,
  feb: 2,
  febr: 2,
  mrz: 3,
  mär: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dez: 12,
};

/** The months' names, January first. */
export const MONTH_NAMES = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
/** Short forms of the months' names, written with a period ("Dez."). */
export const MONTH_SHORT_PATTERN = 'Jan|Febr?|Mrz|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez';

export const MONTH_PATTERN =
  'Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';

export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday of a year (the Gregorian computus), as yyyy-mm-dd. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day) as string;
}

export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, day) as string;
}

const NUMERIC = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/;
const WRITTEN = new RegExp(
  `\\b(\\d{1,2})\\.\\s*(${MONTH_PATTERN}|(?:${MONTH_SHORT_PATTERN})\\.)\\s*(\\d{4})\\b`,
  'i',
);

/** The first full date in a text, as "24.07.2020" or "24. Juli 2020", in ISO form. */
export function findGermanDate(text: string): string | undefined {
  const numeric = NUMERIC.exec(text);
  const written = WRITTEN.exec(text);
  const first = [numeric, written]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!first) return undefined;
  const month = first === numeric ? Number(first[2]) : (monthNumber(first[2]) as number);
  // "vom 7. bis 8. November 2018", "am 10. und 11. Mai 2023": the span's first day.
  const span = /(\d{1,2})\.\s*(?:bis|und|-|–|\/)\s*$/.exec(text.slice(0, first.index));
  const day = span && Number(span[1]) < Number(first[1]) ? Number(span[1]) : Number(first[1]);
  return isoDate(Number(first[3]), month, day);
}
