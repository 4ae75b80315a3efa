import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser } from 'playwright-core';
import { digestPeriod } from '@app/follow-up';
import { InProcessJobQueue, JobQueue } from '@app/jobs';
import { DigestOutbox, JobRun } from '@app/persistence';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from '../support/api-app';
import { ROOT } from '../support/seed-data';
import { SmtpTestServer } from '../support/smtp-test-server';
import { DATABASES } from '../support/test-database';
import { signIn, submitForm, type Agent } from '../support/web-agent';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM } from '../support/browser';

/** The in-process queue runs jobs one after another; this waits for the last one queued. */
const settled = (api: ApiFixture) => (api.app.get(JobQueue) as InProcessJobQueue).idle();

describe.each(DATABASES)(
  'the jobs page with a mail server that goes down and up, on %s',
  (kind) => {
    let api: ApiFixture;
    let smtp: SmtpTestServer;
    let admin: Agent;

    beforeAll(async () => {
      smtp = await new SmtpTestServer().start();
      api = await startApi(kind, { SMTP_URL: smtp.url, JOB_ATTEMPTS: '1' });
      await api.userWithRole('delegate', 'HB');
      await api.userWithRole('delegate', 'HB');
      admin = await signIn(api, ADMIN.email, ADMIN.password);
      await settled(api);
    }, 120_000);
    afterAll(async () => {
      await api?.close();
      await smtp?.stop();
    });

    it('shows a failed send with its reason, and its retry delivers each digest exactly once', async () => {
      const port = smtp.port;
      await smtp.stop();
      const page = await admin.get('/jobs').expect(200);
      await submitForm(admin, '/jobs/run', page.text, { job: 'digests-weekly' })
        .expect(303)
        .expect('location', /^\/jobs\?done=run-/);
      await settled(api);

      const failed = (await admin.get('/jobs').expect(200)).text;
      const period = digestPeriod(new Date(), 'weekly');
      // Two delegates' digests and the secretariat's weekly overview (to the admin).
      expect(failed).toContain('Nicht zugestellte E-Mail-Übersichten (3)');
      expect(failed).toContain('Wochenübersicht der Geschäftsstelle');
      expect(failed).toContain('Der Mailserver war nicht erreichbar.');
      expect(failed).toMatch(
        /fehlgeschlagen[\s\S]*2 von 2 E-Mail-Übersichten wurden nicht zugestellt/,
      );
      expect(failed).toContain(`Zeitraum ${period} erneut senden`);
      expect(failed).not.toContain(smtp.url);
      const outbox = api.db.dataSource.getRepository(DigestOutbox);
      expect((await outbox.find()).map((o) => o.status)).toEqual(['failed', 'failed', 'failed']);

      await smtp.start(port);
      await submitForm(admin, '/jobs/digests/retry', failed, { period }).expect(303);
      await settled(api);
      const recipients = smtp.received.map((m) => m.to[0]).sort();
      expect(recipients).toHaveLength(3);
      expect(new Set(recipients).size).toBe(3);
      expect(recipients).toContain(ADMIN.email);
      const after = (await admin.get('/jobs').expect(200)).text;
      expect(after).toContain('Alle E-Mail-Übersichten wurden zugestellt.');
      expect(after).toMatch(
        new RegExp(
          `Zeitraum ${period}: 2 gesendet, 0 schon zuvor gesendet; Wochenübersicht der Geschäftsstelle: 1 gesendet`,
        ),
      );

      // Once more: nothing is sent twice.
      await submitForm(admin, '/jobs/digests/retry', after, { period }).expect(303);
      await settled(api);
      expect(smtp.received).toHaveLength(3);
      expect((await outbox.find()).map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
    });

    it('runs the overdue scan from the page through the queue, and says what it did', async () => {
      const page = await admin.get('/jobs').expect(200);
      await submitForm(admin, '/jobs/run', page.text, { job: 'overdue-scan' }).expect(303);
      await settled(api);
      const runs = await api.db.dataSource
        .getRepository(JobRun)
        .find({ where: { name: 'overdue-scan' }, order: { id: 'DESC' } });
      expect(runs[0].state).toBe('completed');
      const shown = (await admin.get('/jobs').expect(200)).text;
      expect(shown).toMatch(
        new RegExp(`data-job="${runs[0].id}"[\\s\\S]*?Überfälligkeitsprüfung[\\s\\S]*?erledigt`),
      );
      expect(shown).toMatch(/\d+ neu überfällig, \d+ nicht mehr überfällig/);
    });

    it('refuses what is not a job or not a period (400, in German), a form without token, and delegates', async () => {
      const page = await admin.get('/jobs').expect(200);
      const before = await api.db.dataSource.getRepository(JobRun).count();
      const unknown = await submitForm(admin, '/jobs/run', page.text, {
        job: 'alles-loeschen',
      }).expect(400);
      expect(unknown.text).toContain('Diesen Ablauf gibt es nicht.');
      const period = await submitForm(admin, '/jobs/digests/retry', page.text, {
        period: '2026-W77',
      }).expect(400);
      expect(period.text).toContain('„2026-W77“ ist kein Zeitraum');
      await admin.post('/jobs/run').type('form').send({ job: 'overdue-scan' }).expect(403);
      expect(await api.db.dataSource.getRepository(JobRun).count()).toBe(before);

      const { email } = await api.userWithRole('delegate', 'NW');
      const delegate = await signIn(api, email, PASSWORD);
      await delegate.get('/jobs').expect(403);
      expect((await delegate.get('/overview').expect(200)).text).not.toContain('href="/jobs"');
    });
  },
);

if (!HAS_CHROMIUM)
  console.warn(
    `[web] jobs page browser test SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  );

// Registered only where the browser is: the warning above says why it did not run.
if (HAS_CHROMIUM) {
  describe('the jobs page in chromium', () => {
    let api: ApiFixture;
    let smtp: SmtpTestServer;
    let browser: Browser;
    let base: string;

    beforeAll(async () => {
      smtp = await new SmtpTestServer().start();
      smtp.refusing = true;
      api = await startApi('sqlite', { SMTP_URL: smtp.url, JOB_ATTEMPTS: '1' });
      await api.userWithRole('delegate', 'HB');
      await api.app.listen(0, '127.0.0.1');
      const { port } = api.app.getHttpServer().address() as AddressInfo;
      base = `http://127.0.0.1:${port}`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await api?.close();
      await smtp?.stop();
    });

    it('the secretariat sends the digests, sees the refusal, retries and the page is axe-clean', async () => {
      const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${base}/login`);
      await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
      await page.getByLabel('Passwort').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.waitForURL((url) => url.pathname !== '/login');

      await page.getByRole('link', { name: 'Abläufe' }).click();
      await page.waitForURL(`${base}/jobs`);
      await page
        .getByRole('button', { name: 'Probelauf: wöchentliche Übersichten ansehen' })
        .click();
      await page.getByRole('heading', { name: /Probelauf: 1 Übersicht/ }).waitFor();
      expect(smtp.received).toHaveLength(0);

      await page.getByRole('button', { name: 'Wöchentliche Übersichten jetzt senden' }).click();
      await page.waitForURL(/done=run-/);
      await settled(api);
      await page.reload();
      const undelivered = page.getByRole('table', { name: /Nicht zugestellte/ });
      await expect(undelivered.textContent()).resolves.toContain(
        'Der Mailserver hat die Nachricht nicht angenommen (451).',
      );

      smtp.refusing = false;
      await page.getByRole('button', { name: /^Zeitraum .* erneut senden$/ }).click();
      await page.waitForURL(/done=run-/);
      await settled(api);
      await page.reload();
      await page.getByText('Alle E-Mail-Übersichten wurden zugestellt.').waitFor();
      // The delegate's digest and the secretariat's weekly overview.
      expect(smtp.received.map((m) => m.to[0]).sort()).toHaveLength(2);
      expect(smtp.received.map((m) => m.to[0])).toContain(ADMIN.email);

      const screenshots = join(ROOT, 'test', 'artifacts', 'screenshots');
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, 'jobs.png'), fullPage: false });
      await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const results = await page.evaluate<AxeResults>(
        "axe.run(document, { resultTypes: ['violations'] })",
      );
      const blocking = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help}`);
      expect({ violations: blocking, errors }).toEqual({ violations: [], errors: [] });
    }, 120_000);
  });
}
