import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { InputError } from '@app/ingest';
import { JobQueue, type JobStateName } from '@app/jobs';
import { out } from './output';
import { renderTable } from './table';
import { AppCommand, type Options, type RunCommand } from './tracker.command';

/** `tracker jobs [action] [id]`: lists jobs by state, or retries one. */
export class JobsCommand extends AppCommand {
  readonly name = 'jobs';

  declare(program: Command, run: RunCommand): void {
    program
      .command('jobs [action] [id]')
      .description('list jobs (default: failed ones), or "retry ID"')
      .option('--failed', 'failed jobs (default)')
      .option('--state <state>', 'waiting | active | completed | failed | delayed')
      .action((action: string | undefined, id: string | undefined, opts: Options) =>
        run({ action, id, ...opts }),
      );
  }

  async execute(app: INestApplicationContext, options: Options): Promise<void> {
    const queue = app.get(JobQueue);
    if (options.action === 'retry') {
      if (!options.id)
        throw new InputError('jobs', 'give the id of the job to retry: tracker jobs retry ID');
      const job = await queue.retry(String(options.id));
      out(`job ${job.id} (${job.name}) queued again`);
      return;
    }
    const state = (options.state as JobStateName | undefined) ?? 'failed';
    const jobs = await queue.list(state);
    out(
      renderTable(
        ['ID', 'Job', 'State', 'Attempts', 'Created', 'Reason'],
        jobs.map((j) => [
          j.id,
          j.name,
          j.state,
          String(j.attempts),
          j.createdAt,
          j.failedReason ?? '',
        ]),
      ),
    );
    out(
      `${jobs.length} ${state} job${jobs.length === 1 ? '' : 's'} (${queue.mode === 'redis' ? 'Redis' : 'in-process runs in the database'})`,
    );
  }
}
