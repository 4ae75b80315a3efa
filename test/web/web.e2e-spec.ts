import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { IngestService } from '@app/ingest';
import { Obligation, ObligationEvent } from '@app/persistence';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from '../support/api-app';
import { ROOT } from '../support/seed-data';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(
    `[web] browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium); only the HTTP checks of the pages ran`,
  );
}

/** The session cookie of a response, as the browser would send it back. */
function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const header = res.headers['set-cookie'] as string[] | undefined;
  const cookie = header?.find((c) => c.startsWith('mt_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0];
}

function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('no CSRF token in the page');
  return match[1];
}

let api: ApiFixture;

beforeAll(async () => {
  api = await startApi('sqlite');
  // Listening before the first supertest call: supertest then uses this server as it is
  // instead of opening and closing it per request, and the browser can reach it.
  await api.app.listen(0, '127.0.0.1');
}, 60_000);
afterAll(() => api?.close());

describe('web pages over HTTP', () => {
  it('sets the session cookie httpOnly and SameSite=Lax, not Secure over plain http', async () => {
    const res = await api.http().get('/login').expect(200);
    const header = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('mt_session='),
    );
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/; Secure/);
    expect(res.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
    expect(res.text).toContain('<html lang="de">');
  });

  it('refuses a POST without or with a wrong CSRF token (403) and signs nobody in', async () => {
    const form = await api.http().get('/login').expect(200);
    const cookie = sessionCookie(form);
    const without = await api
      .http()
      .post('/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password })
      .expect(403);
    expect(without.headers['set-cookie']).toBeUndefined();
    await api
      .http()
      .post('/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password, _csrf: 'x'.repeat(43) })
      .expect(403);
    // A token of another session is as good as none.
    const other = await api.http().get('/login').expect(200);
    await api
      .http()
      .post('/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password, _csrf: csrfOf(other.text) })
      .expect(403);
  });

  it('signs in with a new session id, and refuses a status change without a token', async () => {
    const form = await api.http().get('/login').expect(200);
    const anonymous = sessionCookie(form);
    const signIn = await api
      .http()
      .post('/login')
      .set('Cookie', anonymous)
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password, _csrf: csrfOf(form.text) })
      .expect(303);
    expect(signIn.headers.location).toBe('/overview');
    const cookie = sessionCookie(signIn);
    expect(cookie).not.toBe(anonymous);
    const overview = await api.http().get('/overview').set('Cookie', cookie).expect(200);
    expect(overview.text).toContain('Übersicht');

    const obligation = await api.db.dataSource.getRepository(Obligation).findOneByOrFail({
      owner: 'HB',
    });
    const events = await api.db.dataSource.getRepository(ObligationEvent).count();
    await api
      .http()
      .post(`/obligations/${obligation.id}`)
      .set('Cookie', cookie)
      .type('form')
      .send({ status: 'in_progress', note: 'ohne Token' })
      .expect(403);
    expect(await api.db.dataSource.getRepository(ObligationEvent).count()).toBe(events);
    expect(
      (await api.db.dataSource.getRepository(Obligation).findOneByOrFail({ id: obligation.id }))
        .status,
    ).toBe(obligation.status);
  });

  it('sends signed-out visitors to the sign-in page and leaves the API to bearer tokens', async () => {
    const res = await api.http().get('/overview').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Foverview');
    await api.http().get('/api/web/overview').expect(404);
    await api.http().get('/api/mandates').expect(401);
    await api.http().get('/api/me').expect(401);
    const forged = 'mt_session=eyJzaWQiOiJ4IiwidWlkIjoxLCJleHAiOjk5OTk5OTk5OTl9.forged';
    const again = await api.http().get('/overview').set('Cookie', forged).expect(303);
    expect(again.headers.location).toMatch(/^\/login/);
  });
});

const SCREENSHOTS = join(ROOT, 'test', 'artifacts', 'screenshots');
const AXE_SOURCE = HAS_CHROMIUM ? readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') : '';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

