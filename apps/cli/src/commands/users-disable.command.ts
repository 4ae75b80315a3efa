import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { UsersService } from '@app/accounts';
import { USERS_GROUP } from './command-groups';
import { CLI_ACTOR } from './command-support';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker users disable`: disables an account and ends its sign-ins. */
export class UsersDisableCommand extends AppCommand {
  readonly name = 'users:disable';
  override readonly group = USERS_GROUP;

  declare(users: Command, run: RunCommand): void {
    users
      .command('disable')
      .description('sperrt ein Konto und widerruft seine Tokens')
      .requiredOption('--email <E-Mail-Adresse>', 'das Konto')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const users = app.get(UsersService);
    const user = await users.findByEmail(String(options.email));
    await users.updateUser(user.id, { active: false }, CLI_ACTOR);
    out(`Konto ${user.email} gesperrt; seine Tokens sind widerrufen`);
  }
}
