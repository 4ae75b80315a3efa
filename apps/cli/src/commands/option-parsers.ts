import { InvalidArgumentError } from 'commander';

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('erwartet wird eine ganze Zahl ab 1, z. B. 34');
  return n;
}

export function parseDate(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T06:00:00Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('erwartet wird ein Datum, z. B. 2021-03-18');
  return date;
}

/** "offen (open), in Bearbeitung (in_progress), …": what an option takes, German first. */
export function describeChoices(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([value, label]) => `${label} (${value})`)
    .join(', ');
}

/**
 * An option that takes one of `labels`' values, given as the value ("in_progress") or as its
 * German word ("in Bearbeitung", any case); answers the value.
 */
export function parseChoice(labels: Record<string, string>): (value: string) => string {
  return (given) => {
    const wanted = given.trim().toLocaleLowerCase('de');
    const found = Object.entries(labels).find(
      ([value, label]) => value === wanted || label.toLocaleLowerCase('de') === wanted,
    );
    if (!found) throw new InvalidArgumentError(`möglich sind: ${describeChoices(labels)}`);
    return found[0];
  };
}

/** `--now`: the commands that judge deadlines can be asked as of another day. */
export const NOW_OPTION = [
  '--now <Datum>',
  'so, als wäre heute dieser Tag (z. B. 2021-03-18)',
  parseDate,
] as const;

/** `--meeting` of a text that names no session. */
export const TEXT_MEETING_OPTION = [
  '--meeting <Nummer>',
  'die Sitzung, wenn der Text keine Sitzungsnummer nennt',
  parsePositive,
] as const;

export const JSON_OPTION = ['--json', 'gibt das Ergebnis als JSON aus'] as const;
