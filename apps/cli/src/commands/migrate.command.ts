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
      .description('apply pending database migrations (also done on every start)')
      .option('--revert', 'undo the last migration')
      .action((opts: { revert?: boolean }) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const migrations = app.get(SchemaMigrations);
    if (options.revert) {
      await migrations.revertLast();
      out('reverted the last migration');
    } else {
      const applied = await migrations.apply();
      out(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
    }
  }
}
