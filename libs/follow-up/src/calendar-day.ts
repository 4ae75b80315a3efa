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