// Registered only where the browser is: the warning at the top of the file says why it did not run.
if (HAS_CHROMIUM) {
  describe('web pages in chromium', () => {
    let browser: Browser;
    let base: string;
    const consoleErrors = new Map<Page, string[]>();

    beforeAll(async () => {
      const { port } = api.app.getHttpServer().address() as AddressInfo;
      base = `http://127.0.0.1:${port}`;
      mkdirSync(SCREENSHOTS, { recursive: true });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
      const context = await browser.newContext({ locale: 'de-DE', ...options });
      const page = await context.newPage();
      const errors: string[] = [];
      consoleErrors.set(page, errors);
      // A style or script the page's security policy blocks shows up here.
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return page;
    }

    async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
      await page.goto(`${base}/login`);
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Passwort').fill(password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
    }

    /** A screenshot of the page, and axe-core's verdict on it: no serious or critical violation. */
    async function check(page: Page, name: string, status = 200): Promise<void> {
      // The whole page, by making the viewport as tall as the page: Playwright's fullPage
      // screenshot left this Chromium ignoring the next click on a submit button.
      const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
      const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 12_000) });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await page.setViewportSize(viewport);
      await page.evaluate(AXE_SOURCE);
      const results = await page.evaluate<AxeResults>(
        "axe.run(document, { resultTypes: ['violations'] })",
      );
      const blocking = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help}: ${v.nodes
              .slice(0, 5)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
      // An error page's own status is logged by the browser; anything else is a fault.
      const faults = (consoleErrors.get(page) ?? []).filter(
        (e) => !(status >= 400 && e.includes(`status of ${status}`)),
      );
      consoleErrors.set(page, []);
      expect({ page: name, violations: blocking, console: faults }).toEqual({
        page: name,
        violations: [],
        console: [],
      });
    }

    it('a delegate of HB sees only HB, reports an obligation and finds it in the history', async () => {
      const { email } = await api.userWithRole('delegate', 'HB');
      const page = await newPage();
      await signIn(page, email);
      expect(new URL(page.url()).pathname).toBe('/me');

      const owners = await page.locator('[data-owner]').allTextContents();
      const hbObligations = await api.db.dataSource
        .getRepository(Obligation)
        .countBy({ owner: 'HB' });
      expect(owners.length).toBe(hbObligations);
      expect(new Set(owners)).toEqual(new Set(['HB']));
      await check(page, 'me');

      const id = Number(
        await page
          .locator('li.card', { has: page.locator('[data-status="open"]') })
          .first()
          .getAttribute('data-obligation'),
      );
      const card = page.locator(`li.card[data-obligation="${id}"]`);
      await card.getByText('Status ändern oder Notiz hinzufügen').click();
      await card.getByLabel('Neuer Status').selectOption('reported');
      await card.getByLabel('Notiz').fill('Feinkonzept an die Geschäftsstelle übermittelt.');
      await card.getByLabel('Nachweis als Link').fill('https://example.org/feinkonzept.pdf');
      await card.getByRole('button', { name: 'Speichern' }).click();
      // In place: the status region announces it and the card shows the new status.
      await page.locator('#status', { hasText: 'auf „berichtet“ gesetzt' }).waitFor();
      await card.locator('[data-status="reported"]').waitFor();
      expect(new URL(page.url()).pathname).toBe('/me');
      const stored = await api.db.dataSource.getRepository(Obligation).findOneByOrFail({ id });
      expect(stored.status).toBe('reported');

      await card.getByRole('link').first().click();
      await page.waitForURL(/\/mandates\/\d+$/);
      const history = page.locator('table', { hasText: 'Verlauf für HB' });
      await expect(
        history.locator('tr', { hasText: 'offen → berichtet' }).textContent(),
      ).resolves.toContain('Feinkonzept an die Geschäftsstelle übermittelt.');
      await expect(
        history.getByRole('link', { name: /Nachweis öffnen/ }).getAttribute('href'),
      ).resolves.toBe('https://example.org/feinkonzept.pdf');
      // Other owners' obligations stay out of sight.
      const rows = await page.locator('[data-obligation] th[scope="row"]').allTextContents();
      expect(new Set(rows)).toEqual(new Set(['HB']));
      await expect(page.locator('mark').first().textContent()).resolves.toBeTruthy();
      await check(page, 'mandate');

      // Without JavaScript the same form posts and the page comes back with the notice.
      const plain = await newPage({ javaScriptEnabled: false });
      await signIn(plain, email);
      const otherId = Number(
        await plain
          .locator('li.card', { has: plain.locator('[data-status="open"]') })
          .first()
          .getAttribute('data-obligation'),
      );
      const other = plain.locator(`li.card[data-obligation="${otherId}"]`);
      await other.getByText('Status ändern oder Notiz hinzufügen').click();
      await other.getByLabel('Neuer Status').selectOption('in_progress');
      await other.getByLabel('Notiz').fill('In Abstimmung mit Bayern.');
      await other.getByRole('button', { name: 'Speichern' }).click();
      await plain.waitForURL(new RegExp(`/me\\?changed=${otherId}&kind=status$`));
      await expect(plain.locator('#status').textContent()).resolves.toContain(
        'auf „in Bearbeitung“ gesetzt',
      );
      expect(
        (await api.db.dataSource.getRepository(Obligation).findOneByOrFail({ id: otherId })).status,
      ).toBe('in_progress');
    }, 120_000);

    it('the secretariat imports a protocol, corrects an owner and a deadline in review, and finds the mandates in the overview', async () => {
      const next = new Date().getUTCFullYear() + 1;
      const admin = await api.bearer(ADMIN.email, ADMIN.password);
      await api
        .http()
        .post('/api/meetings')
        .set('Authorization', admin)
        .send({ number: 49, date: `${next}-03-17`, place: 'Berlin' })
        .expect(201);

      const page = await newPage();
      await signIn(page, ADMIN.email, ADMIN.password);
      expect(new URL(page.url()).pathname).toBe('/overview');
      await page.goto(`${base}/import`);
      await check(page, 'import');
      await page
        .getByLabel('Datei')
        .setInputFiles(
          join(ROOT, 'test', 'fixtures', 'extraction', '01-protocol-az-header-basic.txt'),
        );
      await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
      await page.waitForURL(/\/import\/\d+$/);

      const point2 = page.locator('fieldset', { hasText: 'Beschluss 2021/07, Ziffer 2' });
      await expect(point2.getByLabel(/Zuständig/).inputValue()).resolves.toBe('FITKO');
      await point2.getByLabel(/Zuständig/).fill('FITKO, HB');
      const point3 = page.locator('fieldset', { hasText: 'Beschluss 2021/07, Ziffer 3' });
      await point3.getByLabel('Frist').selectOption('meeting');
      await point3.getByLabel('Sitzung').fill('49');
      // The source line is shown next to the form, its sentence marked.
      await expect(page.locator('#src-L9 mark').count()).resolves.toBe(2);
      await check(page, 'import-review');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Übernehmen' }).click();
      await page.getByRole('heading', { name: 'Import übernommen' }).waitFor();
      await expect(page.locator('.notice').first().textContent()).resolves.toContain(
        'neu angelegt',
      );
      const corrections = await page.locator('#corrections li').allTextContents();
      expect(corrections).toHaveLength(2);
      expect(corrections.join('\n')).toContain('Zuständig FITKO → FITKO, HB');
      expect(corrections.join('\n')).not.toContain('nicht gespeichert');
      await check(page, 'import-report');

      await page.getByRole('link', { name: 'Zur Übersicht' }).click();
      await page.getByLabel('Mitglied', { exact: true }).selectOption('HB');
      await page.getByLabel('Text', { exact: true }).fill('FIM-Bausteine');
      await page.getByRole('button', { name: 'Filtern' }).click();
      await page.waitForURL(/owner=HB/);
      const found = await page.locator('#mandates tbody th').allTextContents();
      expect(found).toEqual(expect.arrayContaining(['2021/07, Ziffer 2', '2021/07, Ziffer 3']));
      // The corrected deadline puts point 3 before the next session.
      const dueNext = await page.locator('#due-next tbody th').allTextContents();
      expect(dueNext).toContain('2021/07, Ziffer 3');
    }, 120_000);

    it('the secretariat reviews a real text: readings to check come first, and a new owner is added to the registry', async () => {
      const page = await newPage();
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.goto(`${base}/import`);
      await page
        .getByLabel('Datei')
        .setInputFiles(join(ROOT, 'test', 'fixtures', 'real', 'itplr-24.txt'));
      await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
      await page.waitForURL(/\/import\/\d+$/);

      // Every mandate to check stands before every certain one.
      const flags = await page
        .locator('fieldset.mandate')
        .evaluateAll((sets) => sets.map((f) => f.classList.contains('flagged')));
      expect(flags.length).toBe(7);
      expect(flags.indexOf(false)).toBeGreaterThan(0);
      expect(flags.slice(flags.indexOf(false))).not.toContain(true);
      await expect(page.locator('[data-check]').first().textContent()).resolves.toContain(
        'neue Stelle',
      );
      await check(page, 'import-review-new-owners');

      const form = page.locator('.new-owners fieldset', { hasText: 'AK CeBIT' });
      await form.getByLabel('Kürzel').fill('AK MeVa');
      await form.getByLabel(/Gehört zu/).selectOption('HE');
      await form.getByRole('button', { name: 'Ins Verzeichnis aufnehmen' }).click();
      await page.locator('#review-notice').waitFor();
      await expect(page.locator('#review-notice').textContent()).resolves.toContain(
        '„AK CeBIT“ steht jetzt als AK MeVa im Verzeichnis (gehört zu HE)',
      );
      // The review now reads the owner by its code, and it is no longer listed as new.
      await expect(
        page.locator('.new-owners fieldset', { hasText: 'AK CeBIT' }).count(),
      ).resolves.toBe(0);
      const owners = await page
        .locator('fieldset.mandate', { hasText: 'Beschluss 2017/48, Ziffer 2' })
        .getByLabel(/Zuständig/)
        .inputValue();
      expect(owners).toBe('AK MeVa');
    }, 120_000);

    it('a delegate changes the password on the settings page; another browser is signed out', async () => {
      const { email } = await api.userWithRole('delegate', 'HB');
      const other = await newPage();
      await signIn(other, email);
      const page = await newPage();
      await signIn(page, email);
      await page.goto(`${base}/settings`);
      await page.getByLabel('Jetziges Passwort').fill('not-my-password');
      await page.getByLabel('Neues Passwort (mindestens 12 Zeichen)').fill('a-new-long-password');
      await page.getByLabel('Neues Passwort wiederholen').fill('a-new-long-password');
      await page.getByRole('button', { name: 'Passwort ändern' }).click();
      await page
        .locator('#password-error', { hasText: 'Das jetzige Passwort stimmt nicht.' })
        .waitFor();
      await check(page, 'settings-password-refused', 422);

      await page.getByLabel('Jetziges Passwort').fill(PASSWORD);
      await page.getByLabel('Neues Passwort (mindestens 12 Zeichen)').fill('a-new-long-password');
      await page.getByLabel('Neues Passwort wiederholen').fill('a-new-long-password');
      await page.getByRole('button', { name: 'Passwort ändern' }).click();
      await page.locator('#status', { hasText: 'Ihr Passwort ist geändert' }).waitFor();
      // This browser stays signed in; the other one is sent to the sign-in page.
      await page.goto(`${base}/me`);
      expect(new URL(page.url()).pathname).toBe('/me');
      await other.goto(`${base}/me`);
      await other.waitForURL(/\/login\?next=%2Fme$/);
      await signIn(other, email, 'a-new-long-password');
      expect(new URL(other.url()).pathname).not.toBe('/login');
    }, 60_000);

    it('the secretariat confirms a report-back on the page of links, and the earlier mandate shows its chain', async () => {
      const ingest = api.app.get(IngestService);
      const real = (name: string) =>
        readFileSync(join(ROOT, 'test', 'fixtures', 'real', name), 'utf8');
      await ingest.ingestText(real('itplr-23.txt'), 'itplr-23.txt');
      await ingest.ingestText(real('itplr-24.txt'), 'itplr-24.txt');
      const page = await newPage();
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('link', { name: 'Rückmeldungen' }).click();
      await page.goto(`${base}/links?meeting=24`);
      const card = page.locator('article.link-card', { hasText: 'Beschluss 2017/37 → 2017/23' });
      await card
        .getByText('Finanzierungskonzept für den Betrieb der Standards XBau')
        .first()
        .waitFor();
      await check(page, 'links');
      await card.getByRole('button', { name: 'Bestätigen und anwenden' }).click();
      await page
        .locator('#status', { hasText: 'bestätigt und auf die Aufträge angewendet' })
        .waitFor();
      // Decided: no longer among the proposals.
      expect(
        await page.locator('article.link-card', { hasText: '2017/37 → 2017/23' }).count(),
      ).toBe(0);

      await page.goto(`${base}/links?meeting=24&state=confirmed`);
      await page
        .locator('article.link-card', { hasText: '2017/37 → 2017/23' })
        .getByRole('link', { name: /Nr\. 1, HH/ })
        .click();
      await page.locator('#chain', { hasText: 'Beschluss 2017/37' }).waitFor();
      expect(await page.locator('#chain').textContent()).toContain(
        'bestätigt von admin@fitko.test',
      );
      await check(page, 'mandate-chain');
    }, 60_000);

    it('every other page passes axe without serious or critical violations', async () => {
      const anonymous = await newPage();
      await anonymous.goto(`${base}/login`);
      await check(anonymous, 'login');

      const page = await newPage();
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.goto(`${base}/overview`);
      await check(page, 'overview');
      await page.goto(`${base}/sessions`);
      await check(page, 'sessions');
      await page.goto(`${base}/sessions/32`);
      await check(page, 'session');
      await page.goto(`${base}/documents/1?line=93#L93`);
      await check(page, 'document');
      await page.goto(`${base}/reports`);
      await check(page, 'reports');
      await page.goto(`${base}/reports/member?member=HB&format=html`);
      await check(page, 'report-member');
      await page.goto(`${base}/reports/session?session=49&format=html`);
      await check(page, 'report-session');
      await page.goto(`${base}/settings`);
      await page.getByLabel('täglich (werktags)').check();
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.locator('#status', { hasText: 'Gespeichert' }).waitFor();
      await check(page, 'settings');
      await page.goto(`${base}/mandates/999999`);
      await check(page, 'not-found', 404);
      await page.goto(`${base}/logout`);
      await check(page, 'logout');
      await page.getByRole('button', { name: 'Jetzt abmelden' }).click();
      await page.waitForURL(/\/login\?signedOut=1$/);
      await page.goto(`${base}/overview`);
      await page.waitForURL(/\/login\?next=%2Foverview$/);
    }, 120_000);
  });
}
