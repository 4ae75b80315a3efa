import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { LinkListQuery, LinksService, type LinkEffect } from '@app/links';
import { CLI_ACTOR, printedJson, refuseInvalid } from './command-support';
import { parsePositive } from './option-parsers';
import { out } from './output';
import { renderTable } from './table';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker links`: proposed links to earlier decisions; confirms or rejects one. */
export class LinksCommand extends AppCommand {
  readonly name = 'links';

  declare(program: Command, run: RunCommand): void {
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
      .action((opts: Options) => run(opts));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const links = app.get(LinksService);
    for (const [flag, act] of [
      ['confirm', (id: number) => links.confirm(id, CLI_ACTOR)],
      ['reject', (id: number) => links.reject(id, CLI_ACTOR)],
    ] as const) {
      const id = options[flag] as number | undefined;
      if (id === undefined) continue;
      const view = await act(id);
      if (printedJson(options, view)) return;
      const effects: LinkEffect[] = 'effects' in view ? (view.effects as LinkEffect[]) : [];
      out(
        `link ${id}: ${view.state} (${view.kind} ${view.from.resolution} -> ${view.to.resolution})`,
      );
      for (const e of effects)
        out(
          `  obligation ${e.obligationId} (${e.owner}): ${e.from} -> ${e.to}${e.due ? `, due ${e.due}` : ''}`,
        );
      return;
    }
    const state = options.state === 'all' ? undefined : options.state;
    const query = plainToInstance(LinkListQuery, { meeting: options.meeting, state });
    refuseInvalid('links', await validate(query));
    const list = await links.list(query);
    if (printedJson(options, list)) return;
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
}
