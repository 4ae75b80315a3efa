import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { UsersService } from '@app/accounts';
import { USERS_GROUP } from './command-groups';
import { printedJson } from './command-support';
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
      .option('--json', 'print JSON')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const list = await app.get(UsersService).listUsers();
    if (printedJson(options, list)) return;
    out(
      renderTable(
        ['ID', 'Email', 'Name', 'Role', 'Member', 'Active', 'Last sign-in'],
        list.map((u) => [
          String(u.id),
          u.email,
          u.name,
          u.role,
          u.member ?? '',
          u.active ? 'yes' : 'no',
          u.lastLoginAt ?? '',
        ]),
      ),
    );
  }
}
