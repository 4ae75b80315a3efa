export const JOB_NAMES = [
  'overdue-scan',
  'member-reports',
  'digests-weekly',
  'digests-daily',
  'report-notices',
  'reminders',
  'oparl-sync',
] as const;
export type JobName = (typeof JOB_NAMES)[number];
export const JOB_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;
export type JobStateName = (typeof JOB_STATES)[number];

export interface JobInfo {
  id: string;
  name: string;
  state: string;
  attempts: number;
  data: unknown;
  result?: unknown;
  failedReason?: string;
  createdAt: string;
  finishedAt?: string;
}

export interface Schedule {
  name: JobName;
  /** Cron pattern (minute hour day month weekday), in `tz`. */
  pattern: string;
  tz: string;
}

/** The queue (Redis) cannot be reached: enqueuing fails fast instead of hanging. */
export class QueueUnavailableError extends Error {}

/**
 * Where jobs go: BullMQ on Redis (API replicas enqueue, workers process), or, with no Redis, the
 * same handlers run in the API process on the same schedules.
 */
export abstract class JobQueue {
  abstract readonly mode: 'redis' | 'in-process';
  abstract enqueue(name: JobName, data?: Record<string, unknown>): Promise<JobInfo>;
  abstract list(state?: JobStateName): Promise<JobInfo[]>;
  abstract retry(id: string): Promise<JobInfo>;
  abstract schedules(): Promise<Array<{ id: string; pattern: string; tz: string; next?: string }>>;
}
