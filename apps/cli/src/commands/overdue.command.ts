import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { OverdueScanService } from '@app/jobs';
import { nowFrom } from './command-support';
import { parseDate } from './option-parsers';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker overdue`: the daily overdue scan, now or as of `--now`. */
export class OverdueCommand extends AppCommand {
  readonly name = 'overdue';

  declare(program: Command, run: RunCommand): void {
    program
      .command('overdue')
      .description(
        'flag overdue obligations now (the daily job does the same) and print what changed',
      )
      .option('--now <date>', 'as if it were this day', parseDate)
      .option('--full', 'judge every obligation, not only what fell due since the last scan')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const result = await app
      .get(OverdueScanService)
      .scan(nowFrom(app, options), { full: options.full === true });
    out(`overdue scan for ${result.today}: ${result.flagged} flagged, ${result.lifted} lifted`);
    if (result.mode === 'since') out(`  (judged what fell due since the scan of ${result.since})`);
    for (const c of result.sample.flagged)
      out(`  + ${c.resolution} point ${c.point}: ${c.owner} overdue since ${c.overdueSince}`);
    for (const c of result.sample.lifted)
      out(`  - ${c.resolution} point ${c.point}: ${c.owner} no longer overdue`);
  }
}
