import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { LINK_KIND_LABELS, LINK_STATE_LABELS, plural, STATUS_LABELS } from '@app/domain';
import { LinkListQuery, LinksService, type LinkEffect } from '@app/links';
import { CLI_ACTOR, printedJson, refuseInvalid } from './command-support';
import { describeChoices, JSON_OPTION, parseChoice, parsePositive } from './option-parsers';
import { out } from './output';
import { renderTable } from './table';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

const STATES = { ...LINK_STATE_LABELS, all: 'alle' };

/** `tracker links`: proposed links to earlier decisions; confirms or rejects one. */
export class LinksCommand extends AppCommand {
  readonly name = 'links';

  declare(program: Command, run: RunCommand): void {
    program
      .command('links')
      .description(
        'Rückmeldungen späterer Beschlüsse auf frühere (erledigt, verlängert, erneuert, abgelöst oder nur erwähnt); bestätigen oder verwerfen',
      )
      .option(
        '--meeting <Nummer>',
        'nur die Rückmeldungen aus den Beschlüssen dieser Sitzung',
        parsePositive,
      )
      .option(
        '--state <Stand>',
        `${describeChoices(STATES)}; ohne Angabe: vorgeschlagen`,
        parseChoice(STATES),
      )
      .option(
        '--confirm <Nr>',
        'bestätigt die Rückmeldung mit dieser Nummer und wendet sie an (im Protokoll: cli)',
        parsePositive,
      )
      .option('--reject <Nr>', 'verwirft die Rückmeldung mit dieser Nummer', parsePositive)
      .option(...JSON_OPTION)
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
        `Rückmeldung ${id}: ${LINK_STATE_LABELS[view.state]} – Beschluss ${view.from.resolution} → ${view.to.resolution}: ${LINK_KIND_LABELS[view.kind]}`,
      );
      for (const e of effects)
        out(
          `  Pflicht ${e.obligationId} (${e.owner}): Status ${STATUS_LABELS[e.from]} → ${STATUS_LABELS[e.to]}${e.due ? `, neue Frist: ${e.due}` : ''}`,
        );
      return;
    }
    const given = options.state ?? 'proposed';
    const state = given === 'all' ? undefined : given;
    const query = plainToInstance(LinkListQuery, { meeting: options.meeting, state });
    refuseInvalid('links', await validate(query));
    const list = await links.list(query);
    if (printedJson(options, list)) return;
    out(
      renderTable(
        [
          'Nr.',
          'Stand',
          'Art',
          'Gefunden',
          'Späterer Beschluss',
          'Früherer Beschluss',
          'Zuständig',
          'Satz',
          'Begründung',
        ],
        list.map((l) => [
          String(l.id),
          LINK_STATE_LABELS[l.state],
          LINK_KIND_LABELS[l.kind],
          l.explicit ? 'an der Nummer' : 'ohne Nummer',
          `${l.from.resolution}${l.from.point !== null ? ` Nr. ${l.from.point}` : ''}`,
          `${l.to.resolution}${l.to.stored ? '' : ' (nicht erfasst)'}`,
          l.owners.length
            ? l.owners.join(', ')
            : l.to.mandates.flatMap((m) => m.owners).join(', ') || '-',
          l.from.sentence.length > 100 ? `${l.from.sentence.slice(0, 99)}…` : l.from.sentence,
          l.reason,
        ]),
      ),
    );
    out(plural(list.length, 'Rückmeldung', 'Rückmeldungen'));
  }
}
