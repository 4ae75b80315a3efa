import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { PersonalTokensService, UsersService } from '@app/accounts';
import { germanDateTime } from '@app/domain';
import { InputError } from '@app/ingest';
import { USERS_GROUP } from './command-groups';
import { CLI_ACTOR } from './command-support';
import { describeChoices, parseChoice } from './option-parsers';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

const TOKEN_KINDS = { api: 'für Skripte', calendar: 'für Kalender-Abos' };

/** `tracker users token`: a personal token for scripts or calendar feeds, printed once. */
export class UsersTokenCommand extends AppCommand {
  readonly name = 'users:token';
  override readonly group = USERS_GROUP;

  declare(users: Command, run: RunCommand): void {
    users
      .command('token')
      .description(
        'legt einen persönlichen Token für Skripte oder Kalender-Abos an; er wird einmal gezeigt',
      )
      .requiredOption('--email <E-Mail-Adresse>', 'das Konto')
      .option('--name <Name>', 'wofür er ist (ohne Angabe: CLI)')
      .option(
        '--kind <Art>',
        `${describeChoices(TOKEN_KINDS)}; ohne Angabe: für Skripte`,
        parseChoice(TOKEN_KINDS),
      )
      .option('--days <Tage>', 'wie viele Tage er gilt (ohne Angabe: 365)')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const user = await app.get(UsersService).findByEmail(String(options.email));
    const kind = String(options.kind ?? 'api') as keyof typeof TOKEN_KINDS;
    if (!(kind in TOKEN_KINDS))
      throw new InputError('users token', `--kind: möglich sind ${describeChoices(TOKEN_KINDS)}`);
    const days = Number(options.days ?? 365);
    if (!Number.isInteger(days) || days < 1)
      throw new InputError('users token', '--days: erwartet wird eine ganze Zahl von Tagen ab 1');
    const { token, view } = await app
      .get(PersonalTokensService)
      .create(
        user.id,
        { name: String(options.name ?? 'CLI'), kind, expiresInDays: days },
        CLI_ACTOR,
      );
    out(
      `Token ${view.id} für ${user.email} (${TOKEN_KINDS[kind]}${view.expiresAt ? `, gültig bis ${germanDateTime(view.expiresAt)}` : ''}), wird nur jetzt gezeigt:`,
    );
    out(token);
  }
}
