import type { AddressInfo } from 'node:net';
import { OparlSyncService } from '@app/ingest';
import {
  BullmqJobQueue,
  DigestService,
  JobHandlers,
  JobQueue,
  OverdueScanService,
  ReminderService,
  SecretariatDigestService,
  schedulesFromEnv,
} from '@app/jobs';
import { Council, Mandate, Meeting, Member, Resolution, SourceDocument } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from './support/api-app';
import { databaseFingerprint } from './support/database-fingerprint';
import { crawlOparl } from './support/oparl-crawler';
import { OparlTestServer, type TestBody } from './support/oparl-test-server';
import { DATABASES } from './support/test-database';
import { until } from './support/until';
import { decodedMail } from './support/mail-links';
import { SmtpTestServer } from './support/smtp-test-server';
import { signIn } from './support/web-agent';
import { deleteKeys, describeWithRedis, REDIS_URL, uniquePrefix } from './support/redis';

/** A municipal council as its council information system publishes it. */
export function musterstadt(): TestBody {
  const decision = (code: string, session: number, text: string) =>
    `Rat der Stadt Musterstadt | 17.03.2031 | ${session}. Sitzung | Beschluss ${code}\nTitel ${code}\n${text}\n`;
  return {
    key: 2,
    name: 'Rat der Stadt Musterstadt',
    shortName: 'Musterstadt',
    classification: 'Stadtrat',
    organizations: [
      { name: 'Verwaltung der Stadt Musterstadt', shortName: 'Verwaltung' },
      { name: 'Bauausschuss' },
    ],
    meetings: [
      {
        key: 21,
        name: '12. Sitzung',
        start: '2031-03-17T17:00:00+01:00',
        state: 'durchgeführt',
        modified: '2031-03-18T10:00:00+01:00',
        texts: [
          decision(
            '2031/12',
            12,
            '1. Der Rat der Stadt Musterstadt bittet die Verwaltung, bis zur 15. Sitzung ein Radwegekonzept vorzulegen.',
          ),
        ],
        pdfs: [
          decision(
            '2031/13',
            12,
            '1. Der Rat der Stadt Musterstadt beauftragt den Bauausschuss, bis zum 30.06.2031 über die Schulsanierung zu berichten.',
          ),
        ],
      },
      {
        key: 22,
        name: '15. Sitzung',
        start: '2031-05-19T17:00:00+02:00',
        state: 'terminiert',
        modified: '2031-03-19T10:00:00+01:00',
        texts: [],
        pdfs: [],
      },
    ],
  };
}

/** Everything stored of one council, as rows a user could compare. */
async function councilRows(dataSource: DataSource, code: string): Promise<string> {
  const m = dataSource.manager;
  const council = await m.findOneByOrFail(Council, { code });
  const resolutions = await m.find(Resolution, {
    where: { councilId: council.id },
    order: { id: 'ASC' },
  });
  const mandates = await m.find(Mandate, { order: { id: 'ASC' } });
  const ids = new Set(resolutions.map((r) => r.id));
  return JSON.stringify({
    council,
    members: await m.find(Member, { where: { councilId: council.id }, order: { id: 'ASC' } }),
    meetings: await m.find(Meeting, { where: { councilId: council.id }, order: { id: 'ASC' } }),
    documents: await m.count(SourceDocument, { where: { councilId: council.id } }),
    resolutions,
    mandates: mandates.filter((x) => ids.has(x.resolutionId)),
  });
}

