import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';

/** The options commander parsed for a command, with its arguments by name. */
export type Options = Record<string, unknown>;

/** Runs a command by name with its parsed options (`runCli`). */
export type RunCommand = (options: Options) => Promise<void>;

/** A group of subcommands (`tracker users add`), declared once before its first member. */
export interface CommandGroup {
  name: string;
  description: string;
}

/** One `tracker` command: how commander declares it, and what it does. */
abstract class TrackerCommand {
  /** The name it runs by: the command, or `group:command` (`users:add`, `oparl:sync`). */
  abstract readonly name: string;
  readonly group?: CommandGroup;

  /** Declares the subcommand on `parent` (the program or its group); its action calls `run`. */
  abstract declare(parent: Command, run: RunCommand): void;
}

/** A command that needs no database (the application context is not started). */
export abstract class PlainCommand extends TrackerCommand {
  abstract execute(options: Options): Promise<void>;
}

/** A command that works on the database, in the CLI's application context. */
export abstract class AppCommand extends TrackerCommand {
  abstract execute(app: INestApplicationContext, options: Options): Promise<void>;
}

export type AnyCommand = PlainCommand | AppCommand;
