import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { PersonalTokensService, UsersService } from '@app/accounts';
import { InputError } from '@app/ingest';
import { USERS_GROUP } from './command-groups';
import { CLI_ACTOR } from './command-support';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker users token`: a personal token for scripts or calendar feeds, printed once. */
export class UsersTokenCommand extends AppCommand {
  readonly name = 'users:token';
  override readonly group = USERS_GROUP;

  declare(users: Command, run: RunCommand): void {
    users
      .command('token')
      .description('create a personal token for scripts or calendar feeds; printed once')
      .requiredOption('--email <email>')
      .option('--name <name>', 'what it is for', 'CLI')
      .option('--kind <kind>', 'api | calendar', 'api')
      .option('--days <n>', 'days until it expires', '365')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const user = await app.get(UsersService).findByEmail(String(options.email));
    const kind = String(options.kind) as 'api' | 'calendar';
    if (!['api', 'calendar'].includes(kind))
      throw new InputError('users token', 'kind must be api or calendar');
    const days = Number(options.days);
    if (!Number.isInteger(days) || days < 1)
      throw new InputError('users token', '--days must be a whole number of days');
    const { token, view } = await app
      .get(PersonalTokensService)
      .create(user.id, { name: String(options.name), kind, expiresInDays: days }, CLI_ACTOR);
    out(`token ${view.id} for ${user.email} (${kind}, expires ${view.expiresAt}), shown once:`);
    out(token);
  }
}
