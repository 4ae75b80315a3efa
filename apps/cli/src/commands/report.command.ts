import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { publicUrl } from '@app/config';
import { InputError } from '@app/ingest';
import { REPORT_FORMATS, ReportsService, type ReportFormat } from '@app/jobs';
import { nowFrom } from './command-support';
import { parseDate, parsePositive } from './option-parsers';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker report [member]`: a member's report, or a session's preparation; kept as sent. */
export class ReportCommand extends AppCommand {
  readonly name = 'report';

  declare(program: Command, run: RunCommand): void {
    program
      .command('report [member]')
      .description("a member's status report, or with --meeting the session preparation report")
      .option('--format <format>', 'md | html | csv', 'md')
      .option('--meeting <n>', 'session preparation report for session N', parsePositive)
      .option('--now <date>', 'as if it were this day', parseDate)
      .action((member: string | undefined, opts: Options) => run({ member, ...opts }));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const format = String(options.format) as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new InputError('report', `--format must be one of: ${REPORT_FORMATS.join(', ')}`);
    const reports = app.get(ReportsService);
    const now = nowFrom(app, options);
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
}
