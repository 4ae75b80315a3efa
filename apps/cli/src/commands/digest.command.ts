import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { publicUrl } from '@app/config';
import { InputError } from '@app/ingest';
import { DigestService } from '@app/jobs';
import { nowFrom } from './command-support';
import { parseDate } from './option-parsers';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker digest`: shows (--dry-run) or sends (--send) this period's digests. */
export class DigestCommand extends AppCommand {
  readonly name = 'digest';

  declare(program: Command, run: RunCommand): void {
    program
      .command('digest')
      .description('compose (and with --send, send) the email digests of this period')
      .option('--dry-run', 'show what would be sent; send nothing', false)
      .option('--send', 'send now (what the scheduled job does)', false)
      .option('--member <code>', 'only this member')
      .option('--frequency <f>', 'weekly | daily', 'weekly')
      .option('--now <date>', 'as if it were this day', parseDate)
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const frequency = String(options.frequency);
    if (frequency !== 'weekly' && frequency !== 'daily')
      throw new InputError('digest', '--frequency must be weekly or daily');
    if (!options.dryRun && !options.send)
      throw new InputError('digest', 'say --dry-run to look, or --send to send');
    const result = await app.get(DigestService).run({
      frequency,
      now: nowFrom(app, options),
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
}
