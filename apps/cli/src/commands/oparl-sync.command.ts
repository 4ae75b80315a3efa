import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { plural } from '@app/domain';
import { describeIngestCounts, INGEST_STATUS_LABELS, OparlSyncService } from '@app/ingest';
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
      .command('sync <System-URL>')
      .description(
        'liest die Sitzungen (Kalender) und Beschlusstexte eines Gremiums aus seinem OParl-System; spätere Abgleiche lesen nur, was sich geändert hat',
      )
      .action((url: string) => run({ url }));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    await ensureSeeded(app);
    const report = await app.get(OparlSyncService).sync(options.url as string, { progress: out });
    for (const council of report.councils)
      out(
        `Gremium ${council.code} (${council.name}): ${council.created ? 'neu angelegt' : 'schon bekannt'}${council.members > 0 ? `, ${plural(council.members, 'Eintrag', 'Einträge')} im Verzeichnis neu oder geändert` : ''}`,
      );
    out(
      `${plural(report.meetings, 'Sitzung', 'Sitzungen')} gelesen; Sitzungskalender: ${report.calendar.added} neu, ${report.calendar.updated} geändert`,
    );
    for (const text of report.texts)
      out(`${text.file}: ${INGEST_STATUS_LABELS[text.status]} (${describeIngestCounts(text)})`);
  }
}
