// A worker process for the "killed in the middle" test: the real queue, database and SMTP server.
import { DataSource } from 'typeorm';
import { BullmqJobQueue } from '@app/jobs';
import { SmtpMailer } from '@app/mail';
import { dataSourceOptions } from '@app/persistence';
import { digestService } from './digest-service';

async function main(): Promise<void> {
  const env = process.env as Record<string, string>;
  const dataSource = await new DataSource(dataSourceOptions(env.CHILD_DATABASE_URL)).initialize();
  const mailer = new SmtpMailer(env.CHILD_SMTP_URL, 'mt <noreply@test.de>', {
    ignoreTLS: true,
    timeoutMs: 5000,
  });
  const digests = digestService(dataSource, mailer);
  const queue = new BullmqJobQueue({
    url: env.CHILD_REDIS_URL,
    prefix: env.CHILD_PREFIX,
    attempts: 5,
    backoffMs: 200,
    lockDurationMs: 1000,
  });
  await queue.startWorker([], () =>
    digests.run({
      frequency: 'weekly',
      now: new Date('2020-10-26T06:00:00Z'),
      baseUrl: 'https://t',
    }),
  );
  process.stdout.write('ready\n');
}

void main();
