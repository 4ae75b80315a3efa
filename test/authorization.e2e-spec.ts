import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ReportsService } from '@app/jobs';
import { Mandate, Obligation, Resolution, SourceDocument, User } from '@app/persistence';
import { API_CONTROLLERS } from '../apps/api/src/api.module';
import { OPARL_CONTROLLERS } from '../apps/api/src/oparl/oparl.module';
import { startApi, type ApiFixture } from './support/api-app';
import { databaseFingerprint } from './support/database-fingerprint';
import { DATABASES } from './support/test-database';

type Who = 'anonymous' | 'observer' | 'delegate' | 'secretariat';
const WHO: Who[] = ['anonymous', 'observer', 'delegate', 'secretariat'];

interface Objects {
  nwReport: number;
  nwMandate: number;
  nwObligation: number;
  resolution: number;
  document: number;
  someUser: number;
  preview: () => Promise<number>;
  /** A new mandate of NW's, added by hand (to be withdrawn). */
  freshMandate: () => Promise<number>;
  calendarToken: Record<Who, string>;
}

interface Case {
  /** [anonymous, observer, delegate of HB, secretariat] */
  expect: [number, number, number, number];
  path: (o: Objects) => string | Promise<string>;
  body?: (who: Who) => object;
  upload?: boolean;
  /** Uses a token in the query instead of the Authorization header. */
  tokenInQuery?: boolean;
}

let unique = 0;
const next = () => ++unique;

/**
 * Every route of the API with the status each kind of caller gets. The delegate acts for Bremen
 * and is pointed at Nordrhein-Westfalen's objects. A route missing here fails the test.
 */
