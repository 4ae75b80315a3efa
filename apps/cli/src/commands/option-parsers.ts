import { InvalidArgumentError } from 'commander';

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a session number, e.g. 34');
  return n;
}

export function parseDate(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T06:00:00Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('expected a date, e.g. 2021-03-18');
  return date;
}
