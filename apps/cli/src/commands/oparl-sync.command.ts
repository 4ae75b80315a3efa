import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { OparlSyncService } from '@app/ingest';
import { OPARL_GROUP } from './command-groups';
import { ensureSeeded } from './command-support';
import { out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker oparl sync <system-url>`: a line per list page read, then what each text changed. */
export class OparlSyncCommand extends AppCommand {
  readonly name = 'oparl:sync';
  override readonly group = OPARL_GROUP;

  declare(oparl: Command, run: RunCommand): void {
    oparl
      .command('sync <system-url>')
      .description(
        "read the council's meetings (calendar) and decision texts from its OParl System; later syncs read only what changed",
      )
      .action((url: string) => run({ url }));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    await ensureSeeded(app);
    const report = await app.get(OparlSyncService).sync(options.url as string, { progress: out });
    for (const council of report.councils)
      out(
        `council ${council.code} (${council.name}): ${council.created ? 'created' : 'known'}${council.members > 0 ? `, ${council.members} owners added to its registry or changed` : ''}`,
      );
    out(
      `${report.meetings} meetings read; calendar: ${report.calendar.added} sessions added, ${report.calendar.updated} updated`,
    );
    for (const text of report.texts)
      out(
        `${text.file}: ${text.status} (${text.meeting !== null ? `${text.meeting}. Sitzung` : 'outside the calendar'}: ${text.resolutions} decisions, ${text.mandates} mandates, ${text.obligations} obligations)`,
      );
  }
}
