import { ADMIN } from '../support/api-app';
import { browserWithMail, HAS_CHROMIUM, warnWithoutChromium } from '../support/browser';
import { linkIn } from '../support/mail-links';
import { until } from '../support/until';

warnWithoutChromium('accounts');

// Registered only where the browser is: the warning above says why it did not run.
if (HAS_CHROMIUM) {
  describe('accounts in chromium: an invitation from the users page to a signed-in delegate', () => {
    const web = browserWithMail();

    it('the secretariat invites a delegate, the mail arrives, the delegate signs in with its link, the audit page shows it', async () => {
      const admin = await web.kit.newPage();
      await admin.goto(`${web.base}/login`);
      await admin.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
      await admin.getByLabel('Passwort').fill(ADMIN.password);
      await admin.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await admin.waitForURL((url) => url.pathname !== '/login');
      await admin.getByRole('link', { name: 'Konten' }).click();
      await admin.waitForURL(/\/users$/);
      await web.kit.check(admin, 'users');

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
      await web.kit.check(admin, 'users-invited');
      await admin.getByRole('link', { name: 'Dana Delegation' }).click();
      await admin.waitForURL(/\/users\/\d+$/);
      await admin.getByRole('button', { name: 'Einladung erneut senden' }).waitFor();
      await web.kit.check(admin, 'user');

      await until(
        () => web.smtp.received.some((m) => m.to.includes('delegation@bremen.de')),
        15_000,
        'the invitation',
      );
      const link = linkIn(
        web.smtp.received.filter((m) => m.to.includes('delegation@bremen.de')).at(-1) as never,
        web.base,
      );

      const delegate = await web.kit.newPage();
      await delegate.goto(link);
      await delegate.getByRole('heading', { name: 'Willkommen' }).waitFor();
      await web.kit.check(delegate, 'invitation');
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
      await web.kit.check(delegate, 'me-after-invitation');

      // Used once: the same link now says so.
      const again = await web.kit.newPage();
      await again.goto(link);
      await again.getByRole('heading', { name: 'Dieser Link gilt nicht mehr' }).waitFor();
      await web.kit.check(again, 'link-gone', 410);

      await admin.getByRole('link', { name: 'Protokoll', exact: true }).click();
      await admin.waitForURL(/\/audit$/);
      await admin.getByLabel('Was').selectOption({ label: 'Einladung angenommen' });
      await admin.getByRole('button', { name: 'Anzeigen' }).click();
      await admin.waitForURL(/action=user\.invitation_accepted/);
      await expect(admin.locator('tbody').textContent()).resolves.toContain('delegation@bremen.de');
      await web.kit.check(admin, 'audit');

      const forgotten = await web.kit.newPage();
      await forgotten.goto(`${web.base}/login`);
      await forgotten.getByRole('link', { name: 'Passwort vergessen?' }).click();
      await forgotten.waitForURL(/\/password\/forgotten$/);
      await web.kit.check(forgotten, 'password-forgotten');
      await forgotten.getByLabel('E-Mail-Adresse').fill('delegation@bremen.de');
      await forgotten.getByRole('button', { name: 'Link anfordern' }).click();
      await forgotten
        .locator('#status', { hasText: 'Wenn zu dieser Adresse ein Konto gehört' })
        .waitFor();
      await web.kit.check(forgotten, 'password-forgotten-sent');
    }, 120_000);
  });
}
