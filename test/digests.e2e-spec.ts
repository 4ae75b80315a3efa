import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@app/audit';
import { DigestDeliveryError, type DigestService } from '@app/jobs';
import { SmtpMailer } from '@app/mail';
import { dataSourceOptions, DigestOutbox } from '@app/persistence';
import { DataSource } from 'typeorm';
import { digestService, digestsOverSmtp } from './support/digest-service';
import { ingestServices } from './support/ingest-services';
import { ROOT } from './support/seed-data';
import { SmtpTestServer } from './support/smtp-test-server';
import { createTestDatabase, DATABASES, type TestDatabase } from './support/test-database';
import { usersService } from './support/users-service';

const protocol = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');
const monday = new Date('2020-10-26T06:00:00Z');

describe.each(DATABASES)('email digests through a real SMTP server, on %s', (kind) => {
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let mailer: SmtpMailer;
  let digests: DigestService;
  let stopMail: () => Promise<void>;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    const { seeds, seedsDir, ingest } = ingestServices(db.dataSource);
    await seeds.seedAll(seedsDir);
    await ingest.ingestText(protocol, 'itplr-32.md');
    const accounts = usersService(db.dataSource);
    const add = (email: string, member: string) =>
      accounts.createUser(
        {
          email,
          name: email.split('@')[0],
          role: 'delegate',
          member,
          password: 'a-long-enough-password',
        },
        SYSTEM_ACTOR,
      );
    await add('anna@bremen.de', 'HB');
    await add('ben@bremen.de', 'HB');
    const off = await add('carla@bremen.de', 'HB');
    await accounts.updateUser(off.user.id, { digestFrequency: 'off' }, SYSTEM_ACTOR);
    await add('dora@nrw.de', 'NW');
    const mail = await digestsOverSmtp(db.dataSource, 'mandate-tracker <noreply@test.de>', 3000);
    ({ smtp, mailer, digests, stop: stopMail } = mail);
  });
  afterEach(async () => {
    await stopMail();
    await db.drop();
  });

  it('sends one German digest to each delegate who wants one and has something to hear about', async () => {
    const result = await digests.run({
      frequency: 'weekly',
      now: monday,
      baseUrl: 'https://tracker.test',
    });
    // NW owes nothing with a deadline in the sample, so its delegate gets no mail; carla opted out.
    expect(result).toMatchObject({ period: '2020-W44', planned: 2, sent: 2, failed: [] });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['anna@bremen.de', 'ben@bremen.de']);
    const anna = smtp.received.find((m) => m.to[0] === 'anna@bremen.de')?.raw ?? '';
    expect(anna).toMatch(/Subject: .*=\?UTF-8\?|Subject: mandate-tracker/);
    expect(anna).toContain('https://tracker.test/mandates/');
    expect(anna).toMatch(/multipart\/alternative/);
  });

  it('sends exactly one digest per member, delegate and period however often it runs', async () => {
    await digests.run({ frequency: 'weekly', now: monday, baseUrl: 'https://tracker.test' });
    const again = await digests.run({
      frequency: 'weekly',
      now: new Date('2020-10-27T06:00:00Z'),
      baseUrl: 'https://tracker.test',
    });
    expect(again).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(smtp.received).toHaveLength(2);
    expect(await db.dataSource.getRepository(DigestOutbox).count()).toBe(2);
  });

  it('when the SMTP server refuses: a visible failure, then each digest delivered once when it is back', async () => {
    smtp.refusing = true;
    await expect(
      digests.run({ frequency: 'weekly', now: monday, baseUrl: 'https://tracker.test' }),
    ).rejects.toThrow(DigestDeliveryError);
    const failed = await digests.failed();
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'Der Mailserver hat die Nachricht nicht angenommen (451).',
    });
    expect(JSON.stringify(failed)).not.toContain('smtp://');

    smtp.refusing = false;
    const retry = await digests.run({
      frequency: 'weekly',
      now: monday,
      baseUrl: 'https://tracker.test',
    });
    expect(retry).toMatchObject({ sent: 2, alreadySent: 0 });
    await digests.run({ frequency: 'weekly', now: monday, baseUrl: 'https://tracker.test' });
    expect(smtp.received).toHaveLength(2);
    expect((await db.dataSource.getRepository(DigestOutbox).find()).map((o) => o.attempts)).toEqual(
      [2, 2],
    );
  });

  it('without SMTP every digest fails clearly; the next send, from a new process with SMTP, sends each exactly once', async () => {
    const unconfigured = new SmtpMailer(undefined, 'mandate-tracker <noreply@test.de>');
    await expect(
      digestService(db.dataSource, unconfigured).run({
        frequency: 'weekly',
        now: monday,
        baseUrl: 'https://tracker.test',
      }),
    ).rejects.toThrow(DigestDeliveryError);
    expect((await digests.failed()).map((f) => [f.recipient, f.lastError])).toEqual([
      ['anna@bremen.de', 'Kein Mailserver eingerichtet (die Einstellung SMTP_URL fehlt).'],
      ['ben@bremen.de', 'Kein Mailserver eingerichtet (die Einstellung SMTP_URL fehlt).'],
    ]);

    // `tracker digest --send` is a process of its own: its first statement on the outbox is the
    // insert that finds the row already there.
    await db.dataSource.destroy();
    const reopened = await new DataSource(dataSourceOptions(db.url)).initialize();
    try {
      const again = digestService(reopened, mailer);
      const retry = await again.run({
        frequency: 'weekly',
        now: monday,
        baseUrl: 'https://tracker.test',
      });
      expect(retry).toMatchObject({ sent: 2, alreadySent: 0, failed: [] });
      await again.run({ frequency: 'weekly', now: monday, baseUrl: 'https://tracker.test' });
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['anna@bremen.de', 'ben@bremen.de']);
      expect(await again.failed()).toEqual([]);
    } finally {
      await reopened.destroy();
    }
  });

  it('shows in a dry run what would be sent, sending nothing', async () => {
    const dry = await digests.run({
      frequency: 'weekly',
      now: monday,
      baseUrl: 'https://tracker.test',
      member: 'HB',
      dryRun: true,
    });
    expect(dry.dryRun?.map((d) => d.recipient)).toEqual(['anna@bremen.de', 'ben@bremen.de']);
    expect(dry.dryRun?.[0].digest.text).toMatch(/überfällig/);
    expect(smtp.received).toHaveLength(0);
    expect(await db.dataSource.getRepository(DigestOutbox).count()).toBe(0);
  });
});
