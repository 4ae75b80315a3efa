import { Mandate } from '@app/persistence';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from '../support/api-app';
import { DATABASES } from '../support/test-database';
import { signIn } from '../support/web-agent';

/** Uploads a text through the import form as the secretariat does; the review page it leads to. */
async function reviewOf(api: ApiFixture, lines: string[], fileName: string): Promise<string> {
  const admin = await signIn(api, ADMIN.email, ADMIN.password);
  const form = await admin.get('/import').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const upload = await admin
    .post('/import')
    .field('_csrf', csrf)
    .attach('file', Buffer.from(lines.join('\n')), fileName)
    .expect(303);
  return (await admin.get(upload.headers.location as string).expect(200)).text;
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
    const review = await reviewOf(
      api,
      [
        'IT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/98',
        'Zweifel',
        '1. Für die Umsetzung wird gebeten, die Mittel bereitzustellen.',
        '2. Der IT-Planungsrat bittet die FITKO, ein Konzept zu erarbeiten. Es soll in der 38. Sitzung vorgestellt werden.',
      ],
      'zweifel.txt',
    );
    const misses = /<ul data-possible-misses>([\s\S]*?)<\/ul>/.exec(review)?.[1] ?? '';
    expect(misses).toContain('Beschluss 2021/98, Ziffer 1');
    expect(misses).toContain('Für die Umsetzung wird gebeten, die Mittel bereitzustellen.');
    expect(review.indexOf('Bitte zuerst prüfen')).toBeLessThan(review.indexOf('Erkannte Aufträge'));
    expect(review).toContain('Die Frist stammt aus einem anderen Satz derselben Ziffer.');
    expect(review).not.toContain('deadline-borrowed');
  });

  it('shows the request of a rejected text as not adopted on the review page, with no mandate', async () => {
    const review = await reviewOf(
      api,
      [
        'https://ratsinfo.example.org/to0050.asp?__ktonr=4711',
        'Beschluss: mehrheitlich abgelehnt',
        '',
        'Der Bürgermeister wird beauftragt, die Parkgebühren bis zum 30.06.2027 zu überprüfen.',
      ],
      'abgelehnt.txt',
    );
    const misses = /<ul data-possible-misses>([\s\S]*?)<\/ul>/.exec(review)?.[1] ?? '';
    expect(misses).toContain('Der Bürgermeister wird beauftragt, die Parkgebühren');
    expect(misses).toContain(
      'Laut Ergebnis wurde dieser Text abgelehnt, vertagt, verwiesen oder einem anderen Gremium nur empfohlen; der Auftrag darin wurde deshalb nicht übernommen.',
    );
    expect(review).toContain('Im Text wurde kein Auftrag erkannt.');
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
    // The service's refusal is German and shown as it is, not as an English technical detail.
    expect(other.text).toContain(
      `<p class="detail">Der Auftrag ${nw.id} gehört zu einem anderen Mitglied.</p>`,
    );
    expect(other.text).not.toContain('Technische Angabe');
    expect(other.text).not.toContain('lang="en"');
    expect(other.text).not.toContain(nw.action);
  });

  it('keeps the forms for mandates by hand to the secretariat, names a wrong field in German and writes nothing', async () => {
    const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const count = () => api.db.dataSource.getRepository(Mandate).count();
    const before = await count();
    const form = {
      resolution: '2020/28',
      point: '1',
      owners: 'FITKO',
      action: 'prüfen',
      dueKind: 'none',
    };

    const { email } = await api.userWithRole('delegate', 'HB');
    const delegate = await signIn(api, email, PASSWORD);
    const page = await delegate.get('/decisions/2020%2F28').expect(200);
    expect(page.text).not.toContain('id="add-mandate"');
    await delegate
      .post('/mandates')
      .type('form')
      .send({ ...form, _csrf: csrfOf(page.text) })
      .expect(403);

    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const decision = await admin.get('/decisions/2020%2F28').expect(200);
    const csrf = csrfOf(decision.text);
    const wrongPoint = await admin
      .post('/mandates')
      .type('form')
      .send({ ...form, point: '9', _csrf: csrf })
      .expect(400);
    expect(wrongPoint.text).toContain('Beschluss 2020/28 hat keinen Punkt 9');
    const noSession = await admin
      .post('/mandates')
      .type('form')
      .send({ ...form, dueKind: 'meeting', _csrf: csrf })
      .expect(400);
    expect(noSession.text).toContain('Bitte geben Sie die Nummer der Sitzung an.');
    expect(await count()).toBe(before);

    const made = await admin
      .post('/mandates')
      .type('form')
      .send({ ...form, _csrf: csrf })
      .expect(303);
    expect(made.headers.location).toMatch(/^\/mandates\/\d+\?done=created$/);
    expect(await count()).toBe(before + 1);
    const id = /\/mandates\/(\d+)/.exec(made.headers.location)?.[1];
    await admin
      .post(`/mandates/${id}/withdraw`)
      .type('form')
      .send({ reason: ' ', _csrf: csrf })
      .expect(400);
    await admin
      .post(`/mandates/${id}/withdraw`)
      .type('form')
      .send({ reason: 'doppelt', _csrf: csrf })
      .expect(303);
    const withdrawn = await admin.get(`/mandates/${id}`).expect(200);
    expect(withdrawn.text).toContain('Zurückgezogen');
    expect(withdrawn.text).toContain('doppelt');

    // A committed import's review offers the form for the decisions it stored, not before.
    const bearer = await api.bearer(ADMIN.email, ADMIN.password);
    const upload = await api
      .http()
      .post('/api/imports')
      .set('Authorization', bearer)
      .attach(
        'file',
        Buffer.from(
          'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/97\nTitel\n1. Der IT-Planungsrat bittet die FITKO, bis zur 35. Sitzung zu berichten.\n',
        ),
        'd.txt',
      )
      .expect(201);
    const review = `/import/${upload.body.id}`;
    expect((await admin.get(review).expect(200)).text).not.toContain('id="add-mandate"');
    await api
      .http()
      .post(`/api/imports/${upload.body.id}/commit`)
      .set('Authorization', bearer)
      .expect(200);
    const committed = await admin.get(review).expect(200);
    expect(committed.text).toContain('id="add-mandate"');
    expect(committed.text).toContain('name="resolution" value="2021/97"');
  });
});
