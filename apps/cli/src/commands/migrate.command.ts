import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { DataSource } from 'typeorm';
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
    const dataSource = app.get(DataSource);
    if (options.revert) {
      await dataSource.undoLastMigration();
      out('reverted the last migration');
    } else {
      const pending = await dataSource.runMigrations();
      out(
        pending.length
          ? `applied ${pending.map((m) => m.name).join(', ')}`
          : 'the database is up to date',
      );
    }
  }
}
