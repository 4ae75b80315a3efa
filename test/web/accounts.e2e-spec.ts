import type { AddressInfo } from 'node:net';
import { ADMIN, startApi, type ApiFixture } from '../support/api-app';
import {
  HAS_CHROMIUM,
  openBrowser,
  warnWithoutChromium,
  type BrowserKit,
} from '../support/browser';
import { linkIn } from '../support/mail-links';
import { SmtpTestServer } from '../support/smtp-test-server';
import { until } from '../support/until';

warnWithoutChromium('accounts');

// Registered only where the browser is: the warning above says why it did not run.
if (HAS_CHROMIUM) {
  describe('accounts in chromium: an invitation from the users page to a signed-in delegate', () => {
    let api: ApiFixture;
    let smtp: SmtpTestServer;
    let base: string;
    let browser: BrowserKit;

    beforeAll(async () => {
      smtp = await new SmtpTestServer().start();
      api = await startApi('sqlite', { SMTP_URL: smtp.url });
      await api.app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
      // The links in mails must lead to this server: it is the public address here.
      process.env.PUBLIC_URL = base;
      browser = await openBrowser(api.app);
    }, 60_000);
    afterAll(async () => {
      delete process.env.PUBLIC_URL;
      await browser?.close();
      await api?.close();
      await smtp?.stop();
    }, 60_000);

    it('the secretariat invites a delegate, the mail arrives, the delegate signs in with its link, the audit page shows it', async () => {
      const admin = await browser.newPage();
      await admin.goto(`${base}/login`);
      await admin.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
      await admin.getByLabel('Passwort').fill(ADMIN.password);
      await admin.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await admin.waitForURL((url) => url.pathname !== '/login');
      await admin.getByRole('link', { name: 'Konten' }).click();
      await admin.waitForURL(/\/users$/);
      await browser.check(admin, 'users');

      await admin.getByLabel('E-Mail-Adresse').fill('delegation@bremen.de');
      await admin.getByLabel('Name').fill('Dana Delegation');
      await admin.getByLabel('Rolle').selectOption('delegate');
      await admin.getByLabel(/Mitglied/).selectOption('HB');
      await admin.getByRole('button', { name: 'Einladen' }).click();
      await admin
        .locator('#status', { hasText: 'Die Einladung an delegation@bremen.de ist verschickt.' })
        .waitFor();
      await expect(
        admin.locator('tr', { hasText: 'Dana Delegation' }).textContent(),
      ).resolves.toContain('eingeladen, noch nicht angemeldet');
      await browser.check(admin, 'users-invited');
      await admin.getByRole('link', { name: 'Dana Delegation' }).click();
      await admin.waitForURL(/\/users\/\d+$/);
      await admin.getByRole('button', { name: 'Einladung erneut senden' }).waitFor();
      await browser.check(admin, 'user');

      await until(
        () => smtp.received.some((m) => m.to.includes('delegation@bremen.de')),
        15_000,
        'the invitation',
      );
      const link = linkIn(
        smtp.received.filter((m) => m.to.includes('delegation@bremen.de')).at(-1) as never,
        base,
      );

      const delegate = await browser.newPage();
      await delegate.goto(link);
      await delegate.getByRole('heading', { name: 'Willkommen' }).waitFor();
      await browser.check(delegate, 'invitation');
      await delegate
        .getByLabel('Neues Passwort (mindestens 12 Zeichen)')
        .fill('danas-eigenes-passwort');
      await delegate.getByLabel('Neues Passwort wiederholen').fill('danas-eigenes-passwort');
      await delegate.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
      await delegate.waitForURL(/\/me$/);
      await expect(delegate.locator('.account').textContent()).resolves.toContain(
        'Dana Delegation',
      );
      await expect(delegate.locator('h1').textContent()).resolves.toContain('HB');
      await browser.check(delegate, 'me-after-invitation');

      // Used once: the same link now says so.
      const again = await browser.newPage();
      await again.goto(link);
      await again.getByRole('heading', { name: 'Dieser Link gilt nicht mehr' }).waitFor();
      await browser.check(again, 'link-gone', 410);

      await admin.getByRole('link', { name: 'Protokoll', exact: true }).click();
      await admin.waitForURL(/\/audit$/);
      await admin.getByLabel('Was').selectOption({ label: 'Einladung angenommen' });
      await admin.getByRole('button', { name: 'Anzeigen' }).click();
      await admin.waitForURL(/action=user\.invitation_accepted/);
      await expect(admin.locator('tbody').textContent()).resolves.toContain('delegation@bremen.de');
      await browser.check(admin, 'audit');

      const forgotten = await browser.newPage();
      await forgotten.goto(`${base}/login`);
      await forgotten.getByRole('link', { name: 'Passwort vergessen?' }).click();
      await forgotten.waitForURL(/\/password\/forgotten$/);
      await browser.check(forgotten, 'password-forgotten');
      await forgotten.getByLabel('E-Mail-Adresse').fill('delegation@bremen.de');
      await forgotten.getByRole('button', { name: 'Link anfordern' }).click();
      await forgotten
        .locator('#status', { hasText: 'Wenn zu dieser Adresse ein Konto gehört' })
        .waitFor();
      await browser.check(forgotten, 'password-forgotten-sent');
    }, 120_000);
  });
}
