import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { SchemaMigrations } from '@app/persistence';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker migrate`: applies pending migrations, or reverts the last one. */
export class MigrateCommand extends AppCommand {
  readonly name = 'migrate';

  declare(program: Command, run: RunCommand): void {
    program
      .command('migrate')
      .description(
        'bringt die Datenbank auf den Stand dieser Version (geschieht auch bei jedem Start)',
      )
      .option('--revert', 'nimmt die letzte Änderung an der Datenbank zurück')
      .action((opts: { revert?: boolean }) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const migrations = app.get(SchemaMigrations);
    if (options.revert) {
      await migrations.revertLast();
      out('die letzte Änderung an der Datenbank ist zurückgenommen');
    } else {
      const applied = await migrations.apply();
      out(
        applied.length
          ? `Datenbank geändert: ${applied.join(', ')}`
          : 'die Datenbank ist auf dem neuesten Stand',
      );
    }
  }
}
