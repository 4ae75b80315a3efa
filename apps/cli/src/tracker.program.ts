import { NestFactory } from '@nestjs/core';
import { HttpException, type INestApplicationContext } from '@nestjs/common';
import { AccountsService } from '@app/accounts';
import {
  DigestService,
  JobQueue,
  OverdueScanService,
  REPORT_FORMATS,
  ReportsService,
  type JobStateName,
  type ReportFormat,
} from '@app/jobs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { publicUrl, validateEnvironment } from '@app/config';
import { describeDue } from '@app/domain';
import { extract, ExtractionError, toContractJson } from '@app/extraction';
import { describeDecidedIn } from '@app/follow-up';
import {
  CouncilRegistryRepository,
  IngestService,
  InputError,
  OparlSyncError,
  readDecisionFile,
  readLimitsFrom,
  SeedService,
} from '@app/ingest';
import type { LinkEffect } from '@app/persistence';
import {
  LinkListQuery,
  LinksService,
  MandateListQuery,
  MandatesService,
  viewCalendar,
} from '@app/tracking';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { oparlSyncCommand } from './commands/oparl-sync.command';
import { readSeedFiles } from './commands/seed-files';
import { renderTable } from './commands/table';

type Options = Record<string, unknown>;

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

/** Runs one command; a user error prints one line and sets a non-zero exit code. */
export async function runCli(command: string, options: Options): Promise<void> {
  try {
    if (command === 'extract') return await extractCommand(options);
    await withApp(async (app) => {
      if (command === 'ingest') await ingestCommand(app, options);
      else if (command === 'seed') await seedCommand(app);
      else if (command === 'mandates') await mandatesCommand(app, options);
      else if (command === 'migrate') await migrateCommand(app, options);
      else if (command === 'overdue') await overdueCommand(app, options);
      else if (command === 'report') await reportCommand(app, options);
      else if (command === 'digest') await digestCommand(app, options);
      else if (command === 'jobs') await jobsCommand(app, options);
      else if (command === 'links') await linksCommand(app, options);
      else if (command === 'oparl:sync') {
        await ensureSeeded(app);
        await oparlSyncCommand(app, options.url as string, out);
      } else if (command.startsWith('users:'))
        await usersCommand(app, command.slice('users:'.length), options);
    });
  } catch (error) {
    if (
      error instanceof InputError ||
      error instanceof OparlSyncError ||
      error instanceof ExtractionError ||
      error instanceof HttpException
    ) {
      err(`error: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

async function withApp(run: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

async function extractCommand(options: Options): Promise<void> {
  const file = String(options.file);
  const env = validateEnvironment(process.env);
  const text = await readDecisionFile(file, readLimitsFrom(env));
  const { registry, calendar } = await readSeedFiles(env.SEEDS_DIR);
  let extraction;
  try {
    extraction = extract(text, {
      registry,
      calendar,
      meeting: options.meeting as number | undefined,
    });
  } catch (error) {
    if (error instanceof ExtractionError)
      throw new InputError(file, error.message, error.line, error.code);
    throw error;
  }
  if (options.json) {
    out(JSON.stringify(toContractJson(extraction), null, 2));
    return;
  }
  out(
    `${extraction.body}, ${describeDecidedIn({ number: extraction.meeting.number ?? null, kind: extraction.meeting.kind, body: extraction.meeting.body, date: extraction.meeting.date ?? null })} (${extraction.format}): ${extraction.resolutions.length} decisions, ${extraction.mandates.length} mandates`,
  );
  out(
    renderTable(
      ['Beschluss', 'Pkt', 'Owners', 'Due', 'Line', 'Action'],
      extraction.mandates.map((m) => [
        m.resolution,
        String(m.point),
        m.owners.join(', '),
        describeDue(m.due),
        String(m.line),
        m.action,
      ]),
    ),
  );
}

async function ensureSeeded(app: INestApplicationContext): Promise<void> {
  if (await app.get(CouncilRegistryRepository).findCouncil()) return;
  const dir = validateEnvironment(process.env).SEEDS_DIR;
  const reports = await app.get(SeedService).seedAll(dir);
  for (const r of reports)
    err(`seeded ${r.council} from ${dir}: ${r.members.added} owners, ${r.meetings.added} sessions`);
}

async function ingestCommand(app: INestApplicationContext, options: Options): Promise<void> {
  await ensureSeeded(app);
  const ingest = app.get(IngestService);
  let failed = 0;
  for (const file of options.files as string[]) {
    try {
      const r = await ingest.ingestFile(file, { meeting: options.meeting as number | undefined });
      out(
        `${file}: ${r.status} (${r.meeting !== null ? `${r.meeting}. Sitzung` : 'outside the calendar'}: ${r.resolutions} decisions, ${r.mandates} mandates, ${r.obligations} obligations)`,
      );
      for (const change of r.changes) out(`  ${change}`);
      if (r.links.proposed + r.links.confirmed > 0)
        out(
          `  links to earlier decisions: ${r.links.proposed} proposed${r.links.confirmed ? `, ${r.links.confirmed} confirmed by LINKS_APPLY_EXPLICIT_FULFILS` : ''} (tracker links${r.meeting !== null ? ` --meeting ${r.meeting}` : ''})`,
        );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      err(`error: ${error.message}`);
      failed++;
    }
  }
  if (failed > 0) process.exitCode = 1;
}

async function linksCommand(app: INestApplicationContext, options: Options): Promise<void> {
  const links = app.get(LinksService);
  for (const [flag, act] of [
    ['confirm', (id: number) => links.confirm(id, CLI_ACTOR)],
    ['reject', (id: number) => links.reject(id, CLI_ACTOR)],
  ] as const) {
    const id = options[flag] as number | undefined;
    if (id === undefined) continue;
    const view = await act(id);
    if (options.json) out(JSON.stringify(view, null, 2));
    else {
      const effects: LinkEffect[] = 'effects' in view ? (view.effects as LinkEffect[]) : [];
      out(
        `link ${id}: ${view.state} (${view.kind} ${view.from.resolution} -> ${view.to.resolution})`,
      );
      for (const e of effects)
        out(
          `  obligation ${e.obligationId} (${e.owner}): ${e.from} -> ${e.to}${e.due ? `, due ${e.due}` : ''}`,
        );
    }
    return;
  }
  const state = options.state === 'all' ? undefined : options.state;
  const query = plainToInstance(LinkListQuery, { meeting: options.meeting, state });
  const errors = await validate(query);
  if (errors.length > 0)
    throw new InputError(
      'links',
      errors.map((e) => Object.values(e.constraints ?? {}).join('; ')).join('; '),
    );
  const list = await links.list(query);
  if (options.json) {
    out(JSON.stringify(list, null, 2));
    return;
  }
  out(
    renderTable(
      ['ID', 'State', 'Kind', 'From', 'To', 'Owners', 'Sentence', 'Why'],
      list.map((l) => [
        String(l.id),
        l.state,
        `${l.kind}${l.explicit ? '' : ' (no number)'}`,
        `${l.from.resolution}${l.from.point !== null ? ` Nr. ${l.from.point}` : ''}`,
        `${l.to.resolution}${l.to.stored ? '' : ' (not stored)'}`,
        l.owners.length
          ? l.owners.join(', ')
          : l.to.mandates.flatMap((m) => m.owners).join(', ') || '-',
        l.from.sentence.length > 100 ? `${l.from.sentence.slice(0, 99)}…` : l.from.sentence,
        l.reason,
      ]),
    ),
  );
  out(`${list.length} link${list.length === 1 ? '' : 's'}`);
}

async function seedCommand(app: INestApplicationContext): Promise<void> {
  const dir = validateEnvironment(process.env).SEEDS_DIR;
  for (const r of await app.get(SeedService).seedAll(dir)) {
    out(
      `${r.council}: owners ${r.members.added} added, ${r.members.updated} updated; sessions ${r.meetings.added} added, ${r.meetings.updated} updated`,
    );
  }
}

async function mandatesCommand(app: INestApplicationContext, options: Options): Promise<void> {
  const query = plainToInstance(MandateListQuery, {
    owner: options.owner,
    dueMeeting: options.dueMeeting,
    status: options.status,
    resolution: options.resolution,
    pageSize: 500,
    includeTotal: true,
  });
  const errors = await validate(query);
  if (errors.length > 0) {
    throw new InputError(
      'mandates',
      errors.map((e) => Object.values(e.constraints ?? {}).join('; ')).join('; '),
    );
  }
  const page = await app.get(MandatesService).list(query);
  if (options.json) {
    out(JSON.stringify(page, null, 2));
    return;
  }
  out(
    renderTable(
      ['ID', 'Beschluss', 'Pkt', 'Owners (status)', 'Due', 'Action'],
      page.items.map((m) => [
        String(m.id),
        m.resolution,
        String(m.point),
        m.owners
          .filter((o) => !options.owner || o.owner === options.owner)
          .map((o) => `${o.owner} (${o.status})`)
          .join(', '),
        describeDue(m.due, viewCalendar(m.due)),
        m.action,
      ]),
    ),
  );
  out(
    `${page.total ?? 0} mandate${(page.total ?? 0) === 1 ? '' : 's'}${(page.total ?? 0) > page.items.length ? ` (first ${page.items.length} shown)` : ''}`,
  );
}

async function migrateCommand(app: INestApplicationContext, options: Options): Promise<void> {
  const dataSource = app.get(DataSource);
  if (options.revert) {
    await dataSource.undoLastMigration();
    out('reverted the last migration');
  } else {
    const pending = await dataSource.runMigrations();
    out(
      pending.length
        ? `applied ${pending.map((m) => m.name).join(', ')}`
        : 'the database is up to date',
    );
  }
}

const CLI_ACTOR = { id: null, email: 'cli' };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function usersCommand(
  app: INestApplicationContext,
  sub: string,
  options: Options,
): Promise<void> {
  const accounts = app.get(AccountsService);
  if (sub === 'add') {
    await ensureSeeded(app);
    const role = String(options.role);
    if (!['secretariat', 'delegate', 'observer'].includes(role))
      throw new InputError('users add', 'role must be secretariat, delegate or observer');
    const password = options.passwordStdin ? await readStdin() : undefined;
    const result = await accounts.createUser(
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
  } else if (sub === 'list') {
    const list = await accounts.listUsers();
    if (options.json) {
      out(JSON.stringify(list, null, 2));
      return;
    }
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
  } else if (sub === 'token') {
    const user = await accounts.findByEmail(String(options.email));
    const kind = String(options.kind) as 'api' | 'calendar';
    if (!['api', 'calendar'].includes(kind))
      throw new InputError('users token', 'kind must be api or calendar');
    const days = Number(options.days);
    if (!Number.isInteger(days) || days < 1)
      throw new InputError('users token', '--days must be a whole number of days');
    const { token, view } = await accounts.createToken(
      user.id,
      { name: String(options.name), kind, expiresInDays: days },
      CLI_ACTOR,
    );
    out(`token ${view.id} for ${user.email} (${kind}, expires ${view.expiresAt}), shown once:`);
    out(token);
  } else if (sub === 'revoke-token') {
    const user = await accounts.findByEmail(String(options.email));
    await accounts.revokeToken(user.id, Number(options.id), CLI_ACTOR);
    out(`revoked token ${String(options.id)} of ${user.email}`);
  } else if (sub === 'disable') {
    const user = await accounts.findByEmail(String(options.email));
    await accounts.updateUser(user.id, { active: false }, CLI_ACTOR);
    out(`disabled ${user.email}; its tokens are revoked`);
  }
}

async function overdueCommand(app: INestApplicationContext, options: Options): Promise<void> {
  const result = await app
    .get(OverdueScanService)
    .scan((options.now as Date | undefined) ?? new Date());
  out(`overdue scan for ${result.today}: ${result.flagged} flagged, ${result.lifted} lifted`);
  for (const c of result.sample.flagged)
    out(`  + ${c.resolution} point ${c.point}: ${c.owner} overdue since ${c.overdueSince}`);
  for (const c of result.sample.lifted)
    out(`  - ${c.resolution} point ${c.point}: ${c.owner} no longer overdue`);
}

async function reportCommand(app: INestApplicationContext, options: Options): Promise<void> {
  const format = String(options.format) as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new InputError('report', `--format must be one of: ${REPORT_FORMATS.join(', ')}`);
  const reports = app.get(ReportsService);
  const now = (options.now as Date | undefined) ?? new Date();
  let stored;
  if (options.meeting !== undefined)
    stored = await reports.sessionPreparation(options.meeting as number, now, publicUrl(), true);
  else if (options.member)
    stored = await reports.memberReport(String(options.member), now, publicUrl(), true);
  else
    throw new InputError(
      'report',
      'name a member (e.g. tracker report HB) or a session (--meeting 34)',
    );
  out(reports.render(stored, format).body);
}

async function digestCommand(app: INestApplicationContext, options: Options): Promise<void> {
  const frequency = String(options.frequency);
  if (frequency !== 'weekly' && frequency !== 'daily')
    throw new InputError('digest', '--frequency must be weekly or daily');
  if (!options.dryRun && !options.send)
    throw new InputError('digest', 'say --dry-run to look, or --send to send');
  const result = await app.get(DigestService).run({
    frequency,
    now: (options.now as Date | undefined) ?? new Date(),
    baseUrl: publicUrl(),
    member: options.member as string | undefined,
    dryRun: Boolean(options.dryRun),
  });
  if (result.dryRun) {
    for (const planned of result.dryRun) {
      out(
        `--- to ${planned.recipient} (${planned.member}, ${planned.period}): ${planned.digest.subject}`,
      );
      out(planned.digest.text);
    }
    out(
      `${result.dryRun.length} digest${result.dryRun.length === 1 ? '' : 's'} would be sent for ${result.period}`,
    );
  } else {
    out(`${result.period}: ${result.sent} sent, ${result.alreadySent} sent before`);
  }
}

async function jobsCommand(app: INestApplicationContext, options: Options): Promise<void> {
  const queue = app.get(JobQueue);
  if (options.action === 'retry') {
    if (!options.id)
      throw new InputError('jobs', 'give the id of the job to retry: tracker jobs retry ID');
    const job = await queue.retry(String(options.id));
    out(`job ${job.id} (${job.name}) queued again`);
    return;
  }
  const state = (options.state as JobStateName | undefined) ?? 'failed';
  const jobs = await queue.list(state);
  out(
    renderTable(
      ['ID', 'Job', 'State', 'Attempts', 'Created', 'Reason'],
      jobs.map((j) => [
        j.id,
        j.name,
        j.state,
        String(j.attempts),
        j.createdAt,
        j.failedReason ?? '',
      ]),
    ),
  );
  out(
    `${jobs.length} ${state} job${jobs.length === 1 ? '' : 's'} (${queue.mode === 'redis' ? 'Redis' : 'in-process runs in the database'})`,
  );
}