describe.each(DATABASES)('a second council followed through OParl, on %s', (kind) => {
  const source = new OparlTestServer();
  const smtp = new SmtpTestServer();
  let api: ApiFixture;
  let admin: string;

  beforeAll(async () => {
    await source.start();
    await smtp.start();
    source.bodies.push(musterstadt());
    api = await startApi(kind, { OPARL_PUBLISH: 'follow-up', SMTP_URL: smtp.url });
    admin = await api.bearer(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    delete process.env.PUBLIC_URL;
    await api?.close();
    await source.stop();
    await smtp.stop();
  });

  it("gets a council of its own, with its registry, calendar and decisions; the IT-Planungsrat's data stays as it was", async () => {
    const itplr = await councilRows(api.db.dataSource, 'itplr');
    const report = await api.app.get(OparlSyncService).sync(source.systemUrl, { backoffMs: 10 });
    expect(report.councils).toEqual([
      { code: 'itplr', name: 'IT-Planungsrat', created: false, members: 0 },
      { code: 'musterstadt', name: 'Rat der Stadt Musterstadt', created: true, members: 2 },
    ]);
    expect(await councilRows(api.db.dataSource, 'itplr')).toBe(itplr);

    const m = api.db.dataSource.manager;
    const council = await m.findOneByOrFail(Council, { code: 'musterstadt' });
    // The body's organizations (not the council itself) are the owners of its registry.
    expect(
      (await m.findBy(Member, { councilId: council.id })).map((x) => [x.code, x.name]).sort(),
    ).toEqual([
      ['Bauausschuss', 'Bauausschuss'],
      ['Verwaltung', 'Verwaltung der Stadt Musterstadt'],
    ]);
    // Its own calendar: the 15th session of Musterstadt is not the IT-Planungsrat's.
    expect(
      (await m.find(Meeting, { where: { councilId: council.id }, order: { number: 'ASC' } })).map(
        (x) => [x.number, x.date, x.state],
      ),
    ).toEqual([
      [12, '2031-03-17', 'held'],
      [15, '2031-05-19', 'planned'],
    ]);

    const listed = await api
      .http()
      .get('/api/mandates?council=musterstadt&includeTotal=true')
      .set('Authorization', admin)
      .expect(200);
    expect(
      listed.body.items.map(
        (x: { resolution: string; allOwners: string[]; due: { text: string } }) => [
          x.resolution,
          x.allOwners,
          x.due.text,
        ],
      ),
    ).toEqual(
      expect.arrayContaining([
        ['2031/12', ['Verwaltung'], expect.stringContaining('15. Sitzung')],
        ['2031/13', ['Bauausschuss'], expect.stringContaining('30.06.2031')],
      ]),
    );
    expect(listed.body.total).toBe(2);
    // By its id too; the IT-Planungsrat's list holds none of Musterstadt's decisions.
    const byId = await api
      .http()
      .get(`/api/mandates?council=${council.id}&includeTotal=true`)
      .set('Authorization', admin)
      .expect(200);
    expect(byId.body.total).toBe(2);
    const own = await api
      .http()
      .get('/api/mandates?council=itplr&includeTotal=true&pageSize=500')
      .set('Authorization', admin)
      .expect(200);
    expect(own.body.total).toBe(22);
    expect(
      own.body.items.some((x: { resolution: string }) => x.resolution.startsWith('2031/')),
    ).toBe(false);
    const unknown = await api
      .http()
      .get('/api/mandates?council=gibtsnicht')
      .set('Authorization', admin)
      .expect(400);
    expect(unknown.body.message).toContain('Ein Gremium „gibtsnicht“ gibt es nicht');
    const csv = await api
      .http()
      .get('/api/exports/mandates.csv?council=musterstadt')
      .set('Authorization', admin)
      .expect(200);
    expect(csv.text).toContain('2031/12');
    expect(csv.text).not.toContain('2020/32');

    // A re-sync changes nothing.
    const before = await databaseFingerprint(api.db.dataSource);
    const again = await api.app.get(OparlSyncService).sync(source.systemUrl, { backoffMs: 10 });
    expect(again.texts).toEqual([]);
    expect(await databaseFingerprint(api.db.dataSource)).toBe(before);
  });

  it('publishes both councils side by side, every object valid', async () => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
    const root = `http://127.0.0.1:${port}/oparl/v1.1`;
    const bodies = (await (await fetch(`${root}/body`)).json()) as {
      data: Array<{ shortName: string; name: string; classification: string }>;
    };
    // Each Body is classified as its source said; the IT-Planungsrat stays a federal/state one.
    expect(bodies.data.map((b) => [b.shortName, b.name, b.classification])).toEqual([
      ['itplr', 'IT-Planungsrat', 'Bund-Länder-Gremium'],
      ['musterstadt', 'Rat der Stadt Musterstadt', 'Stadtrat'],
    ]);
    // A page of bodies is built from its councils alone; it is the page a filter that lets every
    // body through gives (that one builds every council), links and counts the same.
    const second = (await (await fetch(`${root}/body?limit=1&page=2`)).json()) as {
      data: Array<{ shortName: string }>;
      pagination: Record<string, number>;
      links: Record<string, string>;
    };
    const filtered = (await (
      await fetch(`${root}/body?limit=1&page=2&created_since=2000-01-01T00:00:00Z`)
    ).json()) as typeof second;
    expect(second.data.map((b) => b.shortName)).toEqual(['musterstadt']);
    expect(second.pagination).toEqual({ ...filtered.pagination });
    expect(second.pagination).toMatchObject({ totalElements: 2, currentPage: 2, totalPages: 2 });
    expect(second.data).toEqual(filtered.data);
    expect(second.links.prev).toBe(`${root}/body?limit=1`);
    const papers = (await (await fetch(`${root}/body/musterstadt/paper`)).json()) as {
      data: Array<{ reference: string }>;
    };
    expect(papers.data.map((p) => p.reference)).toEqual(['2031/12', '2031/13']);
    const crawl = await crawlOparl(`${root}/system`);
    expect(crawl.violations).toEqual([]);
    expect(crawl.listPages.get(`${root}/body/musterstadt/meeting`)).toBe(1);
  });

  it('the overview page lists one council on request and names the council where there are two', async () => {
    const agent = await signIn(api, ADMIN.email, ADMIN.password);
    const page = (await agent.get('/overview?council=musterstadt').expect(200)).text;
    const table = page.slice(page.indexOf('<table id="mandates"'));
    expect(table.slice(0, table.indexOf('</table>'))).toMatch(
      /2031\/12, Ziffer 1<\/a><\/th>\s*<td>Rat der Stadt Musterstadt<\/td>/,
    );
    expect(page).toContain('2 Aufträge, hier 1 bis 2.');
    expect(page).toContain('href="/exports/mandates.csv?council=musterstadt"');
    const all = (await agent.get('/overview').expect(200)).text;
    expect(all).toContain('<option value="musterstadt"');
    // Its next session, and counts per owner of its registry; the IT-Planungsrat's members not.
    const box = page.slice(page.indexOf('id="next-title"'), page.indexOf('id="counts-title"'));
    expect(box).toMatch(
      /Rat der Stadt Musterstadt: <a href="\/sessions\/s\/\d+"\s*>12\. Sitzung<\/a\s*> am 17\.03\.2031/,
    );
    const counts = page.slice(page.indexOf('<table id="member-counts"'));
    const countsTable = counts.slice(0, counts.indexOf('</table>'));
    expect(countsTable).toContain('>Verwaltung</a>');
    expect(countsTable).toContain('>Bauausschuss</a>');
    expect(countsTable).not.toContain('>Bund</a>');
    const byOwner = (await agent.get('/overview?council=musterstadt&owner=Verwaltung').expect(200))
      .text;
    expect(byOwner).toContain('1 Aufträge, hier 1 bis 1.');
    expect(byOwner).toContain('2031/12, Ziffer 1');
    // The IT-Planungsrat's overview: its members and its own next session, none of Musterstadt's.
    const allCounts = all.slice(all.indexOf('<table id="member-counts"'));
    expect(allCounts.slice(0, allCounts.indexOf('</table>'))).toContain('>Bund</a>');
    const itplrPage = (await agent.get('/overview?council=itplr').expect(200)).text;
    const itplrCounts = itplrPage.slice(itplrPage.indexOf('<table id="member-counts"'));
    expect(itplrCounts.slice(0, itplrCounts.indexOf('</table>'))).not.toContain('Verwaltung');
    expect(itplrPage).not.toContain('2031/12');

    // Its calendar: on the API and on the sessions page, each session with its decisions.
    const meetings = await api
      .http()
      .get('/api/meetings?council=musterstadt')
      .set('Authorization', admin)
      .expect(200);
    expect(meetings.body.map((x: { name: string; date: string }) => [x.name, x.date])).toEqual([
      ['12. Sitzung', '2031-03-17'],
      ['15. Sitzung', '2031-05-19'],
    ]);
    const twelfth = meetings.body[0] as { id: number };
    const calendar = (await agent.get('/sessions?council=musterstadt').expect(200)).text;
    expect(calendar).toContain('Sitzungen: Rat der Stadt Musterstadt');
    expect(calendar).toContain(`href="/sessions/s/${twelfth.id}"`);
    const session = (await agent.get(`/sessions/s/${twelfth.id}`).expect(200)).text;
    expect(session).toContain('2031/12');
    // The IT-Planungsrat's 15th session is not Musterstadt's: nothing of Musterstadt is due there.
    const itplr15 = (await agent.get('/sessions/15').expect(200)).text;
    expect(itplr15).not.toContain('2031/12');
    const own = await api.http().get('/api/meetings').set('Authorization', admin).expect(200);
    const fifteenth = own.body.find((x: { number: number }) => x.number === 15);
    const dueAt15 = await api
      .http()
      .get('/api/mandates?council=itplr&dueMeeting=15&includeTotal=true')
      .set('Authorization', admin)
      .expect(200);
    expect(fifteenth.dueHere).toBe(dueAt15.body.total);
  });

  it("a council's members, their obligations and reports, on request by council", async () => {
    const get = (url: string, status = 200) =>
      api.http().get(url).set('Authorization', admin).expect(status);
    const members = await get('/api/members?all=true&council=musterstadt');
    expect(members.body.map((x: { code: string }) => x.code).sort()).toEqual([
      'Bauausschuss',
      'Verwaltung',
    ]);
    // The IT-Planungsrat's registry is unchanged and holds none of Musterstadt's owners.
    const own = (await get('/api/members?all=true&council=itplr')).body as Array<{ code: string }>;
    expect(own.map((x) => x.code)).not.toContain('Verwaltung');
    expect(own.length).toBeGreaterThan(10);
    expect((await get('/api/members?council=gibtsnicht', 400)).body.message).toContain(
      'Ein Gremium „gibtsnicht“ gibt es nicht',
    );

    const obligations = await get('/api/members/Verwaltung/obligations?council=musterstadt');
    expect(obligations.body.items.map((x: { resolution: string }) => x.resolution)).toEqual([
      '2031/12',
    ]);
    expect((await get('/api/members/Verwaltung/obligations?council=itplr', 404)).body.message).toBe(
      'Ein Mitglied Verwaltung gibt es in diesem Gremium nicht.',
    );

    // The report resolves "bis zur 15. Sitzung" against Musterstadt's calendar (19.05.2031),
    // not the IT-Planungsrat's 15th session.
    const report = (await get('/api/members/Verwaltung/report?council=musterstadt&format=md')).text;
    expect(report).toContain('2031/12');
    expect(report).toContain('19.05.2031');
    expect(report).not.toContain('2031/13');
    await get('/api/members/Verwaltung/report?council=itplr', 404);
    await get('/api/members/Verwaltung/reports?council=musterstadt');
    await get('/api/members/Verwaltung/reports?council=gibtsnicht', 400);
    // An IT-Planungsrat member's report holds none of Musterstadt's decisions.
    const bund = (await get('/api/members/Bund/report?council=itplr&format=md')).text;
    expect(bund).not.toContain('2031/');
  });

  it("decisions and a delegate's own obligations, by council", async () => {
    const get = (url: string, status = 200) =>
      api.http().get(url).set('Authorization', admin).expect(status);
    const decision = await get('/api/resolutions/2031%2F12?council=musterstadt');
    expect(decision.body.mandates.map((x: { allOwners: string[] }) => x.allOwners)).toEqual([
      ['Verwaltung'],
    ]);
    expect((await get('/api/resolutions/2031%2F12?council=itplr', 404)).body.message).toBe(
      'Einen Beschluss 2031/12 gibt es in diesem Gremium nicht.',
    );
    await get('/api/resolutions/2031%2F12?council=gibtsnicht', 400);
    // The IT-Planungsrat's decisions as before.
    expect((await get('/api/resolutions/2020%2F32?council=itplr')).body.code).toBe('2020/32');

    const agent = await signIn(api, ADMIN.email, ADMIN.password);
    const page = (await agent.get('/decisions/2031%2F12?council=musterstadt').expect(200)).text;
    expect(page).toContain('Verwaltung');
    await agent.get('/decisions/2031%2F12?council=itplr').expect(404);

    // A delegate of Musterstadt's administration: its obligation under its council, none under
    // the IT-Planungsrat.
    const delegate = await api.userWithRole('delegate', 'Verwaltung');
    const mine = await signIn(api, delegate.email, PASSWORD);
    const own = (await mine.get('/me?council=musterstadt').expect(200)).text;
    expect(own).toContain('2031/12');
    expect(own).toContain('name="council" value="musterstadt"');
    expect((await mine.get('/me?council=itplr').expect(200)).text).not.toContain('2031/12');
    expect((await mine.get('/me').expect(200)).text).toContain('2031/12');
    const unknown = (await mine.get('/me?council=gibtsnicht').expect(400)).text;
    expect(unknown).toContain('Ein Gremium „gibtsnicht“ gibt es nicht');

    // Its calendar feed: the deadline at Musterstadt's 15th session, on that session's day.
    const token = await api
      .http()
      .post('/api/me/tokens')
      .set('Authorization', await api.bearer(delegate.email))
      .send({ name: 'Kalender', kind: 'calendar' })
      .expect(201);
    const feed = (
      await api
        .http()
        .get(
          `/api/members/Verwaltung/calendar.ics?council=musterstadt&token=${token.body.token as string}`,
        )
        .expect(200)
    ).text;
    expect(feed).toContain('DTSTART;VALUE=DATE:20310519');
    expect(feed).toContain('2031/12');
    await api
      .http()
      .get(`/api/members/Verwaltung/calendar.ics?council=itplr&token=${token.body.token as string}`)
      .expect(404);
  });

  it("the digest and the reminder date a deadline by its own council's calendar", async () => {
    const delegate = await api.userWithRole('delegate', 'Verwaltung');
    // Nine days before Musterstadt's 15th session (19.05.2031); the IT-Planungsrat's 15th
    // session lies years before.
    const now = new Date('2031-05-10T06:00:00Z');
    const base = 'https://tracker.test';
    const digests = await api.app.get(DigestService).run({
      frequency: 'weekly',
      now,
      baseUrl: base,
      member: 'Verwaltung',
      dryRun: true,
    });
    const digest = digests.dryRun?.find((d) => d.recipient === delegate.email);
    expect(digest?.digest.text).toContain('2031/12');
    expect(digest?.digest.text).toContain('19.05.2031');
    expect(digest?.digest.text).not.toContain('2031/13');

    const reminders = await api.app.get(ReminderService).run(now, base, 14);
    expect(reminders.sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.filter((m) => m.to[0] === delegate.email).map(decodedMail);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toContain('2031/12');
    expect(mail[0]).toContain('19.05.2031');

    // The secretariat's overview spans both councils; Musterstadt's deadline, overdue a week after
    // its 15th session, is named with that session's day.
    const secretariat = await api.userWithRole('secretariat');
    const later = new Date('2031-05-27T06:00:00Z');
    await api.app.get(OverdueScanService).scan(later);
    await api.app.get(SecretariatDigestService).run(later, base);
    const overview = smtp.received.filter((m) => m.to[0] === secretariat.email).map(decodedMail);
    expect(overview).toHaveLength(1);
    const text = overview[0];
    const line = text.slice(text.indexOf('Beschluss 2031/12'));
    expect(line.slice(0, line.indexOf('/mandates/'))).toContain('19.05.2031');
  });

  it('the links and the reports page by council; an unknown council is refused', async () => {
    const agent = await signIn(api, ADMIN.email, ADMIN.password);
    // Musterstadt's 15th session takes note of the report asked for in 2031/12: a link proposed
    // in Musterstadt, none in the IT-Planungsrat.
    const fifteenth = source.bodies[1].meetings[1];
    fifteenth.state = 'durchgeführt';
    fifteenth.modified = '2031-05-20T10:00:00+02:00';
    fifteenth.texts = [
      'Rat der Stadt Musterstadt | 19.05.2031 | 15. Sitzung | Beschluss 2031/20\nTitel 2031/20\n' +
        'Der Rat der Stadt Musterstadt nimmt den Bericht der Verwaltung zum Radwegekonzept (Beschluss 2031/12) zur Kenntnis.\n',
    ];
    await api.app.get(OparlSyncService).sync(source.systemUrl, { backoffMs: 10 });
    const links = (council: string) =>
      api.http().get(`/api/links?council=${council}`).set('Authorization', admin);
    const own = (await links('musterstadt').expect(200)).body as Array<{
      from: { resolution: string };
      to: { resolution: string } | null;
    }>;
    expect(own.map((l) => [l.from.resolution, l.to?.resolution])).toEqual([['2031/20', '2031/12']]);
    const itplr = (await links('itplr').expect(200)).body as Array<{
      from: { resolution: string };
    }>;
    expect(itplr.some((l) => l.from.resolution.startsWith('2031/'))).toBe(false);
    await links('gibtsnicht').expect(400);
    const ownPage = (await agent.get('/links?council=musterstadt&state=all').expect(200)).text;
    expect(ownPage).toContain('2031/20');
    const itplrPage = (await agent.get('/links?council=itplr&state=all').expect(200)).text;
    expect(itplrPage).not.toContain('2031/20');
    expect((await agent.get('/links?council=gibtsnicht').expect(400)).text).toContain(
      'Ein Gremium „gibtsnicht“ gibt es nicht',
    );

    // The reports page of Musterstadt: its members and its calendar, the council kept in both forms.
    const reports = (await agent.get('/reports?council=musterstadt').expect(200)).text;
    expect(reports).toContain('value="Verwaltung"');
    expect(reports).not.toContain('value="Bund"');
    expect(reports).toContain('19.05.2031');
    expect(reports.match(/name="council" value="musterstadt"/g)).toHaveLength(2);
    expect((await agent.get('/reports?council=gibtsnicht').expect(400)).text).toContain(
      'Ein Gremium „gibtsnicht“ gibt es nicht',
    );
    // Musterstadt's 15th session: its decision due there, none of the IT-Planungsrat's.
    const preparation = (
      await agent.get('/reports/session?session=15&council=musterstadt&format=md').expect(200)
    ).text;
    expect(preparation).toContain('2031/12');
    expect(preparation).toContain('19.05.2031');
    expect(preparation).not.toMatch(/20(1|2)\d\/\d+/);
    const memberReport = (
      await agent.get('/reports/member?member=Verwaltung&council=musterstadt&format=md').expect(200)
    ).text;
    expect(memberReport).toContain('19.05.2031');
    await agent.get('/reports/member?member=Verwaltung&council=itplr').expect(404);
    await agent.get('/reports/session?session=15&council=gibtsnicht').expect(400);
  });
});

describe('the oparl-sync job in this process (no Redis)', () => {
  const source = new OparlTestServer();
  let api: ApiFixture;

  beforeAll(async () => {
    await source.start();
    source.bodies.push(musterstadt());
    api = await startApi('sqlite', {
      OPARL_SOURCES: source.systemUrl,
      SCHEDULE_OPARL_SYNC: '* * * * * *',
      JOB_ATTEMPTS: '2',
      JOB_BACKOFF_MS: '100',
    });
  });
  afterAll(async () => {
    await api?.close();
    await source.stop();
  });

  it('syncs OPARL_SOURCES on its schedule, later with modified_since; a broken source is reported with its URL on /jobs and writes nothing', async () => {
    const m = api.db.dataSource.manager;
    await until(
      async () => (await m.countBy(Council, { code: 'musterstadt' })) === 1,
      60_000,
      'the scheduled sync',
    );
    const queue = api.app.get(JobQueue);
    await until(
      async () =>
        (await queue.list('completed')).some(
          (j) => j.name === 'oparl-sync' && JSON.stringify(j.result).includes('"created":1'),
        ),
      60_000,
      'a completed oparl-sync run',
    );
    // The next runs ask only for what changed since.
    source.requests.length = 0;
    await until(
      () => source.requests.some((r) => r.startsWith('/body/2/meetings?modified_since=')),
      60_000,
      'a later sync',
    );

    source.malformed = '<html>Wartungsarbeiten</html>';
    const before = await databaseFingerprint(api.db.dataSource);
    await until(
      async () =>
        (await queue.list('failed')).some(
          (j) => j.name === 'oparl-sync' && (j.failedReason ?? '').includes('/body/1/meetings'),
        ),
      60_000,
      'a failed oparl-sync run',
    );
    // The failed runs wrote nothing.
    expect(await databaseFingerprint(api.db.dataSource)).toBe(before);
    const failed = (await queue.list('failed')).find((j) => j.name === 'oparl-sync');
    expect(failed?.attempts).toBe(2);
    expect(failed?.failedReason).toContain(
      `OParl-Quelle nicht gelesen: ${source.systemUrl.replace('/system', '')}/body/1/meetings: die Antwort ist kein OParl-Objekt`,
    );
    const agent = await signIn(api, ADMIN.email, ADMIN.password);
    const page = (await agent.get('/jobs').expect(200)).text;
    expect(page).toContain('Abgleich mit OParl-Quellen');
    expect(page).toContain('/body/1/meetings: die Antwort ist kein OParl-Objekt');
  });
});

describeWithRedis('the oparl-sync job on BullMQ (Redis)', () => {
  const source = new OparlTestServer();
  let api: ApiFixture;
  let prefix: string;
  const queues: BullmqJobQueue[] = [];

  beforeAll(async () => {
    await source.start();
    source.bodies.push(musterstadt());
    // The API of this instance (its own queue in-process, unscheduled); the worker below is the
    // one that runs the schedule, on Redis, with this instance's handlers.
    api = await startApi('sqlite', { OPARL_SOURCES: source.systemUrl });
    prefix = uniquePrefix();
  });
  afterAll(async () => {
    for (const q of queues.splice(0)) await q.close(true);
    if (prefix) await deleteKeys(prefix);
    await api?.close();
    await source.stop();
  });

  it('a worker syncs OPARL_SOURCES on its schedule; a source that keeps failing fails the job with its URL after its retries', async () => {
    const handlers = api.app.get(JobHandlers);
    const worker = new BullmqJobQueue({
      url: REDIS_URL as string,
      prefix,
      attempts: 2,
      backoffMs: 100,
    });
    queues.push(worker);
    const schedule = schedulesFromEnv({
      OPARL_SOURCES: source.systemUrl,
      SCHEDULE_OPARL_SYNC: '* * * * * *',
    }).filter((s) => s.name === 'oparl-sync');
    expect(schedule).toHaveLength(1);
    await worker.startWorker(schedule, (name, data) => handlers.run(name, data));
    const m = api.db.dataSource.manager;
    await until(
      async () => (await m.countBy(Resolution, { code: '2031/13' })) === 1,
      60_000,
      'the scheduled sync on Redis',
    );
    await until(
      async () => (await worker.list('completed')).some((j) => j.name === 'oparl-sync'),
      60_000,
      'a completed run',
    );
    source.busy = 1_000_000;
    await until(
      async () =>
        (await worker.list('failed')).some((j) =>
          (j.failedReason ?? '').includes(`${source.systemUrl}: HTTP 429 (nach 4 Versuchen)`),
        ),
      120_000,
      'a failed run',
    );
    const failed = (await worker.list('failed')).find((j) => j.name === 'oparl-sync');
    expect(failed?.attempts).toBe(2);
    source.busy = 0;
  });
});
