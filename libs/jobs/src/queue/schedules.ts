import { CronExpressionParser } from 'cron-parser';
import type { Schedule } from './job-queue';

/** The recurring jobs and their defaults (Europe/Berlin): scan 06:00, reminders 06:15, reports Mon 06:30, digests 07:00. */
export function schedulesFromEnv(env: Record<string, string | undefined>): Schedule[] {
  const tz = env.SCHEDULE_TZ || 'Europe/Berlin';
  const schedules: Schedule[] = [
    { name: 'overdue-scan', pattern: env.SCHEDULE_OVERDUE_SCAN || '0 6 * * *', tz },
    { name: 'member-reports', pattern: env.SCHEDULE_MEMBER_REPORTS || '30 6 * * 1', tz },
    { name: 'digests-weekly', pattern: env.SCHEDULE_DIGESTS_WEEKLY || '0 7 * * 1', tz },
    { name: 'digests-daily', pattern: env.SCHEDULE_DIGESTS_DAILY || '0 7 * * *', tz },
    // Reports a delegate made reach the secretariat within minutes.
    { name: 'report-notices', pattern: env.SCHEDULE_REPORT_NOTICES || '*/10 * * * *', tz },
    // Owners hear of a deadline REMINDER_LEAD_DAYS before it, once per obligation and day.
    { name: 'reminders', pattern: env.SCHEDULE_REMINDERS || '15 6 * * *', tz },
    // The councils of OPARL_SOURCES, before the overdue scan; only when there are any.
    ...(env.OPARL_SOURCES?.trim()
      ? [{ name: 'oparl-sync' as const, pattern: env.SCHEDULE_OPARL_SYNC || '30 5 * * *', tz }]
      : []),
  ];
  for (const s of schedules) {
    try {
      CronExpressionParser.parse(s.pattern, { tz: s.tz });
    } catch {
      throw new Error(
        `der Zeitplan für ${s.name} ("${s.pattern}", Zeitzone ${s.tz}) ist kein gültiges Cron-Muster`,
      );
    }
  }
  return schedules;
}
