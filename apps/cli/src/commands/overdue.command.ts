import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { OverdueScanService } from '@app/jobs';
import { nowFrom } from './command-support';
import { germanDate } from '@app/domain';
import { NOW_OPTION } from './option-parsers';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker overdue`: the daily overdue scan, now or as of `--now`. */
export class OverdueCommand extends AppCommand {
  readonly name = 'overdue';

  declare(program: Command, run: RunCommand): void {
    program
      .command('overdue')
      .description(
        'prüft jetzt, welche Pflichten überfällig sind (wie der tägliche Ablauf), und zeigt, was sich geändert hat',
      )
      .option(...NOW_OPTION)
      .option(
        '--full',
        'prüft alle Pflichten, nicht nur die seit der letzten Prüfung fällig gewordenen',
      )
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const result = await app
      .get(OverdueScanService)
      .scan(nowFrom(app, options), { full: options.full === true });
    out(
      `Überfälligkeitsprüfung für den ${germanDate(result.today)}: ${result.flagged} neu überfällig, ${result.lifted} nicht mehr überfällig`,
    );
    if (result.mode === 'since' && result.since)
      out(`  (geprüft wurde, was seit der Prüfung vom ${germanDate(result.since)} fällig wurde)`);
    for (const c of result.sample.flagged)
      out(
        `  + Beschluss ${c.resolution}, Ziffer ${c.point}: ${c.owner} überfällig seit ${c.overdueSince ? germanDate(c.overdueSince) : '–'}`,
      );
    for (const c of result.sample.lifted)
      out(`  - Beschluss ${c.resolution}, Ziffer ${c.point}: ${c.owner} nicht mehr überfällig`);
  }
}
