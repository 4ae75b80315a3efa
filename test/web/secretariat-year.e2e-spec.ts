import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { InProcessJobQueue, JobQueue } from '@app/jobs';
import { Mandate, Resolution } from '@app/persistence';
import { ADMIN } from '../support/api-app';
import { browserWithMail, HAS_CHROMIUM, warnWithoutChromium } from '../support/browser';
import { decodedMail, linkIn } from '../support/mail-links';
import { expectOneOverdueCount, overdueCounts, type Readers } from '../support/overdue-views';
import { ROOT } from '../support/seed-data';
import { until } from '../support/until';
import { signIn as signInAgent } from '../support/web-agent';

warnWithoutChromium('secretariat-year');

const DELEGATE = { email: 'delegation@bremen.de', name: 'Dana Delegation' };
const DELEGATE_PASSWORD = 'danas-eigenes-passwort';
const real = (name: string) => join(ROOT, 'test', 'fixtures', 'real', name);

/**
 * One ordinary year of the secretariat and a delegate, in Chromium, across the pages that show
 * the same facts: invitation by mail, imports of a regular session, a special session and an
 * Umlaufverfahren, a mandate added by hand, one corrected and one withdrawn, the next session in
 * the calendar, the overdue scan started from its page, one overdue count in every view, digests
 * through a mail server that is down and then up, and a report that the audit trail shows.
 * Every page visited is checked with axe-core.
 */
