import { ADMIN, PASSWORD, startApi, type ApiFixture } from './support/api-app';
import { signIn, submitForm } from './support/web-agent';
import { DATABASES } from './support/test-database';

jest.setTimeout(60_000);

const PUBLIC_URL = 'https://tracker.example.de';

/** The second column (owner) of each data row of an obligations CSV. */
const owners = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(';')[1]);

describe.each(DATABASES)(
  'CSV exports and the calendar feed linked from the pages, on %s',
  (kind) => {
    let api: ApiFixture;
    beforeAll(async () => {
      api = await startApi(kind, { PUBLIC_URL });
    }, 60_000);
    afterAll(() => api?.close());

    it("links the overview's CSV files with its filters, and they hold what the filters say", async () => {
      const admin = await signIn(api, ADMIN.email, ADMIN.password);
      const overview = await admin.get('/overview?owner=HB&status=open').expect(200);
      expect(overview.text).toContain('href="/exports/obligations.csv?owner=HB&amp;status=open"');
      expect(overview.text).toContain('href="/exports/mandates.csv?owner=HB&amp;status=open"');
      const csv = await admin.get('/exports/obligations.csv?owner=HB&status=open').expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="pflichten-HB-/);
      expect(owners(csv.text).length).toBe(8);
      expect(new Set(owners(csv.text))).toEqual(new Set(['HB']));
      const all = await admin.get('/exports/obligations.csv').expect(200);
      expect(new Set(owners(all.text)).size).toBeGreaterThan(1);
      await admin.get('/exports/secrets.csv').expect(404);
    });

    it("gives a delegate its member's CSV from Meine Aufträge, and nothing of others", async () => {
      const { email } = await api.userWithRole('delegate', 'HB');
      const delegate = await signIn(api, email, PASSWORD);
      const mine = await delegate.get('/me').expect(200);
      expect(mine.text).toContain('href="/exports/obligations.csv?owner=HB"');
      const csv = await delegate.get('/exports/obligations.csv?owner=NW').expect(200);
      expect(new Set(owners(csv.text))).toEqual(new Set(['HB']));
    });

    it('makes a calendar address on Einstellungen from PUBLIC_URL, which works until revoked', async () => {
      const { email } = await api.userWithRole('delegate', 'HB');
      const delegate = await signIn(api, email, PASSWORD);
      const settings = await delegate.get('/settings').expect(200);
      const made = await submitForm(delegate, '/settings/calendar', settings.text, {}).expect(200);
      const url = /class="feed-url" href="([^"]+)"/.exec(made.text)?.[1] ?? '';
      expect(url).toMatch(
        /^https:\/\/tracker\.example\.de\/api\/members\/HB\/calendar\.ics\?token=mt_[\w-]+$/,
      );
      const feed = await api.http().get(url.slice(PUBLIC_URL.length)).expect(200);
      expect(feed.text).toContain('BEGIN:VCALENDAR');
      const id = /action="\/settings\/calendar\/(\d+)\/revoke"/.exec(made.text)?.[1];
      await submitForm(delegate, `/settings/calendar/${id}/revoke`, made.text, {}).expect(303);
      await api.http().get(url.slice(PUBLIC_URL.length)).expect(401);
      const after = await delegate.get('/settings').expect(200);
      expect(after.text).toContain('Sie haben noch keine Kalender-Adresse.');
    });

    it('filters Meine Aufträge by status and deadline; an unknown value is a 400 naming it', async () => {
      const { email } = await api.userWithRole('delegate', 'HB');
      const delegate = await signIn(api, email, PASSWORD);
      const all = await delegate.get('/me').expect(200);
      const cards = (page: string) => page.match(/data-owner>HB</g)?.length ?? 0;
      expect(cards(all.text)).toBe(8);
      const sessions = [...all.text.matchAll(/<option value="(\d+)"\s*>\s*zur \d+\. Sitzung/g)].map(
        (m) => Number(m[1]),
      );
      expect(sessions.length).toBeGreaterThan(0);
      const atFirst = await delegate.get(`/me?due=${sessions[0]}`).expect(200);
      expect(cards(atFirst.text)).toBeGreaterThan(0);
      expect(cards(atFirst.text)).toBeLessThan(8);
      expect(atFirst.text).toMatch(/\d+ von 8 Pflichten für diese Filter/);
      const done = await delegate.get('/me?status=done').expect(200);
      expect(cards(done.text)).toBe(0);
      expect(done.text).toContain('href="/exports/mandates.csv?owner=HB&amp;status=done"');
      const open = await delegate.get('/me?status=open').expect(200);
      expect(cards(open.text)).toBe(8);
      const bad = await delegate.get('/me?status=erledigt').expect(400);
      expect(bad.text).toContain('„erledigt“ ist kein Status.');
      await delegate.get('/me?due=bald').expect(400);
    });
  },
);
