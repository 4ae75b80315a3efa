import { DigestService, FollowUpDataRepository } from '@app/jobs';
import { overdueSince } from '@app/follow-up';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from './support/api-app';
import { DATABASES } from './support/test-database';
import { signIn, type Agent } from './support/web-agent';

/** Rows of the house CSV (BOM, ";", quoted fields with doubled quotes and line breaks). */
function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    rows[rows.length - 1].push(field);
    field = '';
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ';') endField();
    else if (ch === '\n') {
      endField();
      rows.push([]);
    } else if (ch !== '\r') field += ch;
  }
  const [headers, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
}

// A decision of the 34th session asking Bremen for something due at the 35th (2021-06-23) and by
// a date: both long past, so overdue the moment they are stored.
const DECISION = [
  'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/99',
  '',
  'Berichte zur Registermodernisierung',
  '',
  '1. Der IT-Planungsrat bittet Bremen, ihm bis zur 35. Sitzung einen Bericht zur Registermodernisierung vorzulegen.',
  '2. Der IT-Planungsrat bittet Bremen und Hamburg, bis zum 30.09.2021 ein Konzept vorzulegen.',
  '',
].join('\n');

/**
 * One definition of overdue: after each writer (the first start's ingest, an import, a status
 * change, a calendar change) every place that shows what Bremen has overdue shows the same
 * number, and it is the number the rule of @app/follow-up gives for today. No scan runs in
 * between.
 */
