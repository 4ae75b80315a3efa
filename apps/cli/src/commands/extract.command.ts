import type { Command } from 'commander';
import { validateEnvironment } from '@app/config';
import { extract, ExtractionError, toContractJson } from '@app/extraction';
import { describeDecidedIn } from '@app/follow-up';
import { InputError, readDecisionFile, readLimitsFrom } from '@app/ingest';
import { describeDue } from '@app/domain';
import { parsePositive } from './option-parsers';
import { out } from './output';
import { readSeedFiles } from './seed-files';
import { renderTable } from './table';
import { PlainCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker extract <file>`: the mandates of a text, as a table or the contract JSON. */
export class ExtractCommand extends PlainCommand {
  readonly name = 'extract';

  declare(program: Command, run: RunCommand): void {
    program
      .command('extract <file>')
      .description('print the mandates of a decision text (text or PDF); stores nothing')
      .option('--json', 'print the extraction contract JSON')
      .option('--meeting <n>', 'session number for texts that state none', parsePositive)
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
      `${extraction.body}, ${describeDecidedIn({ number: extraction.meeting.number ?? null, kind: extraction.meeting.kind, body: extraction.meeting.body, date: extraction.meeting.date ?? null })} (${extraction.format}): ${extraction.resolutions.length} decisions, ${extraction.mandates.length} mandates`,
    );
    out(
      renderTable(
        ['Beschluss', 'Pkt', 'Owners', 'Due', 'Line', 'Action'],
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
