import type { Command } from 'commander';
import { validateEnvironment } from '@app/config';
import { DOCUMENT_FORMAT_LABELS, extract, ExtractionError, toContractJson } from '@app/extraction';
import { describeDecidedIn } from '@app/follow-up';
import { InputError, readDecisionFile, readLimitsFrom } from '@app/ingest';
import { describeDue, plural } from '@app/domain';
import { TEXT_MEETING_OPTION } from './option-parsers';
import { out } from './output';
import { readSeedFiles } from './seed-files';
import { renderTable } from './table';
import { PlainCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker extract <file>`: the mandates of a text, as a table or the contract JSON. */
export class ExtractCommand extends PlainCommand {
  readonly name = 'extract';

  declare(program: Command, run: RunCommand): void {
    program
      .command('extract <Datei>')
      .description(
        'zeigt die Aufträge, die in einem Beschlusstext (Text, PDF, Word, Webseite) stehen; speichert nichts',
      )
      .option('--json', 'gibt das Ergebnis als JSON im vereinbarten Format aus')
      .option(...TEXT_MEETING_OPTION)
      .action((file: string, opts: { json?: boolean; meeting?: number }) => run({ file, ...opts }));
  }

  async execute(options: Options): Promise<void> {
    const file = String(options.file);
    const env = validateEnvironment(process.env);
    const text = await readDecisionFile(file, readLimitsFrom(env));
    const { registry, calendar } = await readSeedFiles(env.SEEDS_DIR);
    let extraction;
    try {
      extraction = extract(text, {
        registry,
        calendar,
        meeting: options.meeting as number | undefined,
      });
    } catch (error) {
      if (error instanceof ExtractionError)
        throw new InputError(file, error.message, error.line, error.code);
      throw error;
    }
    if (options.json) {
      out(JSON.stringify(toContractJson(extraction), null, 2));
      return;
    }
    out(
      `${extraction.body}, ${describeDecidedIn({ number: extraction.meeting.number ?? null, kind: extraction.meeting.kind, body: extraction.meeting.body, date: extraction.meeting.date ?? null })} (${DOCUMENT_FORMAT_LABELS[extraction.format]}): ${plural(extraction.resolutions.length, 'Beschluss', 'Beschlüsse')}, ${plural(extraction.mandates.length, 'Auftrag', 'Aufträge')}`,
    );
    out(
      renderTable(
        ['Beschluss', 'Ziffer', 'Zuständig', 'Frist', 'Zeile', 'Auftrag'],
        extraction.mandates.map((m) => [
          m.resolution,
          String(m.point),
          m.owners.join(', '),
          describeDue(m.due),
          String(m.line),
          m.action,
        ]),
      ),
    );
  }
}
