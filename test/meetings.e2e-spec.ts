import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, apiForSuite, PASSWORD } from './support/api-app';
import { ROOT } from './support/seed-data';
import { DATABASES } from './support/test-database';
import { signIn, type Agent } from './support/web-agent';

/** "0. Sitzung" as a name of its own (not the end of "10. Sitzung"). */
const SESSION_ZERO = /(?<!\d)0\. Sitzung/;

const SPECIAL = 'itplr-sondersitzung-2020-09-18.txt';

/** A text that states no session of its own; its deadline names the 51st, not in the calendar. */
const DEADLINE_51 = [
  'Der IT-Planungsrat hat am 17. März 2021 beschlossen:',
  'Die FITKO wird gebeten, bis zur 51. Sitzung des IT-Planungsrats einen Bericht zur Registermodernisierung vorzulegen.',
].join('\n');

interface MeetingRow {
  id: number;
  kind: string;
  number: number | null;
  name: string;
  state: string;
}

describe.each(DATABASES)('meetings without a number and the calendar on %s', (kind) => {
  const api = apiForSuite(kind);
  let staff: Agent;
  let delegate: Agent;

  const upload = (text: string, file: string, meeting?: number) =>
    api
      .asAdmin()
      .post(`/api/imports${meeting ? `?meeting=${meeting}` : ''}`)
      .attach('file', Buffer.from(text), file);

  const meetings = async (): Promise<MeetingRow[]> =>
    (await api.asAdmin().get('/api/meetings').expect(200)).body;

  beforeAll(async () => {
    staff = await signIn(api, ADMIN.email, ADMIN.password);
    const { email } = await api.userWithRole('delegate', 'HB');
    delegate = await signIn(api, email, PASSWORD);
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'real', SPECIAL), 'utf8');
    const preview = await upload(text, SPECIAL).expect(201);
    await api.asAdmin().post(`/api/imports/${preview.body.id}/commit`).expect(200);
  }, 120_000);

  it('stores a special session as its own meeting with kind, date and German name', async () => {
    const special = (await meetings()).filter((m) => m.kind === 'special');
    expect(special).toEqual([
      expect.objectContaining({
        number: null,
        name: 'Sondersitzung am 18.09.2020',
        state: 'held',
      }),
    ]);
  });

  it('lists its mandates in the overview for the secretariat and a delegate, with the filter form as sent', async () => {
    // The filter form sends every field, empty ones too: an empty session is no session.
    const sent = '/overview?owner=&status=&dueMeeting=&decidedIn=&q=&sort=-meeting';
    for (const agent of [staff, delegate]) {
      for (const path of ['/overview', sent]) {
        const page = await agent.get(path).expect(200);
        expect(page.text).not.toContain('Keine Aufträge für diese Filter.');
        expect(page.text).toContain('2020-09-18#1, Ziffer 4');
      }
    }
    const [special] = (await meetings()).filter((m) => m.kind === 'special');
    const decided = await delegate.get(`/overview?decidedIn=${special.id}`).expect(200);
    expect(decided.text).toMatch(new RegExp(`<option value="${special.id}"\\s+selected>`));
    expect(decided.text).toMatch(/2 Aufträge, hier 1 bis 2\./);
  });

  it('gives the special session a page of its own, named in German, and no page says "0. Sitzung"', async () => {
    const [special] = (await meetings()).filter((m) => m.kind === 'special');
    const list = await staff.get('/sessions').expect(200);
    expect(list.text).toContain(
      `<a href="/sessions/s/${special.id}">Sondersitzung am 18.09.2020</a>`,
    );
    const page = await delegate.get(`/sessions/s/${special.id}`).expect(200);
    expect(page.text).toContain('<h1>Sondersitzung am 18.09.2020</h1>');
    expect(page.text).toContain('2020-09-18#1, Ziffer 5');
    expect(page.text).toContain('stattgefunden');
    await staff.get('/sessions/0').expect(404);

    const mandates = await api.asAdmin().get(`/api/mandates?meetingId=${special.id}`).expect(200);
    expect(mandates.body.items).toHaveLength(2);
    const detail = await staff.get(`/mandates/${mandates.body.items[0].id}`).expect(200);
    expect(detail.text).toMatch(
      new RegExp(`<a href="/sessions/s/${special.id}"\\s*>Sondersitzung am 18\\.09\\.2020</a`),
    );

    const answers = [
      (await staff.get('/overview').expect(200)).text,
      (await delegate.get('/overview').expect(200)).text,
      list.text,
      page.text,
      detail.text,
      (await staff.get('/reports').expect(200)).text,
      (await staff.get('/sessions/calendar').expect(200)).text,
      JSON.stringify(await meetings()),
      JSON.stringify(mandates.body),
      JSON.stringify(
        (await api.asAdmin().get(`/api/meetings/by-id/${special.id}`).expect(200)).body,
      ),
    ];
    for (const answer of answers) expect(answer).not.toMatch(SESSION_ZERO);
  });

  it('reads past sessions as held by their date and a seeded session ahead as "Termin offen"', async () => {
    const list = await staff.get('/sessions').expect(200);
    const table = list.text.slice(list.text.indexOf('<table id="sessions">'));
    const row = (name: string) => new RegExp(`>${name}</a>[\\s\\S]*?</tr>`).exec(table)?.[0] ?? '';
    expect(row('48\\. Sitzung')).toContain('stattgefunden');
    expect(row('32\\. Sitzung')).toContain('stattgefunden');
    expect(row('49\\. Sitzung')).toContain('geplant, Termin offen');
    expect(list.text).not.toContain('abgehalten');
    // A fresh install has a next session: the first one ahead, while its date is open.
    const overview = await staff.get('/overview').expect(200);
    expect(overview.text).toMatch(
      /<a href="\/sessions\/49"\s*>49\. Sitzung<\/a\s*>\s*\(Termin offen\)/,
    );
  });

  it('creates no session from a deadline phrase; the deadline shows "(Termin offen)" and the overview warns', async () => {
    const refused = await upload(DEADLINE_51, 'frist-51.txt');
    if (refused.status === 201) {
      // Nothing is stored by a preview; committing it must refuse for want of a session.
      await api.asAdmin().post(`/api/imports/${refused.body.id}/commit`).expect(400);
    } else {
      expect(refused.status).toBe(400);
    }
    expect((await meetings()).some((m) => m.number === 51)).toBe(false);

    const preview = await upload(DEADLINE_51, 'frist-51.txt', 34).expect(201);
    await api.asAdmin().post(`/api/imports/${preview.body.id}/commit`).expect(200);
    expect((await meetings()).some((m) => m.number === 51)).toBe(false);

    const due = await api.asAdmin().get('/api/mandates?dueMeeting=51').expect(200);
    expect(due.body.items).toHaveLength(1);
    const detail = await staff.get(`/mandates/${due.body.items[0].id}`).expect(200);
    expect(detail.text).toContain('51. Sitzung (Termin offen)');

    const overview = await staff.get('/overview').expect(200);
    const warning =
      /<div class="notice notice-warn" role="note" id="calendar-warning">[\s\S]*?<\/div>/.exec(
        overview.text,
      )?.[0];
    expect(warning).toContain('Der Sitzungskalender braucht Termine');
    expect(warning).toContain('51. Sitzung (Termin offen): 1 Auftrag');
    // The FITKO's mandate is none of Bremen's: its delegate is not warned about it.
    expect((await delegate.get('/overview').expect(200)).text).not.toContain('calendar-warning');

    // Once the calendar has the session with a date, the deadline has it and the warning goes.
    await api.asAdmin().post('/api/meetings').send({ number: 51, date: '2031-03-19' }).expect(201);
    const dated = await staff.get(`/mandates/${due.body.items[0].id}`).expect(200);
    expect(dated.text).toContain('51. Sitzung (19.03.2031)');
    expect((await staff.get('/overview').expect(200)).text).not.toContain('calendar-warning');
  });

  it('adds a special session through the API and refuses a second one on the same day in German', async () => {
    const added = await api
      .asAdmin()
      .post('/api/meetings/special')
      .send({ date: '2031-05-06', place: 'Berlin' })
      .expect(201);
    expect(added.body).toMatchObject({
      kind: 'special',
      number: null,
      name: 'Sondersitzung am 06.05.2031',
    });
    const again = await api
      .asAdmin()
      .post('/api/meetings/special')
      .send({ date: '2031-05-06' })
      .expect(409);
    expect(again.body.message).toBe('Eine Sondersitzung am 06.05.2031 steht schon im Kalender.');
    await api.asAdmin().post('/api/meetings/special').send({ date: '6.5.2031' }).expect(400);
  });
});