if (HAS_CHROMIUM) {
  describe('a year of secretariat work in chromium', () => {
    const web = browserWithMail({ JOB_ATTEMPTS: '1' });

    const settled = () => (web.api.app.get(JobQueue) as InProcessJobQueue).idle();
    const status = (page: Page, text: string) =>
      page.locator('#status', { hasText: text }).waitFor();

    async function importText(page: Page, file: string, name: string): Promise<void> {
      await page.goto(`${web.base}/import`);
      await page.getByLabel('Datei').setInputFiles(real(file));
      await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
      await page.waitForURL(/\/import\/\d+$/);
      await web.kit.check(page, `year-review-${name}`);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Übernehmen' }).click();
      await page.getByRole('heading', { name: 'Import übernommen' }).waitFor();
      await web.kit.check(page, `year-imported-${name}`);
    }

    it('holds together from the invitation to the audit trail', async () => {
      // The secretariat invites a delegate of Bremen; the mail arrives; the link signs her in.
      const admin = await web.kit.newPage();
      await web.kit.signIn(admin, ADMIN.email, ADMIN.password);
      await admin.getByRole('link', { name: 'Konten' }).click();
      await admin.getByLabel('E-Mail-Adresse').fill(DELEGATE.email);
      await admin.getByLabel('Name').fill(DELEGATE.name);
      await admin.getByLabel('Rolle').selectOption('delegate');
      await admin.getByLabel(/Mitglied/).selectOption('HB');
      await admin.getByRole('button', { name: 'Einladen' }).click();
      await status(admin, `Die Einladung an ${DELEGATE.email} ist verschickt.`);
      await web.kit.check(admin, 'year-users');
      await until(
        () => web.smtp.received.some((m) => m.to.includes(DELEGATE.email)),
        30_000,
        'the invitation mail',
      );
      const invitation = web.smtp.received.find((m) => m.to.includes(DELEGATE.email));
      const delegate = await web.kit.newPage();
      await delegate.goto(linkIn(invitation as never, web.base));
      await delegate.getByLabel('Neues Passwort (mindestens 12 Zeichen)').fill(DELEGATE_PASSWORD);
      await delegate.getByLabel('Neues Passwort wiederholen').fill(DELEGATE_PASSWORD);
      await delegate.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
      await delegate.waitForURL(/\/me$/);
      await web.kit.check(delegate, 'year-me-first');

      // A regular session, a special session and an Umlaufverfahren come in through the import.
      await importText(admin, 'itplr-33.txt', 'session');
      await importText(admin, 'itplr-sondersitzung-2020-09-18.txt', 'special');
      await importText(admin, 'itplr-umlauf-2023-10-10.txt', 'circulation');
      await admin.goto(`${web.base}/sessions`);
      const calendar = (await admin.locator('main').textContent()) ?? '';
      expect(calendar).toContain('Sondersitzung am 18.09.2020');
      expect(calendar).toContain('Umlaufverfahren vom 10.10.2023');
      expect(calendar).not.toMatch(/(^|\D)0\. Sitzung/);
      await web.kit.check(admin, 'year-sessions');
      await admin.getByRole('link', { name: 'Sondersitzung am 18.09.2020' }).first().click();
      await web.kit.check(admin, 'year-special-session');
      // The main list keeps every mandate, those of meetings without a number too.
      await admin.goto(`${web.base}/overview`);
      await expect(admin.locator('main').textContent()).resolves.not.toContain(
        'Keine Aufträge für diese Filter.',
      );
      await web.kit.check(admin, 'year-overview');

      // A mandate the reading missed is added by hand on its decision's page.
      await admin.goto(`${web.base}/decisions/2023%2F35`);
      const add = admin.locator('#add-mandate');
      await add.getByText('Auftrag von Hand anlegen').click();
      await add.getByLabel('Ziffer des Beschlusses').fill('1');
      await add.getByLabel('Zuständig').fill('Bremen');
      await add.getByLabel('Was ist zu tun?').fill('die Nachnutzung im eigenen Land darlegen');
      await add.getByLabel('Art der Frist').selectOption('date');
      await add.getByLabel('Datum').fill('2024-01-31');
      await add.getByRole('button', { name: 'Auftrag anlegen' }).click();
      await admin.waitForURL(/\/mandates\/\d+\?done=created$/);
      await web.kit.check(admin, 'year-mandate-added');

      // One reading is corrected, another withdrawn.
      const mandates = web.api.db.dataSource.getRepository(Mandate);
      const r32 = await web.api.db.dataSource
        .getRepository(Resolution)
        .findOneByOrFail({ code: '2020/28' });
      const [toCorrect, toWithdraw] = await mandates.find({
        where: { resolutionId: r32.id, origin: 'extracted' },
        order: { id: 'ASC' },
      });
      await admin.goto(`${web.base}/mandates/${toCorrect.id}`);
      const edit = admin.locator('#edit-mandate');
      await edit.getByText('Auftrag bearbeiten').click();
      await edit.getByLabel('Was ist zu tun?').fill(`${toCorrect.action} (präzisiert)`);
      await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
      await admin.waitForURL(/\?done=edited$/);
      await web.kit.check(admin, 'year-mandate-corrected');
      await admin.goto(`${web.base}/mandates/${toWithdraw.id}`);
      admin.once('dialog', (dialog) => void dialog.accept());
      const withdraw = admin.locator('#withdraw-mandate');
      await withdraw.getByText('Auftrag zurückziehen').click();
      await withdraw.getByLabel('Grund').fill('Kein Auftrag: nur eine Kenntnisnahme.');
      await withdraw.getByRole('button', { name: 'Zurückziehen' }).click();
      await admin.waitForURL(/\?done=withdrawn$/);
      await web.kit.check(admin, 'year-mandate-withdrawn');

      // The next session goes into the calendar.
      await admin.goto(`${web.base}/sessions/calendar`);
      const next = await admin.getByLabel('Nummer der Sitzung').inputValue();
      await admin.locator('#add-date').fill(`${new Date().getUTCFullYear() + 1}-03-18`);
      await admin.getByRole('button', { name: 'Sitzung hinzufügen', exact: true }).click();
      await status(admin, `${next}. Sitzung ist in den Kalender eingetragen`);
      await web.kit.check(admin, 'year-calendar');

      // The overdue scan runs from its page.
      await admin.getByRole('link', { name: 'Abläufe' }).click();
      await admin.getByRole('button', { name: 'Überfälligkeit jetzt prüfen' }).click();
      await admin.waitForURL(/done=run-/);
      await settled();
      await admin.reload();
      await web.kit.check(admin, 'year-jobs-scan');

      // Every view says the same about what Bremen has overdue.
      const staff = await signInAgent(web.api, ADMIN.email, ADMIN.password);
      const hb = await signInAgent(web.api, DELEGATE.email, DELEGATE_PASSWORD);
      const delegateBearer = await web.api.bearer(DELEGATE.email, DELEGATE_PASSWORD);
      const calendarToken = (
        await web.api
          .as(delegateBearer)
          .post('/api/me/tokens')
          .send({ name: 'Kalender', kind: 'calendar' })
          .expect(201)
      ).body.token as string;
      const readers: Readers = {
        admin: staff,
        delegate: hb,
        delegateBearer,
        adminBearer: () => web.api.bearer(ADMIN.email, ADMIN.password),
        calendarToken,
      };
      const overdue = expectOneOverdueCount(await overdueCounts(web.api, readers));
      expect(overdue).toBeGreaterThan(0);

      // The mail server is down for the weekly digests, then up: each goes out exactly once.
      web.smtp.refusing = true;
      const digestsBefore = web.smtp.received.length;
      await admin.getByRole('button', { name: 'Wöchentliche Übersichten jetzt senden' }).click();
      await admin.waitForURL(/done=run-/);
      await settled();
      await admin.reload();
      await expect(
        admin.getByRole('table', { name: /Nicht zugestellte/ }).textContent(),
      ).resolves.toContain('Der Mailserver hat die Nachricht nicht angenommen');
      await web.kit.check(admin, 'year-jobs-undelivered');
      expect(web.smtp.received.length).toBe(digestsBefore);
      web.smtp.refusing = false;
      await admin.getByRole('button', { name: /^Zeitraum .* erneut senden$/ }).click();
      await admin.waitForURL(/done=run-/);
      await settled();
      await admin.reload();
      await admin.getByText('Alle E-Mail-Übersichten wurden zugestellt.').waitFor();
      const digests = web.smtp.received
        .slice(digestsBefore)
        .filter((m) => decodedMail(m).includes('mandate-tracker:'));
      expect(digests.filter((m) => m.to.includes(DELEGATE.email))).toHaveLength(1);
      const recipients = digests.flatMap((m) => m.to);
      expect(new Set(recipients).size).toBe(recipients.length);
      await web.kit.check(admin, 'year-jobs-delivered');

      // The delegate reports one obligation; the secretariat finds it in the audit trail.
      await delegate.goto(`${web.base}/me`);
      const card = delegate
        .locator('li.card', { has: delegate.locator('[data-status="open"]') })
        .first();
      await card.getByText('Status ändern oder Notiz hinzufügen').click();
      await card.getByLabel('Neuer Status').selectOption('reported');
      await card.getByLabel('Notiz').fill('Bericht an die Geschäftsstelle übermittelt.');
      await card.getByRole('button', { name: 'Speichern' }).click();
      await status(delegate, 'auf „berichtet“ gesetzt');
      await web.kit.check(delegate, 'year-me-reported');
      expectOneOverdueCount(await overdueCounts(web.api, readers));

      await admin.getByRole('link', { name: 'Protokoll' }).click();
      await admin.getByLabel('Was').selectOption({ label: 'Stand einer Pflicht geändert' });
      await admin.getByRole('button', { name: 'Anzeigen' }).click();
      await admin.waitForURL(/action=obligation\.status/);
      await expect(admin.locator('tbody').textContent()).resolves.toContain(DELEGATE.email);
      await web.kit.check(admin, 'year-audit');
    }, 600_000);
  });
}
