import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { accountStateLabel, ROLE_LABELS, UsersService } from '@app/accounts';
import { germanDateTime } from '@app/domain';
import { USERS_GROUP } from './command-groups';
import { printedJson } from './command-support';
import { JSON_OPTION } from './option-parsers';
import { out } from './output';
import { renderTable } from './table';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker users list`: every account. */
export class UsersListCommand extends AppCommand {
  readonly name = 'users:list';
  override readonly group = USERS_GROUP;

  declare(users: Command, run: RunCommand): void {
    users
      .command('list')
      .description('listet alle Konten')
      .option(...JSON_OPTION)
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const list = await app.get(UsersService).listUsers();
    if (printedJson(options, list)) return;
    out(
      renderTable(
        ['Nr.', 'E-Mail-Adresse', 'Name', 'Rolle', 'Mitglied', 'Stand', 'Letzte Anmeldung'],
        list.map((u) => [
          String(u.id),
          u.email,
          u.name,
          ROLE_LABELS[u.role],
          u.member ?? '',
          accountStateLabel(u),
          u.lastLoginAt ? germanDateTime(u.lastLoginAt) : '–',
        ]),
      ),
    );
  }
}
