import type { ValidationError } from 'class-validator';

/**
 * The field checks of the DTOs (class-validator) word their refusals in English; these rules
 * say the same in German, with the field's path and the limit the English message named.
 * A message no rule knows (the DTO's own, already German) is passed on as it is.
 */
const RULES: Array<[RegExp, (field: string, value: string) => string]> = [
  [/^must be one of(?: the following values)?: (.*)$/, (f, v) => `${f}: erlaubt sind ${v}.`],
  [
    /^must be shorter than or equal to (\d+) characters$/,
    (f, v) => `${f}: höchstens ${v} Zeichen.`,
  ],
  [
    /^must (?:be longer than or equal to|have at least) (\d+) characters$/,
    (f, v) => `${f}: mindestens ${v} Zeichen.`,
  ],
  [/^must not be less than (\S+)$/, (f, v) => `${f}: mindestens ${v}.`],
  [/^must not be greater than (\S+)$/, (f, v) => `${f}: höchstens ${v}.`],
  [/^must contain no more than (\d+) elements$/, (f, v) => `${f}: höchstens ${v} Einträge.`],
  [/^must contain at least (\d+) elements?$/, (f, v) => `${f}: mindestens ${v} Einträge.`],
  [/^must be a date like (\S+)$/, (f, v) => `${f} muss ein Datum wie ${v} sein.`],
  [/^must be a string$/, (f) => `${f}: erwartet wird ein Text.`],
  [/^must be an integer number$/, (f) => `${f}: erwartet wird eine ganze Zahl.`],
  [/^(?:should|must) not be empty$/, (f) => `${f} darf nicht leer sein.`],
  [/^should not be null or undefined$/, (f) => `${f} fehlt.`],
  [/^must be an email(?: address)?$/, (f) => `${f}: erwartet wird eine E-Mail-Adresse.`],
  [
    /^must be (?:a valid ISO 8601 date string|an ISO 8601 date or timestamp)$/,
    (f) => `${f}: erwartet wird ein Datum (JJJJ-MM-TT) oder ein Zeitpunkt nach ISO 8601.`,
  ],
  [/^must be a URL address$/, (f) => `${f}: erwartet wird eine Webadresse (URL).`],
  [/^must be (?:a boolean value|true or false)$/, (f) => `${f}: erwartet wird true oder false.`],
  [/^must be an array$/, (f) => `${f}: erwartet wird eine Liste.`],
  [/^must match .* regular expression$/, (f) => `${f} hat nicht die erwartete Form.`],
  [/^must be either object or array$/, (f) => `${f}: erwartet wird ein Objekt.`],
];

/** One refusal of one field, in German. */
export function germanConstraint(path: string, property: string, message: string): string {
  if (message === `property ${property} should not exist`)
    return `Das Feld „${path}“ gibt es hier nicht.`;
  const nested = `nested property ${property} `;
  // A DTO's own message may name the field by its whole path (due.kind must be one of: …).
  const named = [nested, `${path} `, `${property} `].find((start) => message.startsWith(start));
  const rest = named === undefined ? undefined : message.slice(named.length);
  if (rest === undefined) return message;
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(rest);
    if (match) return say(path, match[1] ?? '');
  }
  return message;
}

/** Every refusal of a body or query, nested fields named by their path (due.kind, owners.0). */
export function germanValidationMessages(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      germanConstraint(path, error.property, message),
    );
    return [...own, ...germanValidationMessages(error.children ?? [], path)];
  });
}
