import request from 'supertest';
import { Mandate } from '@app/persistence';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from '../support/api-app';
import { DATABASES } from '../support/test-database';

type Agent = ReturnType<typeof request.agent>;

/** A browser-like client over HTTP: keeps the session cookie, reads each form's CSRF token. */
async function signIn(api: ApiFixture, email: string, password: string): Promise<Agent> {
  const agent = request.agent(api.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  await agent.post('/login').type('form').send({ email, password, _csrf: csrf }).expect(303);
  return agent;
}

// The pages' own reads (counts per member, report facts) on every database the project
// supports; the browser suite covers the pages' behaviour on SQLite.
describe.each(DATABASES)('web pages read their data on %s', (kind) => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await startApi(kind);
  }, 60_000);
  afterAll(() => api?.close());

  it('shows the secretariat counts per member, sessions, a mandate and both reports', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const overview = await admin.get('/overview').expect(200);
    const hb = /<a href="\/overview\?owner=HB">HB<\/a>[\s\S]*?<\/tr>/.exec(overview.text)?.[0];
    // Bremen owes eight obligations in the sample protocol, all open.
    expect(hb?.match(/<td class="number">(\d+)<\/td>/)?.[1]).toBe('8');
    expect(overview.text).toContain('22 Aufträge');
    await admin.get('/sessions').expect(200);
    const session = await admin.get('/sessions/32').expect(200);
    expect(session.text).toContain('2020/23');
    const mandate = /href="\/mandates\/(\d+)"/.exec(session.text)?.[1];
    const detail = await admin.get(`/mandates/${mandate}`).expect(200);
    expect(detail.text).toContain('<mark>');

    const csv = await admin.get('/reports/member?member=HB&format=csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="auftraege-HB-/);
    expect(csv.text).toContain('2020/23');
    const preparation = await admin.get('/reports/session?session=33&format=md').expect(200);
    expect(preparation.text).toContain('2020/23');
  });

  it('says on the mandate page why a reading is uncertain, in a German sentence', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const flagged = (await api.db.dataSource.getRepository(Mandate).find()).find((m) =>
      (m.uncertain ?? []).includes('owner-inferred'),
    ) as Mandate;
    const detail = await admin.get(`/mandates/${flagged.id}`).expect(200);
    expect(detail.text).toContain(
      'Die Zuständigen sind aus dem Zusammenhang erschlossen, nicht ausdrücklich genannt.',
    );
    expect(detail.text).not.toContain('owner-inferred');
  });

  it('puts first on the review page what may be missed and why a reading is in doubt, in German', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const form = await admin.get('/import').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const text = [
      'IT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/98',
      'Zweifel',
      '1. Für die Umsetzung wird gebeten, die Mittel bereitzustellen.',
      '2. Der IT-Planungsrat bittet die FITKO, ein Konzept zu erarbeiten. Es soll in der 38. Sitzung vorgestellt werden.',
    ].join('\n');
    const upload = await admin
      .post('/import')
      .field('_csrf', csrf)
      .attach('file', Buffer.from(text), 'zweifel.txt')
      .expect(303);
    const review = await admin.get(upload.headers.location as string).expect(200);
    const misses = /<ul data-possible-misses>([\s\S]*?)<\/ul>/.exec(review.text)?.[1] ?? '';
    expect(misses).toContain('Beschluss 2021/98, Ziffer 1');
    expect(misses).toContain('Für die Umsetzung wird gebeten, die Mittel bereitzustellen.');
    expect(review.text.indexOf('Bitte zuerst prüfen')).toBeLessThan(
      review.text.indexOf('Erkannte Aufträge'),
    );
    expect(review.text).toContain('Die Frist stammt aus einem anderen Satz derselben Ziffer.');
    expect(review.text).not.toContain('deadline-borrowed');
  });

  it("gives a delegate its own member's list and report, and refuses another member's", async () => {
    const { email } = await api.userWithRole('delegate', 'HB');
    const delegate = await signIn(api, email, PASSWORD);
    const mine = await delegate.get('/me').expect(200);
    expect(mine.text.match(/data-owner>HB</g)).toHaveLength(8);
    expect(mine.text).not.toMatch(/data-owner>(?!HB<)/);
    await delegate.get('/reports/member?member=HB&format=html').expect(200);
    const refused = await delegate.get('/reports/member?member=NW&format=html').expect(403);
    expect(refused.text).toContain('Den Bericht eines anderen Mitglieds');
    await delegate.get('/import').expect(403);

    const nw = (await api.db.dataSource.getRepository(Mandate).find()).find(
      (m) => m.owners.length === 1 && m.owners[0] === 'NW',
    ) as Mandate;
    const other = await delegate.get(`/mandates/${nw.id}`).expect(403);
    expect(other.text).toContain('Kein Zugriff');
    expect(other.text).not.toContain(nw.action);
  });
});
