import { UsersService } from '@app/accounts';
import { AuditService } from '@app/audit';
import {
  ApiTokenRepository,
  AuditRepository,
  MemberRepository,
  Transactions,
  UserRepository,
} from '@app/persistence';
import type { DataSource } from 'typeorm';

/** User administration on a test database, without starting the app. */
export function usersService(dataSource: DataSource): UsersService {
  return new UsersService(
    new UserRepository(dataSource),
    new MemberRepository(dataSource),
    new ApiTokenRepository(dataSource),
    new Transactions(dataSource),
    new AuditService(new AuditRepository(dataSource)),
  );
}
