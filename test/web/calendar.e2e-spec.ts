import { IngestService } from '@app/ingest';
import { Mandate, Meeting } from '@app/persistence';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from '../support/api-app';
import {
  HAS_CHROMIUM,
  openBrowser,
  warnWithoutChromium,
  type BrowserKit,
} from '../support/browser';
import { csrfIn, signIn } from '../support/web-agent';

warnWithoutChromium('calendar');

/** A decision of the 34th session with a deadline at the 50th (in the seed, its date open). */
const DEADLINE_50 = [
  'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/95',
  'Bericht zur Registermodernisierung',
  '1. Der IT-Planungsrat bittet die FITKO, bis zur 50. Sitzung einen Bericht zur Registermodernisierung vorzulegen.',
].join('\n');

const year = new Date().getUTCFullYear() + 1;

let api: ApiFixture;

beforeAll(async () => {
  api = await startApi('sqlite');
  await api.app.listen(0, '127.0.0.1');
  await api.app.get(IngestService).ingestText(DEADLINE_50, 'frist-50.txt');
}, 60_000);
afterAll(() => api?.close());

const meeting = (number: number) =>
  api.db.dataSource.getRepository(Meeting).findOneByOrFail({ number });

describe('the calendar page over HTTP', () => {
  async function staff() {
    const agent = await signIn(api, ADMIN.email, ADMIN.password);
    return { agent, csrf: csrfIn((await agent.get('/sessions/calendar').expect(200)).text) };
  }

  it('is the secretariat’s: a delegate is refused', async () => {
    const { email } = await api.userWithRole('delegate', 'HB');
    const agent = await signIn(api, email, PASSWORD);
    await agent.get('/sessions/calendar').expect(403);
  });

  it('refuses a form without its token, a wrong date naming the field, and a cancel without a later session, changing nothing', async () => {
    const { agent, csrf } = await staff();
    const m49 = await meeting(49);
    await agent
      .post(`/sessions/calendar/${m49.id}/move`)
      .type('form')
      .send({ date: `${year}-02-10` })
      .expect(403);
    const wrong = await agent
      .post(`/sessions/calendar/${m49.id}/move`)
      .type('form')
      .send({ date: '31.02.2027', _csrf: csrf })
      .expect(422);
    expect(wrong.text).toContain('Das Feld „Neues Datum“ enthält kein gültiges Datum');
    const noNumber = await agent
      .post('/sessions/calendar/sessions')
      .type('form')
      .send({ number: 'neunundvierzig', _csrf: csrf })
      .expect(422);
    expect(noNumber.text).toContain('Das Feld „Nummer der Sitzung“');
    const last = await meeting(50);
    const refused = await agent
      .post(`/sessions/calendar/${last.id}/cancel`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(409);
    expect(refused.text).toContain(
      'Die 50. Sitzung kann erst abgesagt werden, wenn eine spätere Sitzung im Kalender steht',
    );
    expect(await meeting(49)).toMatchObject({ date: null, state: 'planned' });
    expect(await meeting(50)).toMatchObject({ date: null, state: 'planned' });
  });
});

// Registered only where the browser is: the warning at the top of the file says why it did not run.
if (HAS_CHROMIUM) {
  describe('the calendar page in chromium', () => {
    let kit: BrowserKit;

    beforeAll(async () => {
      kit = await openBrowser(api.app);
    }, 60_000);
    // Closing the browser with its pages can take a while on a loaded machine.
    afterAll(async () => {
      await kit?.close();
    }, 60_000);

    it('the secretariat adds, moves and cancels a session and adds a special session', async () => {
      const page = await kit.newPage();
      await kit.signIn(page, ADMIN.email, ADMIN.password);
      // The 50th session has no date yet: the overview says the calendar needs it.
      await page.goto(`${kit.base}/overview`);
      await expect(page.locator('#calendar-warning').textContent()).resolves.toContain(
        '50. Sitzung (Termin offen): 1 Auftrag',
      );
      await kit.check(page, 'overview-calendar-warning');
      await page.getByRole('link', { name: 'im Sitzungskalender' }).click();
      await page.waitForURL(/\/sessions\/calendar$/);
      await page.goto(`${kit.base}/sessions`);
      await page.getByRole('link', { name: 'Sitzungskalender bearbeiten' }).click();
      await page.waitForURL(/\/sessions\/calendar$/);
      await kit.check(page, 'calendar');
      const row = (name: string) =>
        page.locator('#calendar tr', {
          has: page.getByRole('link', { name, exact: true }),
        });
      await expect(row('49. Sitzung').textContent()).resolves.toContain('Termin offen');

      // Add the 51st session: the form proposes the next number.
      await expect(page.getByLabel('Nummer der Sitzung').inputValue()).resolves.toBe('51');
      await page.locator('#add-date').fill(`${year}-11-18`);
      await page.locator('#add-place').fill('Bremen');
      await page.getByRole('button', { name: 'Sitzung hinzufügen', exact: true }).click();
      await page
        .locator('#status', { hasText: '51. Sitzung ist in den Kalender eingetragen' })
        .waitFor();
      await expect(row('51. Sitzung').textContent()).resolves.toContain(`18.11.${year}`);

      // Move the 49th from "Termin offen" to a date.
      await page.getByLabel('Neues Datum für 49. Sitzung').fill(`${year}-03-25`);
      await row('49. Sitzung').getByRole('button', { name: 'Verschieben' }).click();
      await page.locator('#status', { hasText: '49. Sitzung ist verschoben' }).waitFor();
      await expect(row('49. Sitzung').textContent()).resolves.toContain(`25.03.${year}`);
      expect(await meeting(49)).toMatchObject({ date: `${year}-03-25` });

      // Cancel the 50th: its deadline goes to the 51st.
      await page.getByRole('button', { name: '50. Sitzung absagen' }).click();
      await page
        .locator('#status', {
          hasText: '50. Sitzung ist abgesagt; ein Auftrag ist jetzt zur nächsten Sitzung fällig',
        })
        .waitFor();
      await expect(row('50. Sitzung').textContent()).resolves.toContain('abgesagt');
      const mandate = await api.db.dataSource
        .getRepository(Mandate)
        .findOneByOrFail({ dueText: 'verschoben von der 50. Sitzung' });
      expect(mandate.dueMeeting).toBe(51);
      await page.goto(`${kit.base}/mandates/${mandate.id}`);
      await expect(page.locator('main').textContent()).resolves.toContain(
        `51. Sitzung (18.11.${year})`,
      );

      // A special session: no number, named by its date, with a page of its own.
      await page.goto(`${kit.base}/sessions/calendar`);
      await page.locator('#special-date').fill(`${year}-09-18`);
      await page.locator('#special-place').fill('Videokonferenz');
      await page.getByRole('button', { name: 'Sondersitzung hinzufügen' }).click();
      const name = `Sondersitzung am 18.09.${year}`;
      await page
        .locator('#status', { hasText: `${name} ist in den Kalender eingetragen` })
        .waitFor();
      await kit.check(page, 'calendar-changed');
      await row(name).getByRole('link', { name }).click();
      await page.waitForURL(/\/sessions\/s\/\d+$/);
      await expect(page.locator('h1').textContent()).resolves.toBe(name);
      await kit.check(page, 'session-special');

      await page.goto(`${kit.base}/sessions`);
      await expect(page.locator('#sessions').textContent()).resolves.toContain(name);
      await kit.check(page, 'sessions-calendar');
    }, 120_000);
  });
}