describe.each(DATABASES)('one overdue count everywhere, on %s', (kind) => {
  let api: ApiFixture;
  let admin: Agent;
  let delegate: Agent;
  let bearer: string;
  let calendarToken: string;

  beforeAll(async () => {
    api = await startApi(kind);
    const user = await api.userWithRole('delegate', 'HB');
    bearer = user.auth;
    delegate = await signIn(api, user.email, PASSWORD);
    admin = await signIn(api, ADMIN.email, ADMIN.password);
    const token = await api
      .http()
      .post('/api/me/tokens')
      .set('Authorization', bearer)
      .send({ name: 'Kalender', kind: 'calendar' })
      .expect(201);
    calendarToken = token.body.token as string;
  }, 120_000);
  afterAll(() => api?.close());

  /** What the rule says today, from the stored facts without the stored flag. */
  async function byRule(): Promise<number> {
    const data = api.app.get(FollowUpDataRepository);
    const sessions = await data.sessions();
    const now = new Date();
    return (await data.obligations({ owner: 'HB' })).filter(
      ({ overdueSince: _stored, ...facts }) => overdueSince(facts, sessions, now) !== null,
    ).length;
  }

  async function counts(): Promise<Record<string, number>> {
    const auth = { Authorization: bearer };
    const overview = (await admin.get('/overview').expect(200)).text;
    const row = /<a href="\/overview\?owner=HB">HB<\/a>[\s\S]*?<\/tr>/.exec(overview)?.[0] ?? '';
    const cells = [...row.matchAll(/<td class="number">(?:<span class="overdue">)?(\d+)/g)];

    const me = (await delegate.get('/me').expect(200)).text;

    const list = await api.http().get('/api/mandates?owner=HB&pageSize=500').set(auth).expect(200);
    const items = list.body.items as Array<{
      id: number;
      due: { kind: string };
      owners: Array<{ owner: string; overdueSince: string | null; obligationId: number }>;
    }>;
    const apiOverdue = items.flatMap((m) =>
      m.owners.filter((o) => o.owner === 'HB' && o.overdueSince !== null),
    );
    const filtered = await api
      .http()
      .get('/api/mandates?owner=HB&overdue=true&includeTotal=true')
      .set(auth)
      .expect(200);

    let mandatePages = 0;
    for (const m of items) {
      const page = (await admin.get(`/mandates/${m.id}`).expect(200)).text;
      const hb = /<tr data-obligation="\d+">\s*<th scope="row">HB<\/th>[\s\S]*?<\/tr>/.exec(page);
      if (hb?.[0].includes('class="overdue">seit')) mandatePages++;
    }

    const csv = parseCsv(
      (await api.http().get('/api/exports/obligations.csv?owner=HB').set(auth).expect(200)).text,
    );
    const report = parseCsv(
      (await api.http().get('/api/members/HB/report?format=csv').set(auth).expect(200)).text,
    );

    // Session preparation lists what is due at one session: every overdue obligation with a
    // session deadline or a recurring duty appears in some session's preparation.
    const meetings = (await api.http().get('/api/meetings').set(auth).expect(200)).body as Array<{
      number: number | null;
    }>;
    const prepared = new Set<string>();
    for (const { number } of meetings) {
      if (number === null) continue;
      const rows = parseCsv(
        (
          await api
            .http()
            .get(`/api/meetings/${number}/preparation?format=csv`)
            .set('Authorization', `Bearer ${await adminToken(api)}`)
            .expect(200)
        ).text,
      );
      for (const r of rows)
        if (r['Zuständig'] === 'HB' && r['Überfällig seit']) prepared.add(r['Link']);
    }
    const dueAtSessions = new Set(
      items
        .filter((m) => m.due.kind === 'meeting' || m.due.kind === 'recurring')
        .filter((m) => m.owners.some((o) => o.owner === 'HB' && o.overdueSince !== null))
        .map((m) => m.id),
    );

    const digest = await api.app.get(DigestService).run({
      frequency: 'weekly',
      now: new Date(),
      baseUrl: 'http://127.0.0.1',
      member: 'HB',
      dryRun: true,
    });
    const ics = (
      await api.http().get(`/api/members/HB/calendar.ics?token=${calendarToken}`).expect(200)
    ).text;

    return {
      rule: await byRule(),
      overview: Number(cells[3]?.[1]),
      me: (me.match(/class="card is-overdue"/g) ?? []).length,
      apiList: apiOverdue.length,
      apiFilterTotal: filtered.body.total as number,
      mandatePages,
      csv: csv.filter((r) => r['Überfällig seit'] !== '').length,
      memberReport: report.filter((r) => r['Abschnitt'] === 'Überfällig').length,
      digest: digest.dryRun?.[0]?.digest.counts.overdue ?? 0,
      calendar: (ics.match(/^SUMMARY:Überfällig: /gm) ?? []).length,
      // Not a count of all: the mandates with a session deadline or a recurring duty.
      preparationMandates: prepared.size - dueAtSessions.size,
    };
  }

  function expectAllEqual(found: Record<string, number>): number {
    const { preparationMandates, ...rest } = found;
    expect(preparationMandates).toBe(0);
    expect(rest).toEqual(Object.fromEntries(Object.keys(rest).map((k) => [k, found.rule])));
    return found.rule;
  }

  it('agrees after the first start, an import, a status change, a calendar change and a corrected deadline', async () => {
    // The first start ingested the 32nd session's protocol (2020): its deadlines are long past.
    const afterStart = expectAllEqual(await counts());
    expect(afterStart).toBeGreaterThan(0);

    const upload = await api
      .http()
      .post('/api/imports')
      .set('Authorization', `Bearer ${await adminToken(api)}`)
      .attach('file', Buffer.from(DECISION, 'utf8'), 'beschluss-2021-99.txt')
      .expect(201);
    await api
      .http()
      .post(`/api/imports/${upload.body.id as number}/commit`)
      .set('Authorization', `Bearer ${await adminToken(api)}`)
      .expect(200);
    const afterImport = expectAllEqual(await counts());
    expect(afterImport).toBe(afterStart + 2);

    const mine = await api
      .http()
      .get('/api/me/obligations?overdue=true&pageSize=500')
      .set('Authorization', bearer)
      .expect(200);
    // Bremen reports the concept due by a date.
    const late = (
      mine.body.items as Array<{ due: { kind: string }; owners: Array<{ obligationId: number }> }>
    ).find((m) => m.due.kind === 'date')?.owners[0].obligationId;
    await api
      .http()
      .patch(`/api/obligations/${late}`)
      .set('Authorization', bearer)
      .send({ status: 'reported', note: 'Bericht übermittelt' })
      .expect(200);
    const afterReport = expectAllEqual(await counts());
    expect(afterReport).toBe(afterImport - 1);

    // The 35th session moved into the future: the report due there is not late any more.
    await api
      .http()
      .patch('/api/meetings/35')
      .set('Authorization', `Bearer ${await adminToken(api)}`)
      .send({ date: `${new Date().getUTCFullYear() + 1}-06-23` })
      .expect(200);
    const afterMove = expectAllEqual(await counts());
    expect(afterMove).toBeLessThan(afterReport);

    // The secretariat corrects an overdue mandate's deadline to that (now future) session.
    const overdue = await api
      .http()
      .get('/api/mandates?owner=HB&overdue=true&pageSize=500')
      .set('Authorization', bearer)
      .expect(200);
    const late2 = (overdue.body.items as Array<{ id: number }>)[0].id;
    await api
      .http()
      .patch(`/api/mandates/${late2}`)
      .set('Authorization', `Bearer ${await adminToken(api)}`)
      .send({ due: { kind: 'meeting', meeting: 35 }, note: 'Frist verschoben' })
      .expect(200);
    expect(expectAllEqual(await counts())).toBe(afterMove - 1);
  }, 300_000);
});

async function adminToken(api: ApiFixture): Promise<string> {
  return (await api.bearer(ADMIN.email, ADMIN.password)).replace(/^Bearer /, '');
}
