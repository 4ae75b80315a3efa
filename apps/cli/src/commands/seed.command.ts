import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { validateEnvironment } from '@app/config';
import { SeedService } from '@app/ingest';
import { out } from './output';
import { AppCommand, type RunCommand } from './tracker.command';

/** `tracker seed`: loads the registry and the calendar from the seed files. */
export class SeedCommand extends AppCommand {
  readonly name = 'seed';

  declare(program: Command, run: RunCommand): void {
    program
      .command('seed')
      .description(
        'lädt das Verzeichnis der Zuständigen und den Sitzungskalender aus den Startdaten (nach jeder Änderung an ihnen erneut)',
      )
      .action(() => run({}));
  }

  async execute(app: INestApplicationContext): Promise<void> {
    const dir = validateEnvironment(process.env).SEEDS_DIR;
    for (const r of await app.get(SeedService).seedAll(dir)) {
      out(
        `${r.council}: Verzeichnis ${r.members.added} neu, ${r.members.updated} geändert; Sitzungskalender ${r.meetings.added} neu, ${r.meetings.updated} geändert`,
      );
    }
  }
}
