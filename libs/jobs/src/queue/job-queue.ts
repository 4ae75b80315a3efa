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

/** What each job is called on the pages and in the CLI. */
export const JOB_LABELS: Record<JobName, string> = {
  'overdue-scan': 'Überfälligkeitsprüfung',
  'member-reports': 'Statusberichte der Mitglieder',
  'digests-weekly': 'Wöchentliche E-Mail-Übersichten',
  'digests-daily': 'Tägliche E-Mail-Übersichten',
  'report-notices': 'Meldungen an die Geschäftsstelle',
  reminders: 'Erinnerungen an Fristen',
  'oparl-sync': 'Abgleich mit OParl-Quellen',
};

/** Where a run stands, in words. */
export const JOB_STATE_LABELS: Record<JobStateName, string> = {
  waiting: 'wartet',
  active: 'läuft',
  completed: 'erledigt',
  failed: 'fehlgeschlagen',
  delayed: 'wird wiederholt',
};

export function jobStateLabel(state: string): string {
  return (JOB_STATE_LABELS as Record<string, string>)[state] ?? state;
}

/** A job's name in words; a name from an older version stays as it is. */
export function jobLabel(name: string): string {
  return (JOB_LABELS as Record<string, string>)[name] ?? name;
}

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
