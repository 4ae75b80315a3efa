import { Injectable } from '@nestjs/common';
import { Clock, systemClock } from '@app/config';
import { refreshOverdueFlags, type OverdueRefreshResult } from '@app/persistence';
import { DataSource } from 'typeorm';

export type { OverdueChange } from '@app/persistence';
export type OverdueScanResult = OverdueRefreshResult;

/**
 * The daily scan: judges every obligation again as days pass, by the same rule the writers apply
 * to what they touch (`refreshOverdueFlags`). Running it twice changes nothing the second time.
 */
@Injectable()
export class OverdueScanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock = systemClock,
  ) {}

  scan(now: Date = this.clock.now()): Promise<OverdueScanResult> {
    return this.dataSource.transaction(async (manager) => {
      // The scan's set-based updates lock obligations in whatever order PostgreSQL walks them,
      // while a status change locks its obligation and then its mandate's others: each waiting
      // for the other, PostgreSQL aborts one, and a user's change fails with a 500 (seen under
      // load in `npm run bench -- stack`). Taking the table's write lock first makes writers wait
      // for the scan instead, and two scans run one after the other; reads go on. SQLite has one
      // writer at a time anyway.
      if (manager.connection.options.type === 'postgres')
        await manager.query('LOCK TABLE "obligation" IN SHARE ROW EXCLUSIVE MODE');
      return refreshOverdueFlags(manager, now);
    });
  }
}