const MATRIX: Record<string, Case> = {
  'POST /api/auth/login': {
    expect: [401, 401, 401, 401],
    path: () => '/api/auth/login',
    body: () => ({ email: 'nobody@test.de', password: 'wrong-password-x' }),
  },
  // Anyone may ask; the answer is the same whether or not the address has an account.
  'POST /api/auth/password-reset': {
    expect: [202, 202, 202, 202],
    path: () => '/api/auth/password-reset',
    body: () => ({ email: `niemand${next()}@test.de` }),
  },
  'GET /api/me': { expect: [401, 200, 200, 200], path: () => '/api/me' },
  'PATCH /api/me': {
    expect: [401, 200, 200, 200],
    path: () => '/api/me',
    body: () => ({ digestFrequency: 'weekly' }),
  },
  'GET /api/me/obligations': { expect: [401, 200, 200, 200], path: () => '/api/me/obligations' },
  'GET /api/me/tokens': { expect: [401, 200, 200, 200], path: () => '/api/me/tokens' },
  'POST /api/me/tokens': {
    expect: [401, 201, 201, 201],
    path: () => '/api/me/tokens',
    body: () => ({ name: 'matrix' }),
  },
  'DELETE /api/me/tokens/:id': {
    expect: [401, 404, 404, 404],
    path: () => '/api/me/tokens/999999',
  },
  'POST /api/me/password': {
    // Every signed-in role may; a wrong current password changes nothing.
    expect: [401, 422, 422, 422],
    path: () => '/api/me/password',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'another-long-password' }),
  },
  // Links between decisions: the secretariat reviews, observers read, delegates do not see them.
  'GET /api/links': { expect: [401, 200, 403, 200], path: () => '/api/links' },
  'GET /api/links/:id': { expect: [401, 404, 403, 404], path: () => '/api/links/999999' },
  'POST /api/links/:id/confirm': {
    expect: [401, 403, 403, 404],
    path: () => '/api/links/999999/confirm',
  },
  'POST /api/links/:id/reject': {
    expect: [401, 403, 403, 404],
    path: () => '/api/links/999999/reject',
  },
  'GET /api/users': { expect: [401, 403, 403, 200], path: () => '/api/users' },
  'POST /api/users': {
    expect: [401, 403, 403, 201],
    path: () => '/api/users',
    body: () => ({ email: `new${next()}@test.de`, name: 'Neu', role: 'observer' }),
  },
  // No SMTP server in this suite: the invitation is refused (503) after the role check, and
  // nothing is left behind.
  'POST /api/users/invitations': {
    expect: [401, 403, 403, 503],
    path: () => '/api/users/invitations',
    body: () => ({ email: `inv${next()}@test.de`, name: 'Eingeladen', role: 'observer' }),
  },
  'POST /api/users/:id/invitation': {
    expect: [401, 403, 403, 503],
    path: (o) => `/api/users/${o.someUser}/invitation`,
  },
  'GET /api/users/:id': { expect: [401, 403, 403, 200], path: (o) => `/api/users/${o.someUser}` },
  'PATCH /api/users/:id': {
    expect: [401, 403, 403, 200],
    path: (o) => `/api/users/${o.someUser}`,
    body: () => ({ name: 'Umbenannt' }),
  },
  'GET /api/councils': { expect: [401, 200, 200, 200], path: () => '/api/councils' },
  'GET /api/meetings': { expect: [401, 200, 200, 200], path: () => '/api/meetings' },
  'GET /api/meetings/:number': { expect: [401, 200, 200, 200], path: () => '/api/meetings/34' },
  'POST /api/meetings': {
    expect: [401, 403, 403, 201],
    path: () => '/api/meetings',
    body: () => ({ number: 100 + next(), date: '2030-01-15' }),
  },
  'GET /api/meetings/by-id/:id': {
    expect: [401, 404, 404, 404],
    path: () => '/api/meetings/by-id/999999',
  },
  'POST /api/meetings/special': {
    expect: [401, 403, 403, 201],
    path: () => '/api/meetings/special',
    body: () => ({ date: new Date(Date.UTC(2040, 0, 1 + next())).toISOString().slice(0, 10) }),
  },
  'PATCH /api/meetings/by-id/:id': {
    expect: [401, 403, 403, 404],
    path: () => '/api/meetings/by-id/999999',
    body: () => ({ place: 'Bonn' }),
  },
  'PATCH /api/meetings/:number': {
    expect: [401, 403, 403, 200],
    path: () => '/api/meetings/40',
    body: () => ({ place: `Bonn ${next()}` }),
  },
  'GET /api/resolutions/:ref': {
    expect: [401, 200, 200, 200],
    path: (o) => `/api/resolutions/${o.resolution}`,
  },
  'GET /api/documents/:id': {
    expect: [401, 200, 200, 200],
    path: (o) => `/api/documents/${o.document}`,
  },
  'GET /api/mandates': { expect: [401, 200, 200, 200], path: () => '/api/mandates' },
  'GET /api/mandates/:id': {
    expect: [401, 200, 403, 200],
    path: (o) => `/api/mandates/${o.nwMandate}`,
  },
  'PATCH /api/mandates/:id': {
    expect: [401, 403, 403, 200],
    path: (o) => `/api/mandates/${o.nwMandate}`,
    body: () => ({ action: `geprüft ${next()}` }),
  },
  'POST /api/mandates': {
    expect: [401, 403, 403, 201],
    path: () => '/api/mandates',
    body: () => ({
      resolution: '2020/32',
      point: 3,
      owners: ['NW'],
      action: `von Hand ${next()}`,
      due: { kind: 'none' },
    }),
  },
  'POST /api/mandates/:id/withdraw': {
    expect: [401, 403, 403, 200],
    path: async (o) => `/api/mandates/${await o.freshMandate()}/withdraw`,
    body: () => ({ reason: 'falsch gelesen' }),
  },
  'GET /api/obligations/:id': {
    expect: [401, 200, 403, 200],
    path: (o) => `/api/obligations/${o.nwObligation}`,
  },
  'PATCH /api/obligations/:id': {
    expect: [401, 403, 403, 200],
    path: (o) => `/api/obligations/${o.nwObligation}`,
    body: () => ({ note: `Notiz ${next()}` }),
  },
  'POST /api/obligations/:id/comments': {
    expect: [401, 403, 403, 201],
    path: (o) => `/api/obligations/${o.nwObligation}/comments`,
    body: () => ({ note: 'Kommentar' }),
  },
  'POST /api/imports': { expect: [401, 403, 403, 201], path: () => '/api/imports', upload: true },
  'GET /api/imports/:id': {
    expect: [401, 403, 403, 200],
    path: async (o) => `/api/imports/${await o.preview()}`,
  },
  'POST /api/imports/:id/commit': {
    expect: [401, 403, 403, 200],
    path: async (o) => `/api/imports/${await o.preview()}/commit`,
  },
  'DELETE /api/imports/:id': {
    expect: [401, 403, 403, 204],
    path: async (o) => `/api/imports/${await o.preview()}`,
  },
  'GET /api/members': { expect: [401, 200, 200, 200], path: () => '/api/members' },
  'POST /api/members': {
    expect: [401, 403, 403, 201],
    path: () => '/api/members',
    body: () => ({
      name: `Arbeitsgruppe Matrix ${next()}`,
      code: `AG-M${next()}`,
      kind: 'working-group',
    }),
  },
  'GET /api/members/:code/obligations': {
    expect: [401, 200, 403, 200],
    path: () => '/api/members/NW/obligations',
  },
  'GET /api/members/:code/calendar.ics': {
    expect: [401, 200, 403, 200],
    path: () => '/api/members/NW/calendar.ics',
    tokenInQuery: true,
  },
  'GET /api/exports/mandates.csv': {
    expect: [401, 200, 200, 200],
    path: () => '/api/exports/mandates.csv',
  },
  'GET /api/exports/obligations.csv': {
    expect: [401, 200, 200, 200],
    path: () => '/api/exports/obligations.csv',
  },
  'GET /api/audit': { expect: [401, 403, 403, 200], path: () => '/api/audit' },
  'GET /api/jobs': { expect: [401, 403, 403, 200], path: () => '/api/jobs?state=failed' },
  'GET /api/jobs/schedules': { expect: [401, 403, 403, 200], path: () => '/api/jobs/schedules' },
  'POST /api/jobs/:name/run': {
    expect: [401, 403, 403, 202],
    path: () => '/api/jobs/digests-daily/run',
  },
  'POST /api/jobs/:id/retry': {
    expect: [401, 403, 403, 404],
    path: () => '/api/jobs/999999/retry',
  },
  'GET /api/members/:code/report': {
    expect: [401, 200, 403, 200],
    path: () => '/api/members/NW/report?format=md',
  },
  'GET /api/members/:code/reports': {
    expect: [401, 200, 403, 200],
    path: () => '/api/members/NW/reports',
  },
  'POST /api/members/:code/reports': {
    expect: [401, 403, 403, 201],
    path: () => '/api/members/NW/reports',
  },
  'GET /api/reports/:id': {
    expect: [401, 200, 403, 200],
    path: (o) => `/api/reports/${o.nwReport}?format=csv`,
  },
  'GET /api/meetings/:number/preparation': {
    expect: [401, 200, 403, 200],
    path: () => '/api/meetings/33/preparation?format=md',
  },
  'GET /api/health': { expect: [200, 200, 200, 200], path: () => '/api/health' },
  // OParl: public and read-only for everyone, outside /api (published here with OPARL_PUBLISH).
  'GET /oparl/v1.1/system': { expect: [200, 200, 200, 200], path: () => '/oparl/v1.1/system' },
  'GET /oparl/v1.1/body': { expect: [200, 200, 200, 200], path: () => '/oparl/v1.1/body' },
  'GET /oparl/v1.1/body/:code': {
    expect: [200, 200, 200, 200],
    path: () => '/oparl/v1.1/body/itplr',
  },
  'GET /oparl/v1.1/body/:code/:list': {
    expect: [200, 200, 200, 200],
    path: () => '/oparl/v1.1/body/itplr/paper',
  },
  'GET /oparl/v1.1/organization/:key': {
    expect: [404, 404, 404, 404],
    path: () => '/oparl/v1.1/organization/member-999999',
  },
  'GET /oparl/v1.1/meeting/:id': {
    expect: [404, 404, 404, 404],
    path: () => '/oparl/v1.1/meeting/999999',
  },
  'GET /oparl/v1.1/meeting/:id/location': {
    expect: [404, 404, 404, 404],
    path: () => '/oparl/v1.1/meeting/999999/location',
  },
  'GET /oparl/v1.1/agenda-item/:key': {
    expect: [404, 404, 404, 404],
    path: () => '/oparl/v1.1/agenda-item/999999',
  },
  'GET /oparl/v1.1/paper/:id': {
    expect: [200, 200, 200, 200],
    path: (o) => `/oparl/v1.1/paper/${o.resolution}`,
  },
  'GET /oparl/v1.1/consultation/:id': {
    expect: [200, 200, 200, 200],
    path: (o) => `/oparl/v1.1/consultation/${o.resolution}`,
  },
  'GET /oparl/v1.1/file/:key': {
    expect: [200, 200, 200, 200],
    path: (o) => `/oparl/v1.1/file/decision-${o.resolution}`,
  },
  'GET /oparl/v1.1/file/:key/content': {
    expect: [200, 200, 200, 200],
    path: (o) => `/oparl/v1.1/file/document-${o.document}/content`,
  },
  'GET /oparl/v1.1/file/:key/download': {
    expect: [200, 200, 200, 200],
    path: (o) => `/oparl/v1.1/file/decision-${o.resolution}/download`,
  },
};

