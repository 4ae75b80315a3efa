import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { PersonalTokensService, UsersService } from '@app/accounts';
import { USERS_GROUP } from './command-groups';
import { CLI_ACTOR } from './command-support';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker users revoke-token`: ends one personal token. */
export class UsersRevokeTokenCommand extends AppCommand {
  readonly name = 'users:revoke-token';
  override readonly group = USERS_GROUP;

  declare(users: Command, run: RunCommand): void {
    users
      .command('revoke-token')
      .requiredOption('--email <email>')
      .requiredOption('--id <id>', 'token id (see users list --json or GET /api/me/tokens)')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const user = await app.get(UsersService).findByEmail(String(options.email));
    await app.get(PersonalTokensService).revoke(user.id, Number(options.id), CLI_ACTOR);
    out(`revoked token ${String(options.id)} of ${user.email}`);
  }
}
