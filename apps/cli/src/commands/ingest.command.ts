import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { describeIngestCounts, INGEST_STATUS_LABELS, IngestService, InputError } from '@app/ingest';
import { ensureSeeded } from './command-support';
import { TEXT_MEETING_OPTION } from './option-parsers';
import { err, out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker ingest <files...>`: stores each text in a transaction of its own. */
export class IngestCommand extends AppCommand {
  readonly name = 'ingest';

  declare(program: Command, run: RunCommand): void {
    program
      .command('ingest <Dateien...>')
      .description(
        'speichert Beschlusstexte (jede Datei ganz oder gar nicht); derselbe Text noch einmal ändert nichts',
      )
      .option(...TEXT_MEETING_OPTION)
      .action((files: string[], opts: { meeting?: number }) => run({ files, ...opts }));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    await ensureSeeded(app);
    const ingest = app.get(IngestService);
    let failed = 0;
    for (const file of options.files as string[]) {
      try {
        const r = await ingest.ingestFile(file, { meeting: options.meeting as number | undefined });
        out(`${file}: ${INGEST_STATUS_LABELS[r.status]} (${describeIngestCounts(r)})`);
        for (const change of r.changes) out(`  ${change}`);
        if (r.links.proposed + r.links.confirmed > 0)
          out(
            `  Rückmeldungen auf frühere Beschlüsse: ${r.links.proposed} vorgeschlagen${r.links.confirmed ? `, ${r.links.confirmed} nach Einstellung (LINKS_APPLY_EXPLICIT_FULFILS) gleich bestätigt` : ''} (prüfen mit: tracker links${r.meeting !== null ? ` --meeting ${r.meeting}` : ''})`,
          );
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        err(`Fehler: ${error.message}`);
        failed++;
      }
    }
    if (failed > 0) process.exitCode = 1;
  }
}
