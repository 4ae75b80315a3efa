import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { InputError } from '@app/ingest';
import { germanDateTime, plural } from '@app/domain';
import { JOB_STATE_LABELS, jobLabel, JobQueue, jobStateLabel, type JobStateName } from '@app/jobs';
import { describeChoices, parseChoice } from './option-parsers';
import { out } from './output';
import { renderTable } from './table';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker jobs [action] [id]`: lists jobs by state, or retries one. */
export class JobsCommand extends AppCommand {
  readonly name = 'jobs';

  declare(program: Command, run: RunCommand): void {
    program
      .command('jobs [Aktion] [Nr]')
      .description(
        'listet die Läufe der Abläufe (ohne Angabe: die fehlgeschlagenen) oder versucht einen erneut: tracker jobs retry NR',
      )
      .option('--failed', 'die fehlgeschlagenen Läufe (so auch ohne Angabe)')
      .option(
        '--state <Stand>',
        `nur Läufe in diesem Stand: ${describeChoices(JOB_STATE_LABELS)}`,
        parseChoice(JOB_STATE_LABELS),
      )
      .action((action: string | undefined, id: string | undefined, opts: Options) =>
        run({ action, id, ...opts }),
      );
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const queue = app.get(JobQueue);
    if (options.action === 'retry') {
      if (!options.id)
        throw new InputError(
          'jobs',
          'nennen Sie die Nummer des Laufs, der erneut versucht werden soll: tracker jobs retry NR',
        );
      const job = await queue.retry(String(options.id));
      out(`Lauf ${job.id} (${jobLabel(job.name)}) steht wieder in der Warteschlange`);
      return;
    }
    const state = (options.state as JobStateName | undefined) ?? 'failed';
    const jobs = await queue.list(state);
    out(
      renderTable(
        ['Nr.', 'Ablauf', 'Stand', 'Versuche', 'Begonnen', 'Grund'],
        jobs.map((j) => [
          j.id,
          jobLabel(j.name),
          jobStateLabel(j.state),
          String(j.attempts),
          germanDateTime(j.createdAt),
          j.failedReason ?? '',
        ]),
      ),
    );
    out(
      `${plural(jobs.length, 'Lauf', 'Läufe')} im Stand „${jobStateLabel(state)}“ (${queue.mode === 'redis' ? 'Warteschlange in Redis' : 'Läufe in diesem Prozess, in der Datenbank festgehalten'})`,
    );
  }
}
