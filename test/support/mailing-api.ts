import { InProcessJobQueue, JobQueue } from '@app/jobs';
import { startApi, type ApiFixture } from './api-app';
import { SmtpTestServer } from './smtp-test-server';
import type { DatabaseKind } from './test-database';

/**
 * The real API with a real SMTP test server, started once for the describe block it is called in
 * (after its first start's jobs have run) and stopped after it. Links in mails start with `publicUrl`.
 */
export function mailingApi(
  kind: DatabaseKind,
  publicUrl: string,
): { api: () => ApiFixture; smtp: () => SmtpTestServer } {
  let api: ApiFixture | undefined;
  let smtp: SmtpTestServer | undefined;
  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    api = await startApi(kind, { SMTP_URL: smtp.url, JOB_ATTEMPTS: '1', PUBLIC_URL: publicUrl });
    await (api.app.get(JobQueue) as InProcessJobQueue).idle();
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the API is not started: call mailingApi inside a describe block');
    return value;
  };
  return { api: () => started(api), smtp: () => started(smtp) };
}
