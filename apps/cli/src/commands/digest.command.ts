import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { publicUrl } from '@app/config';
import { InputError } from '@app/ingest';
import { plural } from '@app/domain';
import { DigestService } from '@app/jobs';
import { nowFrom } from './command-support';
import { describeChoices, NOW_OPTION, parseChoice } from './option-parsers';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

const FREQUENCIES = { weekly: 'wöchentlich', daily: 'täglich' };

/** `tracker digest`: shows (--dry-run) or sends (--send) this period's digests. */
export class DigestCommand extends AppCommand {
  readonly name = 'digest';

  declare(program: Command, run: RunCommand): void {
    program
      .command('digest')
      .description(
        'stellt die E-Mail-Übersichten dieses Zeitraums zusammen und zeigt sie (--dry-run) oder sendet sie (--send)',
      )
      .option('--dry-run', 'Probelauf: zeigt, was hinausginge; sendet nichts', false)
      .option('--send', 'sendet jetzt (wie der geplante Ablauf)', false)
      .option('--member <Kürzel>', 'nur für dieses Mitglied, z. B. HB')
      .option(
        '--frequency <Takt>',
        `${describeChoices(FREQUENCIES)}; ohne Angabe: wöchentlich`,
        parseChoice(FREQUENCIES),
      )
      .option(...NOW_OPTION)
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const frequency = String(options.frequency ?? 'weekly');
    if (frequency !== 'weekly' && frequency !== 'daily')
      throw new InputError('digest', `--frequency: möglich sind ${describeChoices(FREQUENCIES)}`);
    if (!options.dryRun && !options.send)
      throw new InputError(
        'digest',
        'geben Sie --dry-run an, um die Übersichten anzusehen, oder --send, um sie zu senden',
      );
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
          `--- an ${planned.recipient} (${planned.member}, Zeitraum ${planned.period}): ${planned.digest.subject}`,
        );
        out(planned.digest.text);
      }
      out(
        `Probelauf, Zeitraum ${result.period}: ${plural(result.dryRun.length, 'Übersicht ginge', 'Übersichten gingen')} hinaus; gesendet wurde nichts`,
      );
    } else {
      out(
        `Zeitraum ${result.period}: ${result.sent} gesendet, ${result.alreadySent} schon zuvor gesendet`,
      );
    }
  }
}