/** "GET /api/mandates/:id" for every handler of every controller, read from Nest's metadata. */
function routeTable(): string[] {
  const routes: string[] = [];
  const mounted = [
    // The API is mounted at /api by the RouterModule (app.module.ts); OParl keeps its own path.
    ...API_CONTROLLERS.map((controller) => ({ controller, prefix: 'api' })),
    ...OPARL_CONTROLLERS.map((controller) => ({ controller, prefix: '' })),
  ];
  for (const { controller, prefix } of mounted) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = controller.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = [prefix, base, path]
        .filter((p) => p && p !== '/')
        .join('/')
        .replace(/\/+/g, '/');
      routes.push(`${RequestMethod[method]} /${full}`);
    }
  }
  return routes.sort();
}

const DECISION =
  'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/90\nTitel\n1. Der IT-Planungsrat bittet die FITKO, bis zur 35. Sitzung zu berichten.\n';

describe('the route table', () => {
  it('has an authorization entry for every route, and no entry without a route', () => {
    expect(routeTable()).toEqual(Object.keys(MATRIX).sort());
  });
});

describe.each(DATABASES)('authorization matrix on %s', (kind) => {
  let api: ApiFixture;
  let auth: Record<Who, string | undefined>;
  let objects: Objects;

  beforeAll(async () => {
    api = await startApi(kind, { OPARL_PUBLISH: 'follow-up' });
    const m = api.db.dataSource.manager;
    const [observer, delegate, secretariat] = await Promise.all([
      api.userWithRole('observer'),
      api.userWithRole('delegate', 'HB'),
      api.userWithRole('secretariat'),
    ]);
    auth = {
      anonymous: undefined,
      observer: observer.auth,
      delegate: delegate.auth,
      secretariat: secretariat.auth,
    };
    const r32 = await m.findOneByOrFail(Resolution, { code: '2020/32' });
    const nwMandate = await m.findOneByOrFail(Mandate, { resolutionId: r32.id, point: 3 });
    const calendarToken = {} as Record<Who, string>;
    for (const who of WHO) {
      if (!auth[who]) continue;
      const res = await api
        .http()
        .post('/api/me/tokens')
        .set('Authorization', auth[who] as string)
        .send({ name: 'cal', kind: 'calendar' });
      calendarToken[who] = res.body.token;
    }
    objects = {
      nwReport: Number(
        (await api.app.get(ReportsService).memberReport('NW', new Date(), 'http://test', true)).id,
      ),
      nwMandate: nwMandate.id,
      nwObligation: (await m.findOneByOrFail(Obligation, { mandateId: nwMandate.id, owner: 'NW' }))
        .id,
      resolution: r32.id,
      document: (await m.find(SourceDocument, { take: 1 }))[0].id,
      someUser: (await m.findOneByOrFail(User, { email: observer.email })).id,
      preview: async () => {
        const res = await api
          .http()
          .post('/api/imports')
          .set('Authorization', auth.secretariat as string)
          .attach(
            'file',
            Buffer.from(DECISION.replace('2021/90', `2021/${100 + next()}`)),
            'd.txt',
          );
        return res.body.id as number;
      },
      freshMandate: async () => {
        const res = await api
          .http()
          .post('/api/mandates')
          .set('Authorization', auth.secretariat as string)
          .send({
            resolution: '2020/32',
            point: 3,
            owners: ['NW'],
            action: `zurückzuziehen ${next()}`,
            due: { kind: 'none' },
          });
        return res.body.id as number;
      },
      calendarToken,
    };
  }, 60_000);
  afterAll(() => api?.close());

  it('words its refusals in German: sign-in, role, another member, a wrong value', async () => {
    const get = (path: string, who?: Who) => {
      const req = api.http().get(path);
      return who && auth[who] ? req.set('Authorization', auth[who] as string) : req;
    };
    expect((await get('/api/jobs').expect(401)).body.message).toBe(
      'Bitte melden Sie sich zuerst an (Authorization: Bearer <token>).',
    );
    expect((await get('/api/jobs', 'delegate').expect(403)).body.message).toBe(
      'Dafür braucht es die Rolle „Geschäftsstelle“ (secretariat).',
    );
    expect(
      (await get(`/api/mandates/${objects.nwMandate}`, 'delegate').expect(403)).body.message,
    ).toBe(`Der Auftrag ${objects.nwMandate} gehört zu einem anderen Mitglied.`);
    expect((await get('/api/jobs?state=kaputt', 'secretariat').expect(400)).body.message).toMatch(
      /^state: erlaubt sind .*failed/,
    );
    expect((await get('/api/mandates/999999', 'secretariat').expect(404)).body.message).toBe(
      'Einen Auftrag 999999 gibt es nicht.',
    );
  });

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const entry = MATRIX[route];
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    for (const [index, who] of WHO.entries()) {
      const expected = entry.expect[index];
      let path = await entry.path(objects);
      if (entry.tokenInQuery && who !== 'anonymous') path += `?token=${objects.calendarToken[who]}`;
      const before = expected >= 400 ? await databaseFingerprint(api.db.dataSource) : undefined;
      let call = api.http()[method](path);
      if (auth[who] && !entry.tokenInQuery) call = call.set('Authorization', auth[who] as string);
      if (entry.upload)
        call = call.attach(
          'file',
          Buffer.from(DECISION.replace('2021/90', `2021/${200 + next()}`)),
          'upload.txt',
        );
      else if (entry.body) call = call.send(entry.body(who));
      const res = await call;
      expect(`${who}: ${res.status}`).toBe(`${who}: ${expected}`);
      if (before !== undefined) expect(await databaseFingerprint(api.db.dataSource)).toBe(before);
    }
  });
});
