import type { Clock } from '@app/config';
import { OverdueScanService } from '@app/jobs';
import { SettingRepository, Transactions } from '@app/persistence';
import type { DataSource } from 'typeorm';

/** The overdue scan wired by hand on a test database (no Nest container needed). */
export function overdueScan(dataSource: DataSource, clock?: Clock): OverdueScanService {
  return new OverdueScanService(
    new Transactions(dataSource),
    new SettingRepository(dataSource),
    clock,
  );
}
