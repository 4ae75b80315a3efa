import { ADMIN, PASSWORD, startApi, type ApiFixture } from './support/api-app';
import { expectOneOverdueCount, overdueCounts, type Readers } from './support/overdue-views';
import { DATABASES } from './support/test-database';
import { signIn, type Agent } from './support/web-agent';

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

  const counts = () => {
    const readers: Readers = {
      admin,
      delegate,
      delegateBearer: bearer,
      adminBearer: () => api.bearer(ADMIN.email, ADMIN.password),
      calendarToken,
    };
    return overdueCounts(api, readers);
  };
  const expectAllEqual = expectOneOverdueCount;

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
