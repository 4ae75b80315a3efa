import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { ROLE_LABELS, UsersService } from '@app/accounts';
import { InputError } from '@app/ingest';
import { USERS_GROUP } from './command-groups';
import { CLI_ACTOR, ensureSeeded } from './command-support';
import { describeChoices, parseChoice } from './option-parsers';
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
        'legt ein Konto an; ein erzeugtes Passwort wird einmal gezeigt (außer mit --password-stdin)',
      )
      .requiredOption('--email <E-Mail-Adresse>', 'die E-Mail-Adresse, mit der man sich anmeldet')
      .requiredOption('--role <Rolle>', describeChoices(ROLE_LABELS), parseChoice(ROLE_LABELS))
      .option('--name <Name>', 'der angezeigte Name (ohne Angabe: die E-Mail-Adresse)')
      .option('--member <Kürzel>', 'das Mitglied einer Delegation, z. B. HB')
      .option('--password-stdin', 'liest das Passwort von der Standardeingabe')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    await ensureSeeded(app);
    const role = String(options.role);
    if (!(role in ROLE_LABELS))
      throw new InputError('users add', `--role: möglich sind ${describeChoices(ROLE_LABELS)}`);
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
      `Konto angelegt: ${result.user.email} (${ROLE_LABELS[result.user.role]}${result.user.member ? ` ${result.user.member}` : ''})`,
    );
    if (result.password) out(`Passwort (wird nur jetzt gezeigt): ${result.password}`);
  }
}
