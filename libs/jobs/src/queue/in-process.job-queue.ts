import { Logger, NotFoundException } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, CronTime } from 'cron';
import type { JobRun, JobRunRepository } from '@app/persistence';
import {
  jobLabel,
  JobQueue,
  type JobInfo,
  type JobName,
  type JobStateName,
  type Schedule,
} from './job-queue';

export interface InProcessOptions {
  attempts: number;
  backoffMs: number;
}

function info(run: JobRun): JobInfo {
  return {
    id: String(run.id),
    name: run.name,
    state: run.state,
    attempts: run.attempts,
    data: run.data,
    result: run.result ?? undefined,
    failedReason: run.error ?? undefined,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt ?? undefined,
  };
}

/** A schedule's name in Nest's scheduler registry. */
const cronName = (schedule: Schedule): string => `jobs:${schedule.name}`;

/**
 * The embedded default: no Redis; the API process runs the handlers on the same schedules, one
 * job at a time, with the same retries. Runs are kept in the database to inspect and retry. The
 * schedules are cron jobs of `@nestjs/schedule` (its `SchedulerRegistry`, the app's when Nest
 * builds this queue); a run they start goes through `enqueue` like any other.
 */
export class InProcessJobQueue extends JobQueue {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly timers = new Set<NodeJS.Timeout>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly runs: JobRunRepository,
    private readonly handle: (name: JobName, data: Record<string, unknown>) => Promise<unknown>,
    private readonly options: InProcessOptions,
    private readonly scheduleList: Schedule[] = [],
    private readonly registry: SchedulerRegistry = new SchedulerRegistry(),
  ) {
    super();
  }

  /** Starts the schedules; jobs left active by a process that died are run again. */
  async start(): Promise<void> {
    const left = await this.runs.unfinished();
    for (const run of left) this.execute(run.id);
    for (const schedule of this.scheduleList) this.plan(schedule);
  }

  private plan(schedule: Schedule): void {
    if (this.closed || this.registry.doesExist('cron', cronName(schedule))) return;
    const job = CronJob.from({
      cronTime: schedule.pattern,
      timeZone: schedule.tz,
      onTick: () => {
        if (this.closed) return;
        void this.enqueue(schedule.name).catch((error: unknown) =>
          this.logger.error(String(error)),
        );
      },
      // As the timers before it: a schedule keeps no process alive, and a busy event loop delays
      // a run rather than skipping it.
      unrefTimeout: true,
      threshold: 60_000,
      name: cronName(schedule),
    });
    this.registry.addCronJob(cronName(schedule), job);
    job.start();
  }

  async enqueue(name: JobName, data: Record<string, unknown> = {}): Promise<JobInfo> {
    const row = {
      name,
      state: 'waiting' as const,
      attempts: 0,
      data,
      result: null,
      error: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    const id = await this.runs.add(row);
    this.execute(id);
    return info({ id, ...row } as JobRun);
  }

  private execute(id: number, delayMs = 0): void {
    const go = () => {
      this.chain = this.chain
        .then(() => this.attempt(id))
        .catch((error: unknown) => this.logger.error(String(error)));
    };
    if (delayMs === 0) go();
    else {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        go();
      }, delayMs);
      timer.unref();
      this.timers.add(timer);
    }
  }

  private async attempt(id: number): Promise<void> {
    if (this.closed) return;
    const run = await this.runs.findById(id);
    if (!run || run.state === 'completed' || run.state === 'failed') return;
    await this.runs.update(id, { state: 'active', attempts: run.attempts + 1 });
    try {
      const result = await this.handle(
        run.name as JobName,
        (run.data ?? {}) as Record<string, unknown>,
      );
      await this.runs.update(id, {
        state: 'completed',
        result: result ?? null,
        error: null,
        finishedAt: new Date().toISOString(),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = run.attempts + 1;
      if (attempts >= this.options.attempts) {
        await this.runs.update(id, {
          state: 'failed',
          error: message,
          finishedAt: new Date().toISOString(),
        });
        this.logger.warn(
          `Lauf ${id} (${jobLabel(run.name)}) nach ${attempts} Versuchen fehlgeschlagen: ${message}`,
        );
      } else {
        await this.runs.update(id, { state: 'delayed', error: message });
        this.execute(id, this.options.backoffMs * 2 ** (attempts - 1));
      }
    }
  }

  async list(state: JobStateName = 'failed'): Promise<JobInfo[]> {
    return (await this.runs.inState(state)).map(info);
  }

  async retry(id: string): Promise<JobInfo> {
    const run = await this.runs.findById(Number(id));
    if (!run) throw new NotFoundException(`Eine Hintergrundaufgabe ${id} gibt es nicht.`);
    await this.runs.update(run.id, {
      state: 'waiting',
      attempts: 0,
      error: null,
      finishedAt: null,
    });
    this.execute(run.id);
    return info({ ...run, state: 'waiting', attempts: 0 });
  }

  async schedules() {
    return this.scheduleList.map((s) => ({
      id: `schedule:${s.name}`,
      pattern: s.pattern,
      tz: s.tz,
      next: new CronTime(s.pattern, s.tz).sendAt().toJSDate().toISOString(),
    }));
  }

  /** Stops the schedules and waits for the running job to finish. */
  async close(): Promise<void> {
    this.closed = true;
    for (const schedule of this.scheduleList)
      if (this.registry.doesExist('cron', cronName(schedule)))
        this.registry.deleteCronJob(cronName(schedule));
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.chain;
  }

  /** Waits until nothing is queued (for tests and the CLI). */
  async idle(): Promise<void> {
    await this.chain;
  }
}
