import type { INestApplicationContext } from '@nestjs/common';
import { Clock, validateEnvironment } from '@app/config';
import { plural } from '@app/domain';
import { InputError, SeedService } from '@app/ingest';
import { CouncilRegistryRepository } from '@app/persistence';
import type { ValidationError } from 'class-validator';
import { err, out } from './output';
import type { Options } from './tracker.command';

/** Who the audit trail names for changes made with the CLI. */
export const CLI_ACTOR = { id: null, email: 'cli' };

/** Seeds the registry and the calendar on first use, so a fresh database can take texts. */
export async function ensureSeeded(app: INestApplicationContext): Promise<void> {
  if (await app.get(CouncilRegistryRepository).findCouncil()) return;
  const dir = validateEnvironment(process.env).SEEDS_DIR;
  const reports = await app.get(SeedService).seedAll(dir);
  for (const r of reports)
    err(
      `${r.council} aus ${dir} geladen: ${plural(r.members.added, 'Eintrag', 'Einträge')} im Verzeichnis, ${plural(r.meetings.added, 'Sitzung', 'Sitzungen')} im Kalender`,
    );
}

/** `--now` when given ("as if it were this day"), else the app's clock. */
export function nowFrom(app: INestApplicationContext, options: Options): Date {
  return (options.now as Date | undefined) ?? app.get(Clock).now();
}

/** Refuses a query whose filters did not validate, naming the command. */
export function refuseInvalid(command: string, errors: ValidationError[]): void {
  if (errors.length > 0)
    throw new InputError(
      command,
      errors.map((e) => Object.values(e.constraints ?? {}).join('; ')).join('; '),
    );
}

/** Prints a list as JSON with --json; answers whether it did. */
export function printedJson(options: Options, value: unknown): boolean {
  if (!options.json) return false;
  out(JSON.stringify(value, null, 2));
  return true;
}
