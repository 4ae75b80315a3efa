import { Logger, NotFoundException } from '@nestjs/common';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { hostname } from 'node:os';
import IORedis from 'ioredis';
import {
  jobLabel,
  JobQueue,
  QueueUnavailableError,
  type JobInfo,
  type JobName,
  type JobStateName,
  type Schedule,
} from './job-queue';

export const QUEUE_NAME = 'mandate-tracker';

export interface BullmqOptions {
  url: string;
  /** Key prefix, so several installations (or test runs) share one Redis. */
  prefix: string;
  backoffMs: number;
  attempts: number;
  /** How long a job may run without its worker checking in before another worker takes it over. */
  lockDurationMs?: number;
}

/** Retries with exponential backoff; completed jobs trimmed, failed ones kept to inspect and retry. */
function jobOptions(options: BullmqOptions): JobsOptions {
  return {
    attempts: options.attempts,
    backoff: { type: 'exponential', delay: options.backoffMs },
    removeOnComplete: { age: 14 * 24 * 3600, count: 1000 },
    removeOnFail: { count: 5000 },
  };
}

function info(job: Job, state: string): JobInfo {
  return {
    id: String(job.id),
    name: job.name,
    state,
    attempts: job.attemptsMade,
    data: job.data,
    result: job.returnvalue,
    failedReason: job.failedReason || undefined,
    createdAt: new Date(job.timestamp).toISOString(),
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
  };
}

/** BullMQ on Redis. The API only enqueues; `startWorker` (apps/worker) processes and schedules. */
export class BullmqJobQueue extends JobQueue {
  readonly mode = 'redis' as const;
  private readonly logger = new Logger('Queue');
  private readonly producerConnection: IORedis;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private workerConnection: IORedis | undefined;

  constructor(private readonly options: BullmqOptions) {
    super();
    // Without an offline queue a command fails at once while Redis is away: routes that enqueue
    // answer 503 instead of hanging, and read routes never touch Redis.
    this.producerConnection = new IORedis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    this.producerConnection.on('error', () => undefined);
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.producerConnection,
      prefix: options.prefix,
    });
    this.queue.on('error', () => undefined);
  }

  /** Waits briefly for a connection still being made; fails at once when Redis is away. */
  private async ready(): Promise<void> {
    const connection = this.producerConnection;
    if (connection.status === 'ready') return;
    if (['wait', 'connecting', 'connect'].includes(connection.status)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        connection.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if ((connection.status as string) !== 'ready') {
      throw new QueueUnavailableError(
        'Die Warteschlange der Hintergrundaufgaben (Redis) ist nicht erreichbar; bitte versuchen Sie es später erneut.',
      );
    }
  }

  private async guard<T>(run: () => Promise<T>): Promise<T> {
    await this.ready();
    try {
      return await run();
    } catch (error) {
      if (
        this.producerConnection.status !== 'ready' ||
        /Stream isn't writeable|ECONNREFUSED|Connection is closed/.test(String(error))
      ) {
        throw new QueueUnavailableError(
          'Die Warteschlange der Hintergrundaufgaben (Redis) ist nicht erreichbar; bitte versuchen Sie es später erneut.',
        );
      }
      throw error;
    }
  }

  async enqueue(name: JobName, data: Record<string, unknown> = {}): Promise<JobInfo> {
    return this.guard(async () =>
      info(await this.queue.add(name, data, jobOptions(this.options)), 'waiting'),
    );
  }

  /**
   * Enqueues unless a job under the same id is still waiting or running: several workers starting
   * at once (or restarting) ask for one catch-up run, not one each.
   */
  async enqueueOnce(
    name: JobName,
    dedupeId: string,
    data: Record<string, unknown> = {},
  ): Promise<JobInfo> {
    return this.guard(async () =>
      info(
        await this.queue.add(name, data, {
          ...jobOptions(this.options),
          deduplication: { id: dedupeId },
        }),
        'waiting',
      ),
    );
  }

  async list(state: JobStateName = 'failed'): Promise<JobInfo[]> {
    return this.guard(async () =>
      (await this.queue.getJobs([state], 0, 199)).map((job) => info(job, state)),
    );
  }

  async retry(id: string): Promise<JobInfo> {
    return this.guard(async () => {
      const job = await this.queue.getJob(id);
      if (!job) throw new NotFoundException(`Eine Hintergrundaufgabe ${id} gibt es nicht.`);
      await job.retry('failed', { resetAttemptsMade: true });
      return info(job, 'waiting');
    });
  }

  async schedules() {
    return this.guard(async () =>
      (await this.queue.getJobSchedulers()).map((s) => ({
        id: String(s.key),
        pattern: String(s.pattern),
        tz: String(s.tz ?? ''),
        next: s.next ? new Date(s.next).toISOString() : undefined,
      })),
    );
  }

  /**
   * Upserts the schedules (an upsert by id: restarts and several workers never duplicate them)
   * and processes jobs with the handlers.
   */
  async startWorker(
    schedules: Schedule[],
    handle: (name: JobName, data: Record<string, unknown>) => Promise<unknown>,
    concurrency = 1,
  ): Promise<void> {
    for (const s of schedules) {
      await this.queue.upsertJobScheduler(
        `schedule:${s.name}`,
        { pattern: s.pattern, tz: s.tz },
        { name: s.name, data: {}, opts: jobOptions(this.options) },
      );
    }
    this.workerConnection = new IORedis(this.options.url, { maxRetriesPerRequest: null });
    this.workerConnection.on('error', () => undefined);
    this.worker = new Worker(
      QUEUE_NAME,
      async (job) => handle(job.name as JobName, job.data as Record<string, unknown>),
      {
        connection: this.workerConnection,
        prefix: this.options.prefix,
        // Recorded on each job it takes (processedBy): which worker ran it, when several do.
        name: `${hostname()}:${process.pid}`,
        concurrency,
        lockDuration: this.options.lockDurationMs ?? 30_000,
        stalledInterval: this.options.lockDurationMs ?? 30_000,
      },
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        `Lauf ${job?.id} (${jobLabel(job?.name ?? '')}) fehlgeschlagen (Versuch ${job?.attemptsMade}): ${error.message}`,
      ),
    );
    this.worker.on('error', (error) => this.logger.warn(`Worker: ${error.message}`));
    this.worker.on('stalled', (id) =>
      this.logger.warn(
        `Lauf ${id} blieb bei einem Worker stehen, den es nicht mehr gibt; er läuft erneut`,
      ),
    );
    await this.worker.waitUntilReady();
  }

  /** Graceful: the worker finishes its active job (or leaves it to be picked up again), then closes. */
  async close(force = false): Promise<void> {
    await this.worker?.close(force);
    await this.queue.close();
    this.workerConnection?.disconnect();
    this.producerConnection.disconnect();
  }
}
