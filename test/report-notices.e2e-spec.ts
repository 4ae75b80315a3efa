import { InProcessJobQueue, JobQueue } from '@app/jobs';
import { DigestOutbox } from '@app/persistence';
import { ADMIN, startApi, type ApiFixture } from './support/api-app';
import { SmtpTestServer } from './support/smtp-test-server';
import { DATABASES } from './support/test-database';

/** The text as written, from a quoted-printable body (soft breaks and =C3=BC undone). */
function quotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

describe.each(DATABASES)('the secretariat hears of reports by delegates, on %s', (kind) => {
  let api: ApiFixture;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    api = await startApi(kind, { SMTP_URL: smtp.url, JOB_ATTEMPTS: '1' });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const runNotices = async () => {
    const admin = await api.bearer(ADMIN.email, ADMIN.password);
    await api.http().post('/api/jobs/report-notices/run').set('Authorization', admin).expect(202);
    await (api.app.get(JobQueue) as InProcessJobQueue).idle();
  };

  it('mails each secretariat account once per report a delegate made, never for its own changes', async () => {
    const delegate = await api.userWithRole('delegate', 'HB');
    const second = await api.userWithRole('secretariat');
    const mine = await api
      .http()
      .get('/api/me/obligations?status=open&pageSize=5')
      .set('Authorization', delegate.auth)
      .expect(200);
    const [first, other] = (
      mine.body.items as Array<{ owners: Array<{ obligationId: number }> }>
    ).map((m) => m.owners[0].obligationId);
    await api
      .http()
      .patch(`/api/obligations/${first}`)
      .set('Authorization', delegate.auth)
      .send({ status: 'reported', note: 'Bericht übermittelt', link: 'https://example.org/b.pdf' })
      .expect(200);
    // The secretariat's own change is no news to it.
    await api
      .http()
      .patch(`/api/obligations/${other}`)
      .set('Authorization', second.auth)
      .send({ status: 'reported' })
      .expect(200);

    await runNotices();
    const to = smtp.received.map((m) => m.to[0]).sort();
    expect(to).toEqual([ADMIN.email, second.email].sort());
    const mail = quotedPrintable(smtp.received[0].raw);
    expect(mail).toMatch(/Subject: .*=\?UTF-8\?|Subject: mandate-tracker/);
    expect(mail).toContain('Bericht übermittelt');
    expect(mail).toContain('https://example.org/b.pdf');
    expect(mail).toContain(delegate.email);

    await runNotices();
    expect(smtp.received).toHaveLength(2);
    const rows = await api.db.dataSource.getRepository(DigestOutbox).find();
    expect(rows.map((r) => [r.period.startsWith('R'), r.status])).toEqual([
      [true, 'sent'],
      [true, 'sent'],
    ]);
  });
});
