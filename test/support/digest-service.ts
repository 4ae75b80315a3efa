import { DigestService } from '@app/jobs';
import { SmtpMailer, type Mailer } from '@app/mail';
import {
  DigestOutboxRepository,
  FollowUpDataRepository,
  MemberRepository,
  UserRepository,
} from '@app/persistence';
import type { DataSource } from 'typeorm';
import { SmtpTestServer } from './smtp-test-server';

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

/**
 * The digests on a database, mailed from `from` through a fresh SMTP test server (a send gives up
 * after `timeoutMs`); `stop` closes the mailer and the server.
 */
export async function digestsOverSmtp(
  dataSource: DataSource,
  from: string,
  timeoutMs: number,
): Promise<{
  smtp: SmtpTestServer;
  mailer: SmtpMailer;
  digests: DigestService;
  stop(): Promise<void>;
}> {
  const smtp = await new SmtpTestServer().start();
  const mailer = new SmtpMailer(smtp.url, from, { ignoreTLS: true, timeoutMs });
  return {
    smtp,
    mailer,
    digests: digestService(dataSource, mailer),
    stop: async () => {
      mailer.close();
      await smtp.stop();
    },
  };
}
