import { Injectable } from '@nestjs/common';
import { Clock, systemClock } from '@app/config';
import { daysBetween } from '@app/domain';
import {
  lockObligationsForScan,
  mandatesDueBetween,
  recurringMandates,
  refreshOverdueFlags,
  SettingRepository,
  Transactions,
  type OverdueRefreshResult,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';

export type { OverdueChange } from '@app/persistence';
export interface OverdueScanResult extends OverdueRefreshResult {
  /** `full`: every obligation judged; `since`: only what can have fallen due since the last scan. */
  mode: 'full' | 'since';
  /** The last scan's day, for a scan of what fell due since. */
  since?: string;
}

/** The day of the last scan, and of the last scan that judged every obligation. */
const LAST_DAY = 'overdue-scan.last-day';
const LAST_FULL_DAY = 'overdue-scan.last-full-day';
/** A full scan at least this often, whatever changed outside the writers (a safety net). */
const FULL_EVERY_DAYS = 7;

/**
 * The daily scan: judges the obligations again as days pass, by the same rule the writers apply
 * to what they touch (`refreshOverdueFlags`). Every writer (ingest, status change, calendar
 * change, correction, link) refreshes what it touched, so between two scans only the passing of
 * days changes an answer: a one-off deadline whose day has come since the last scan, or a
 * recurring duty's window. A scan on the days after the last one judges those alone; every
 * seventh day, after a gap of more than a week, on the first run, or when asked (`full`), it
 * judges every obligation. Running it twice changes nothing the second time.
 */
@Injectable()
export class OverdueScanService {
  constructor(
    private readonly transactions: Transactions,
    private readonly settings: SettingRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  scan(now: Date = this.clock.now(), options: { full?: boolean } = {}): Promise<OverdueScanResult> {
    return this.transactions.run(async (manager) => {
      await lockObligationsForScan(manager);
      const today = now.toISOString().slice(0, 10);
      const since = options.full ? undefined : await this.sinceDay(manager, today);
      const result: OverdueScanResult = since
        ? {
            ...(await refreshOverdueFlags(manager, now, {
              mandateIds: [
                ...(await mandatesDueBetween(manager, since, today)),
                ...(await recurringMandates(manager)),
              ],
            })),
            mode: 'since',
            since,
          }
        : { ...(await refreshOverdueFlags(manager, now)), mode: 'full' };
      await this.settings.put(LAST_DAY, today, manager);
      if (!since) await this.settings.put(LAST_FULL_DAY, today, manager);
      return result;
    });
  }

  /**
   * The last scan's day when a scan of what fell due since it is enough: the last scan was on an
   * earlier day of the last week, and the last full one less than a week ago.
   */
  private async sinceDay(manager: EntityManager, today: string): Promise<string | undefined> {
    const last = await this.settings.value(LAST_DAY, manager);
    const full = await this.settings.value(LAST_FULL_DAY, manager);
    if (!last || !full || last > today || full > today) return undefined;
    if (daysBetween(last, today) > FULL_EVERY_DAYS) return undefined;
    if (daysBetween(full, today) >= FULL_EVERY_DAYS) return undefined;
    return last;
  }
}
