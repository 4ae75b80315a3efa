import { DigestService } from '@app/jobs';
import type { Mailer } from '@app/mail';
import {
  DigestOutboxRepository,
  FollowUpDataRepository,
  MemberRepository,
  UserRepository,
} from '@app/persistence';
import type { DataSource } from 'typeorm';

/** The members' digests on a database, without starting the app (as `tracker digest` runs them). */
export function digestService(dataSource: DataSource, mailer: Mailer): DigestService {
  return new DigestService(
    new UserRepository(dataSource),
    new MemberRepository(dataSource),
    new DigestOutboxRepository(dataSource),
    new FollowUpDataRepository(dataSource),
    mailer,
  );
}
