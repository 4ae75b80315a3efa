import { Logger, NotFoundException } from '@nestjs/common';
import { JobRun } from '@app/persistence';
import { DataSource, In } from 'typeorm';
import {
  JobQueue,
  type JobInfo,
  type JobName,
  type JobStateName,
  type Schedule,
} from './job-queue';
import { nextRun } from './schedules';

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

/**
 * The embedded default: no Redis; the API process runs the handlers on the same schedules, one
 * job at a time, with the same retries. Runs are kept in the database to inspect and retry.
 */
export class InProcessJobQueue extends JobQueue {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly timers = new Set<NodeJS.Timeout>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handle: (name: JobName, data: Record<string, unknown>) => Promise<unknown>,
    private readonly options: InProcessOptions,
    private readonly scheduleList: Schedule[] = [],
  ) {
    super();
  }

  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  /** Starts the schedules; jobs left active by a process that died are run again. */
  async start(): Promise<void> {
    const left = await this.runs.findBy({ state: In(['active', 'waiting', 'delayed']) });
    for (const run of left) this.execute(run.id);
    for (const schedule of this.scheduleList) this.plan(schedule);
  }

  private plan(schedule: Schedule): void {
    if (this.closed) return;
    const wait = Math.max(0, nextRun(schedule, new Date()).getTime() - Date.now());
    // setTimeout holds at most ~24.8 days; a later run is planned again from there.
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (wait <= 2 ** 31 - 1)
          void this.enqueue(schedule.name).catch((error: unknown) =>
            this.logger.error(String(error)),
          );
        this.plan(schedule);
      },
      Math.min(wait, 2 ** 31 - 1),
    );
    timer.unref();
    this.timers.add(timer);
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
    const id = (await this.runs.insert(row as never)).identifiers[0].id as number;
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
    const run = await this.runs.findOneBy({ id });
    if (!run || run.state === 'completed' || run.state === 'failed') return;
    await this.runs.update(id, { state: 'active', attempts: run.attempts + 1 });
    try {
      const result = await this.handle(
        run.name as JobName,
        (run.data ?? {}) as Record<string, unknown>,
      );
      await this.runs.update(id, {
        state: 'completed',
        result: (result ?? null) as never,
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
        this.logger.warn(`job ${run.name} ${id} failed after ${attempts} attempts: ${message}`);
      } else {
        await this.runs.update(id, { state: 'delayed', error: message });
        this.execute(id, this.options.backoffMs * 2 ** (attempts - 1));
      }
    }
  }

  async list(state: JobStateName = 'failed'): Promise<JobInfo[]> {
    return (await this.runs.find({ where: { state }, order: { id: 'DESC' }, take: 200 })).map(info);
  }

  async retry(id: string): Promise<JobInfo> {
    const run = await this.runs.findOneBy({ id: Number(id) });
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
      next: nextRun(s, new Date()).toISOString(),
    }));
  }

  /** Stops the schedules and waits for the running job to finish. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.chain;
  }

  /** Waits until nothing is queued (for tests and the CLI). */
  async idle(): Promise<void> {
    await this.chain;
  }
}
