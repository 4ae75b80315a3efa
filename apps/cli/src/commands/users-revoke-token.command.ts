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
      .description('widerruft einen persönlichen Token eines Kontos')
      .requiredOption('--email <E-Mail-Adresse>', 'das Konto')
      .requiredOption(
        '--id <Nr>',
        'die Nummer des Tokens (wie sie tracker users token gezeigt hat, oder GET /api/me/tokens)',
      )
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const user = await app.get(UsersService).findByEmail(String(options.email));
    await app.get(PersonalTokensService).revoke(user.id, Number(options.id), CLI_ACTOR);
    out(`Token ${String(options.id)} von ${user.email} widerrufen`);
  }
}
