import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { UsersService } from '@app/accounts';
import { InputError } from '@app/ingest';
import { USERS_GROUP } from './command-groups';
import { CLI_ACTOR, ensureSeeded } from './command-support';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `tracker users add`: an account; a generated password is printed once. */
export class UsersAddCommand extends AppCommand {
  readonly name = 'users:add';
  override readonly group = USERS_GROUP;

  declare(users: Command, run: RunCommand): void {
    users
      .command('add')
      .description(
        'create an account; a generated password is printed once unless --password-stdin',
      )
      .requiredOption('--email <email>')
      .requiredOption('--role <role>', 'secretariat | delegate | observer')
      .option('--name <name>', 'display name')
      .option('--member <code>', 'member code, for delegates (e.g. HB)')
      .option('--password-stdin', 'read the password from standard input')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    await ensureSeeded(app);
    const role = String(options.role);
    if (!['secretariat', 'delegate', 'observer'].includes(role))
      throw new InputError('users add', 'role must be secretariat, delegate or observer');
    const password = options.passwordStdin ? await readStdin() : undefined;
    const result = await app.get(UsersService).createUser(
      {
        email: String(options.email),
        name: String(options.name ?? options.email),
        role: role as 'delegate',
        member: (options.member as string | undefined) ?? null,
        password,
      },
      CLI_ACTOR,
    );
    out(
      `created ${result.user.email} (${result.user.role}${result.user.member ? `, ${result.user.member}` : ''})`,
    );
    if (result.password) out(`password (shown once): ${result.password}`);
  }
}
