import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { MandateListQuery, MandatesService, viewCalendar } from '@app/tracking';
import { printedJson, refuseInvalid } from './command-support';
import { describeDue, plural, STATUS_LABELS, statusLabel } from '@app/domain';
import { describeChoices, JSON_OPTION, parseChoice, parsePositive } from './option-parsers';
import { out } from './output';
import { renderTable } from './table';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker mandates`: mandates with their owners and status, filtered. */
export class MandatesCommand extends AppCommand {
  readonly name = 'mandates';

  declare(program: Command, run: RunCommand): void {
    program
      .command('mandates')
      .description('listet Aufträge mit den Zuständigen und ihrem Status')
      .option('--owner <Kürzel>', 'nur Aufträge an diese Stelle: Kürzel oder Name, z. B. HB')
      .option(
        '--due-meeting <Nummer>',
        'nur Aufträge, die zu dieser Sitzung fällig sind',
        parsePositive,
      )
      .option(
        '--status <Status>',
        `nur Pflichten mit diesem Status: ${describeChoices(STATUS_LABELS)}`,
        parseChoice(STATUS_LABELS),
      )
      .option('--resolution <Beschluss>', 'nur Aufträge aus diesem Beschluss, z. B. 2020/28')
      .option(...JSON_OPTION)
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
        ['Nr.', 'Beschluss', 'Ziffer', 'Zuständig und Status', 'Frist', 'Auftrag'],
        page.items.map((m) => [
          String(m.id),
          m.resolution,
          String(m.point),
          m.owners
            .filter((o) => !options.owner || o.owner === options.owner)
            .map((o) => `${o.owner} (${statusLabel(o.status)})`)
            .join(', '),
          describeDue(m.due, viewCalendar(m.due)),
          m.action,
        ]),
      ),
    );
    const total = page.total ?? 0;
    out(
      `${plural(total, 'Auftrag', 'Aufträge')}${total > page.items.length ? ` (die ersten ${page.items.length} gezeigt)` : ''}`,
    );
  }
}
