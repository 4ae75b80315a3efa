// Deadlines are calendar days, not instants. Everything here works on `YYYY-MM-DD` strings counted
// in UTC, so a verdict never changes with the time zone of the machine that computes it.

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant or ISO timestamp. */
export function utcDay(moment: Date | string): string {
  return new Date(moment).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day `count` units after `day`, the unit as a text names it ("Tage", "Wochen", "Monate",
 * "Jahre"); counted in months or years it is the month's last day where the month is shorter
 * ("31.01." plus one month is the 28th or 29th of February).
 */
export function addPeriod(day: string, count: number, unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('tag')) return addDays(day, count);
  if (u.startsWith('woche')) return addDays(day, count * 7);
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + (u.startsWith('monat') ? count : count * 12);
  const [y, m] = [Math.floor(index / 12), index % 12];
  // Day 0 of the month after is the month's last day.
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date, lastDay))).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** ISO-8601 week ("2020-W53"): weeks start on Monday and belong to the year of their Thursday. */
export function isoWeek(day: string): string {
  const date = new Date(Date.parse(day));
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = Date.parse(addDays(day, 3 - mondayBased));
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
