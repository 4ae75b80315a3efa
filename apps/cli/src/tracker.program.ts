import { NestFactory } from '@nestjs/core';
import { HttpException, type INestApplicationContext } from '@nestjs/common';
import { Command } from 'commander';
import { ExtractionError } from '@app/extraction';
import { InputError, OparlSyncError } from '@app/ingest';
import { CliModule } from './cli.module';
import { DigestCommand } from './commands/digest.command';
import { ExtractCommand } from './commands/extract.command';
import { IngestCommand } from './commands/ingest.command';
import { JobsCommand } from './commands/jobs.command';
import { LinksCommand } from './commands/links.command';
import { MandatesCommand } from './commands/mandates.command';
import { MigrateCommand } from './commands/migrate.command';
import { OparlSyncCommand } from './commands/oparl-sync.command';
import { err } from './commands/output';
import { inGerman } from './german-commander';
import { OverdueCommand } from './commands/overdue.command';
import { ReportCommand } from './commands/report.command';
import { SeedCommand } from './commands/seed.command';
import { PlainCommand, type AnyCommand, type Options } from './commands/tracker.command';
import { UsersAddCommand } from './commands/users-add.command';
import { UsersDisableCommand } from './commands/users-disable.command';
import { UsersListCommand } from './commands/users-list.command';
import { UsersRevokeTokenCommand } from './commands/users-revoke-token.command';
import { UsersTokenCommand } from './commands/users-token.command';

/** Every command, in the order `tracker --help` lists them. */
export const COMMANDS: readonly AnyCommand[] = [
  new ExtractCommand(),
  new IngestCommand(),
  new SeedCommand(),
  new MandatesCommand(),
  new UsersAddCommand(),
  new UsersListCommand(),
  new UsersTokenCommand(),
  new UsersRevokeTokenCommand(),
  new UsersDisableCommand(),
  new OverdueCommand(),
  new ReportCommand(),
  new DigestCommand(),
  new JobsCommand(),
  new LinksCommand(),
  new MigrateCommand(),
  new OparlSyncCommand(),
];

/** Runs one command by name; a user error prints one line and sets a non-zero exit code. */
export async function runCli(name: string, options: Options): Promise<void> {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new Error(`unknown command ${name}`);
  try {
    if (command instanceof PlainCommand) await command.execute(options);
    else await withApp((app) => command.execute(app, options));
  } catch (error) {
    if (
      error instanceof InputError ||
      error instanceof OparlSyncError ||
      error instanceof ExtractionError ||
      error instanceof HttpException
    ) {
      err(`Fehler: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

async function withApp(run: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

/** The `tracker` program: each command declared as a commander subcommand, groups before their first. */
export function trackerProgram(): Command {
  const program = inGerman(new Command('tracker'))
    .description(
      'mandate-tracker: liest die Aufträge aus Beschlüssen eines Gremiums, speichert sie und verfolgt, ob sie erledigt werden',
    )
    .showHelpAfterError();
  const groups = new Map<string, Command>();
  for (const command of COMMANDS) {
    let parent = program;
    if (command.group) {
      const { name, description } = command.group;
      parent = groups.get(name) ?? program.command(name).description(description);
      groups.set(name, parent);
    }
    command.declare(parent, (options) => runCli(command.name, options));
  }
  return program;
}
