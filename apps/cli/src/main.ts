import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { runCli } from './tracker.program';

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a session number, e.g. 34');
  return n;
}

const program = new Command('tracker')
  .description('mandate-tracker: extract, store and follow up the mandates of council decisions')
  .showHelpAfterError();

program
  .command('extract <file>')
  .description('print the mandates of a decision text (text or PDF); stores nothing')
  .option('--json', 'print the extraction contract JSON')
  .option('--meeting <n>', 'session number for texts that state none', parsePositive)
  .action((file: string, opts: { json?: boolean; meeting?: number }) =>
    runCli('extract', { file, ...opts }),
  );

program
  .command('ingest <files...>')
  .description(
    'store decision texts (one transaction per file); the same text again changes nothing',
  )
  .option('--meeting <n>', 'session number for texts that state none', parsePositive)
  .action((files: string[], opts: { meeting?: number }) => runCli('ingest', { files, ...opts }));

program
  .command('seed')
  .description(
    'load the registry and the session calendar from the seed files (again after editing them)',
  )
  .action(() => runCli('seed', {}));

program
  .command('mandates')
  .description('list mandates with their owners and status')
  .option('--owner <code>', 'member code or owner name, e.g. HB')
  .option('--due-meeting <n>', 'due at this session', parsePositive)
  .option('--status <status>', 'open | in_progress | reported | done | cancelled | superseded')
  .option('--resolution <id>', 'e.g. 2020/28')
  .option('--json', 'print JSON')
  .action((opts: Record<string, unknown>) => runCli('mandates', opts));

const users = program.command('users').description('accounts: add, list, personal tokens, disable');
users
  .command('add')
  .description('create an account; a generated password is printed once unless --password-stdin')
  .requiredOption('--email <email>')
  .requiredOption('--role <role>', 'secretariat | delegate | observer')
  .option('--name <name>', 'display name')
  .option('--member <code>', 'member code, for delegates (e.g. HB)')
  .option('--password-stdin', 'read the password from standard input')
  .action((opts: Record<string, unknown>) => runCli('users:add', opts));
users
  .command('list')
  .option('--json', 'print JSON')
  .action((opts: Record<string, unknown>) => runCli('users:list', opts));
users
  .command('token')
  .description('create a personal token for scripts or calendar feeds; printed once')
  .requiredOption('--email <email>')
  .option('--name <name>', 'what it is for', 'CLI')
  .option('--kind <kind>', 'api | calendar', 'api')
  .option('--days <n>', 'days until it expires', '365')
  .action((opts: Record<string, unknown>) => runCli('users:token', opts));
users
  .command('revoke-token')
  .requiredOption('--email <email>')
  .requiredOption('--id <id>', 'token id (see users list --json or GET /api/me/tokens)')
  .action((opts: Record<string, unknown>) => runCli('users:revoke-token', opts));
users
  .command('disable')
  .description('disable an account and revoke its tokens')
  .requiredOption('--email <email>')
  .action((opts: Record<string, unknown>) => runCli('users:disable', opts));

function parseDate(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T06:00:00Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('expected a date, e.g. 2021-03-18');
  return date;
}

program
  .command('overdue')
  .description('flag overdue obligations now (the daily job does the same) and print what changed')
  .option('--now <date>', 'as if it were this day', parseDate)
  .action((opts: Record<string, unknown>) => runCli('overdue', opts));

program
  .command('report [member]')
  .description("a member's status report, or with --meeting the session preparation report")
  .option('--format <format>', 'md | html | csv', 'md')
  .option('--meeting <n>', 'session preparation report for session N', parsePositive)
  .option('--now <date>', 'as if it were this day', parseDate)
  .action((member: string | undefined, opts: Record<string, unknown>) =>
    runCli('report', { member, ...opts }),
  );

program
  .command('digest')
  .description('compose (and with --send, send) the email digests of this period')
  .option('--dry-run', 'show what would be sent; send nothing', false)
  .option('--send', 'send now (what the scheduled job does)', false)
  .option('--member <code>', 'only this member')
  .option('--frequency <f>', 'weekly | daily', 'weekly')
  .option('--now <date>', 'as if it were this day', parseDate)
  .action((opts: Record<string, unknown>) => runCli('digest', opts));

program
  .command('jobs [action] [id]')
  .description('list jobs (default: failed ones), or "retry ID"')
  .option('--failed', 'failed jobs (default)')
  .option('--state <state>', 'waiting | active | completed | failed | delayed')
  .action((action: string | undefined, id: string | undefined, opts: Record<string, unknown>) =>
    runCli('jobs', { action, id, ...opts }),
  );

program
  .command('links')
  .description(
    'links from later decisions to the earlier ones they fulfil, extend, renew, supersede or reference; confirm or reject them',
  )
  .option('--meeting <n>', 'links made by the decisions of session N', parsePositive)
  .option('--state <state>', 'proposed (default) | confirmed | rejected | all', 'proposed')
  .option('--confirm <id>', 'confirm link ID and apply it (as the CLI)', parsePositive)
  .option('--reject <id>', 'reject link ID', parsePositive)
  .option('--json', 'print JSON')
  .action((opts: Record<string, unknown>) => runCli('links', opts));

program
  .command('migrate')
  .description('apply pending database migrations (also done on every start)')
  .option('--revert', 'undo the last migration')
  .action((opts: { revert?: boolean }) => runCli('migrate', opts));

program
  .command('oparl')
  .description('OParl: follow a council that publishes its meetings and decisions as OParl')
  .command('sync <system-url>')
  .description(
    "read the council's meetings (calendar) and decision texts from its OParl System; later syncs read only what changed",
  )
  .action((url: string) => runCli('oparl:sync', { url }));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
