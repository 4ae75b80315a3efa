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
        'load the registry and the session calendar from the seed files (again after editing them)',
      )
      .action(() => run({}));
  }

  async execute(app: INestApplicationContext): Promise<void> {
    const dir = validateEnvironment(process.env).SEEDS_DIR;
    for (const r of await app.get(SeedService).seedAll(dir)) {
      out(
        `${r.council}: owners ${r.members.added} added, ${r.members.updated} updated; sessions ${r.meetings.added} added, ${r.meetings.updated} updated`,
      );
    }
  }
}
