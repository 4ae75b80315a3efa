import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { MandateListQuery, MandatesService, viewCalendar } from '@app/tracking';
import { printedJson, refuseInvalid } from './command-support';
import { describeDue } from '@app/domain';
import { parsePositive } from './option-parsers';
import { out } from './output';
import { renderTable } from './table';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker mandates`: mandates with their owners and status, filtered. */
export class MandatesCommand extends AppCommand {
  readonly name = 'mandates';

  declare(program: Command, run: RunCommand): void {
    program
      .command('mandates')
      .description('list mandates with their owners and status')
      .option('--owner <code>', 'member code or owner name, e.g. HB')
      .option('--due-meeting <n>', 'due at this session', parsePositive)
      .option('--status <status>', 'open | in_progress | reported | done | cancelled | superseded')
      .option('--resolution <id>', 'e.g. 2020/28')
      .option('--json', 'print JSON')
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const query = plainToInstance(MandateListQuery, {
      owner: options.owner,
      dueMeeting: options.dueMeeting,
      status: options.status,
      resolution: options.resolution,
      pageSize: 500,
      includeTotal: true,
    });
    refuseInvalid('mandates', await validate(query));
    const page = await app.get(MandatesService).list(query);
    if (printedJson(options, page)) return;
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
    const total = page.total ?? 0;
    out(
      `${total} mandate${total === 1 ? '' : 's'}${total > page.items.length ? ` (first ${page.items.length} shown)` : ''}`,
    );
  }
}
