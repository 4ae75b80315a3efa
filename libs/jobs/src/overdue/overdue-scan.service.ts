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
    return this.dataSource.transaction((manager) => refreshOverdueFlags(manager, now));
  }
}
