import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { publicUrl } from '@app/config';
import { InputError } from '@app/ingest';
import { REPORT_FORMATS, ReportsService, type ReportFormat } from '@app/jobs';
import { nowFrom } from './command-support';
import { NOW_OPTION, parsePositive } from './option-parsers';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker report [member]`: a member's report, or a session's preparation; kept as sent. */
export class ReportCommand extends AppCommand {
  readonly name = 'report';

  declare(program: Command, run: RunCommand): void {
    program
      .command('report [Mitglied]')
      .description(
        'der Statusbericht eines Mitglieds (z. B. tracker report HB) oder mit --meeting die Vorbereitung einer Sitzung',
      )
      .option(
        '--format <Format>',
        'md (Markdown, so auch ohne Angabe), html (Webseite) oder csv (Tabelle)',
      )
      .option('--meeting <Nummer>', 'die Vorbereitung dieser Sitzung', parsePositive)
      .option(...NOW_OPTION)
      .action((member: string | undefined, opts: Options) => run({ member, ...opts }));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const format = String(options.format ?? 'md') as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new InputError('report', `--format: möglich sind ${REPORT_FORMATS.join(', ')}`);
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
        'nennen Sie ein Mitglied (z. B. tracker report HB) oder eine Sitzung (--meeting 34)',
      );
    out(reports.render(stored, format).body);
  }
}
