import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { IngestService, InputError } from '@app/ingest';
import { ensureSeeded } from './command-support';
import { parsePositive } from './option-parsers';
import { err, out } from './output';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker ingest <files...>`: stores each text in a transaction of its own. */
export class IngestCommand extends AppCommand {
  readonly name = 'ingest';

  declare(program: Command, run: RunCommand): void {
    program
      .command('ingest <files...>')
      .description(
        'store decision texts (one transaction per file); the same text again changes nothing',
      )
      .option('--meeting <n>', 'session number for texts that state none', parsePositive)
      .action((files: string[], opts: { meeting?: number }) => run({ files, ...opts }));
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    await ensureSeeded(app);
    const ingest = app.get(IngestService);
    let failed = 0;
    for (const file of options.files as string[]) {
      try {
        const r = await ingest.ingestFile(file, { meeting: options.meeting as number | undefined });
        out(
          `${file}: ${r.status} (${r.meeting !== null ? `${r.meeting}. Sitzung` : 'outside the calendar'}: ${r.resolutions} decisions, ${r.mandates} mandates, ${r.obligations} obligations)`,
        );
        for (const change of r.changes) out(`  ${change}`);
        if (r.links.proposed + r.links.confirmed > 0)
          out(
            `  links to earlier decisions: ${r.links.proposed} proposed${r.links.confirmed ? `, ${r.links.confirmed} confirmed by LINKS_APPLY_EXPLICIT_FULFILS` : ''} (tracker links${r.meeting !== null ? ` --meeting ${r.meeting}` : ''})`,
          );
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        err(`error: ${error.message}`);
        failed++;
      }
    }
    if (failed > 0) process.exitCode = 1;
  }
}
