import request from 'supertest';
import { Mandate, Obligation, StoredReport, User } from '@app/persistence';
import { REPORTS_KEPT } from '@app/jobs';
import { ADMIN, apiForSuite, PASSWORD, type ApiFixture } from './support/api-app';
import { DATABASES } from './support/test-database';

type Agent = ReturnType<typeof request.agent>;

/** The session cookie a sign-in set, as a browser would send it back. */
function sessionCookie(setCookie: string[] | string | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = all.find((c) => c.startsWith('mt_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0];
}

/** Signs in through the pages; gives the agent and a copy of its session cookie. */
async function signInPages(
  api: ApiFixture,
  email: string,
  password: string,
): Promise<{ agent: Agent; cookie: string; csrf: string }> {
  const agent = request.agent(api.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const signedIn = await agent
    .post('/login')
    .type('form')
    .send({ email, password, _csrf: loginCsrf })
    .expect(303);
  const cookie = sessionCookie(signedIn.headers['set-cookie']);
  const page = await agent.get('/settings').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return { agent, cookie, csrf };
}

// What an attacker's run found (issue 16), each kept from coming back.
describe.each(DATABASES)('security on %s', (kind) => {
  const api = apiForSuite(kind);

  const idOf = async (email: string) =>
    (await api.db.dataSource.getRepository(User).findOneByOrFail({ email })).id;

  describe('sign-in throttle', () => {
    it('checks at most five of 25 parallel wrong passwords for one account; the rest wait (429)', async () => {
      const { email } = await api.userWithRole('observer');
      const answers = await Promise.all(
        Array.from({ length: 25 }, () =>
          api.http().post('/api/auth/login').send({ email, password: 'wrong-password-guess' }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      // The right password waits too, until the window has passed.
      await api.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(429);
    });

    it('a correct password takes its own attempt back: five right sign-ins in a row all pass', async () => {
      const { email } = await api.userWithRole('observer');
      for (let i = 0; i < 6; i++)
        await api.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    });

    it('checks at most five of 25 parallel wrong current passwords in a password change', async () => {
      const { auth } = await api.userWithRole('observer');
      const answers = await Promise.all(
        Array.from({ length: 25 }, () =>
          api
            .as(auth)
            .post('/api/me/password')
            .send({ currentPassword: 'wrong-password-guess', newPassword: 'a-new-long-password' }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 422).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s !== 422 && s !== 429)).toEqual([]);
    });
  });

  describe('a password set by the secretariat', () => {
    it('ends personal and calendar tokens and page sessions of the account', async () => {
      const { email, auth } = await api.userWithRole('delegate', 'HB');
      const token = async (kindOfToken: 'api' | 'calendar') =>
        (
          await api
            .as(auth)
            .post('/api/me/tokens')
            .send({ name: kindOfToken, kind: kindOfToken })
            .expect(201)
        ).body.token as string;
      const personal = await token('api');
      const calendar = await token('calendar');
      const { cookie } = await signInPages(api, email, PASSWORD);
      await api.as(`Bearer ${personal}`).get('/api/me').expect(200);
      await api.http().get(`/api/members/HB/calendar.ics?token=${calendar}`).expect(200);
      await api.http().get('/me').set('Cookie', cookie).expect(200);

      await api
        .asAdmin()
        .patch(`/api/users/${await idOf(email)}`)
        .send({ password: 'set-by-the-office-123' })
        .expect(200);

      await api.as(`Bearer ${personal}`).get('/api/me').expect(401);
      await api.http().get(`/api/members/HB/calendar.ics?token=${calendar}`).expect(401);
      const page = await api.http().get('/me').set('Cookie', cookie).expect(303);
      expect(page.headers.location).toMatch(/^\/login/);
    });
  });

  describe('signing out', () => {
    it('ends the session on the server: a copy of the cookie opens nothing and changes nothing', async () => {
      const { email } = await api.userWithRole('delegate', 'HB');
      const { agent, cookie, csrf } = await signInPages(api, email, PASSWORD);
      const hbObligation = await api.db.dataSource
        .getRepository(Obligation)
        .findOneByOrFail({ owner: 'HB', status: 'open' });
      await api.http().get('/me').set('Cookie', cookie).expect(200);

      await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303);

      const page = await api.http().get('/me').set('Cookie', cookie).expect(303);
      expect(page.headers.location).toMatch(/^\/login/);
      const change = await api
        .http()
        .post(`/obligations/${hbObligation.id}`)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, status: 'in_progress' });
      expect(change.status).toBe(303);
      expect(change.headers.location).toMatch(/^\/login/);
      const after = await api.db.dataSource
        .getRepository(Obligation)
        .findOneByOrFail({ id: hbObligation.id });
      expect(after.status).toBe('open');
    });

    it('disabling an account ends its page sessions', async () => {
      const { email } = await api.userWithRole('observer');
      const { cookie } = await signInPages(api, email, PASSWORD);
      await api
        .asAdmin()
        .patch(`/api/users/${await idOf(email)}`)
        .send({ active: false })
        .expect(200);
      expect((await api.http().get('/overview').set('Cookie', cookie)).status).toBe(303);
    });
  });

  describe('filters of a delegate', () => {
    it("tell nothing about another member's status (API lists and CSV exports)", async () => {
      const { auth } = await api.userWithRole('delegate', 'HB');
      const repo = api.db.dataSource.getRepository(Obligation);
      const shared = (await api.db.dataSource.getRepository(Mandate).find()).find(
        (m) => m.owners.includes('HB') && m.owners.includes('BY'),
      ) as Mandate;
      const by = await repo.findOneByOrFail({ mandateId: shared.id, owner: 'BY' });
      const queries = [
        '/api/mandates?owner=BY&status=open',
        '/api/mandates?owner=BY&status=in_progress',
        '/api/mandates?status=open',
        '/api/mandates?status=in_progress',
        '/api/mandates?overdue=true',
        '/api/mandates?overdue=false',
        '/api/exports/mandates.csv?status=in_progress',
        '/api/exports/mandates.csv?overdue=true',
        '/api/exports/obligations.csv?status=in_progress',
        '/api/exports/obligations.csv?owner=BY&overdue=true',
      ];
      const seen = async () => {
        const answers: string[] = [];
        for (const q of queries) {
          const res = await api.as(auth).get(q).expect(200);
          answers.push(
            q.includes('.csv')
              ? res.text
              : JSON.stringify(res.body.items.map((i: { id: number }) => i.id)),
          );
        }
        return answers;
      };
      await repo.update(by.id, { status: 'open', overdueSince: null });
      const before = await seen();
      await repo.update(by.id, { status: 'in_progress', overdueSince: '2020-01-01' });
      const after = await seen();
      expect(after).toEqual(before);
      // The secretariat sees the change, so the filters themselves work.
      const staff = await api
        .asAdmin()
        .get('/api/mandates?owner=BY&status=in_progress')
        .expect(200);
      expect(staff.body.items.map((i: { id: number }) => i.id)).toContain(shared.id);
    });
  });

  describe('request bodies', () => {
    const deep = (levels: number) =>
      `{"email":${'['.repeat(levels)}${']'.repeat(levels)},"password":"x"}`;

    it('refuses a deeply nested body with a 400 that says so, also before sign-in', async () => {
      const res = await api
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(deep(40_000));
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('zu tief verschachtelt');
      await api.http().get('/api/health').expect(200);
    });

    it.each(['__proto__', 'constructor', 'prototype'])(
      'refuses a %s key like any unknown field (400 naming it), anywhere in the body',
      async (key) => {
        const top = await api
          .http()
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send(`{"email":"a@b.de","password":"x","${key}":{"role":"secretariat"}}`);
        expect(top.status).toBe(400);
        expect(top.body.message).toContain(`„${key}“`);
        const { auth } = await api.userWithRole('observer');
        const nested = await api
          .as(auth)
          .patch('/api/me')
          .set('Content-Type', 'application/json')
          .send(`{"digestFrequency":"daily","x":{"${key}":{"a":1}}}`);
        expect(nested.status).toBe(400);
        expect(nested.body.message).toContain(`x.${key}`);
      },
    );
  });

  describe('reports', () => {
    const stored = () => api.db.dataSource.getRepository(StoredReport).count();

    it('reading a report writes nothing; keeping one is asked for and bounded', async () => {
      const { auth: observer } = await api.userWithRole('observer');
      const before = await stored();
      for (let i = 0; i < 3; i++) {
        await api.as(observer).get('/api/members/HB/report?format=md').expect(200);
        await api.as(observer).get('/api/meetings/33/preparation?format=csv').expect(200);
      }
      expect(await stored()).toBe(before);
      await api.as(observer).post('/api/members/HB/reports').expect(403);

      const kept = await api.asAdmin().post('/api/members/HB/reports').expect(201);
      expect(await stored()).toBe(before + 1);
      await api.as(observer).get(`/api/reports/${kept.body.id}?format=md`).expect(200);
      for (let i = 0; i < REPORTS_KEPT + 2; i++)
        await api.asAdmin().post('/api/members/HB/reports').expect(201);
      expect(
        await api.db.dataSource
          .getRepository(StoredReport)
          .countBy({ kind: 'member', subject: 'HB' }),
      ).toBe(REPORTS_KEPT);
    });
  });

  describe('the same check-then-act elsewhere', () => {
    it('commits an import once when the commit is sent five times at once', async () => {
      const text =
        'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/77\nTitel\n1. Der IT-Planungsrat bittet die FITKO, bis zur 35. Sitzung zu berichten.\n';
      const preview = await api.upload(api.admin, text, 'beschluss-2021-77.txt').expect(201);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          api.asAdmin().post(`/api/imports/${preview.body.id}/commit`),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(4);
      const commits = await api.db.dataSource.query(
        `SELECT COUNT(*) AS n FROM "audit_event" WHERE "action" = 'import.commit' AND "entityId" = '${preview.body.id}'`,
      );
      expect(Number(commits[0].n)).toBe(1);
    });

    it('writes one of two status changes sent at once, and the history agrees with the status', async () => {
      const { auth } = await api.userWithRole('delegate', 'HB');
      const repo = api.db.dataSource.getRepository(Obligation);
      const target = await repo.findOneByOrFail({ owner: 'HB', status: 'open' });
      const answers = await Promise.all(
        (['in_progress', 'reported'] as const).map((status) =>
          api.as(auth).patch(`/api/obligations/${target.id}`).send({ status }),
        ),
      );
      const ok = answers.filter((a) => a.status === 200);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      const history = await api.db.dataSource.query(
        `SELECT "fromStatus", "toStatus" FROM "obligation_event" WHERE "obligationId" = ${target.id} AND "type" = 'status' ORDER BY "id"`,
      );
      // Every acknowledged change is in the history, each starting where the previous one ended.
      expect(history).toHaveLength(ok.length);
      expect(history[0].fromStatus).toBe('open');
      for (let i = 1; i < history.length; i++)
        expect(history[i].fromStatus).toBe(history[i - 1].toStatus);
      expect((await repo.findOneByOrFail({ id: target.id })).status).toBe(
        history[history.length - 1].toStatus,
      );
      for (const refused of answers.filter((a) => a.status !== 200))
        expect(refused.status).toBe(409);
    });
  });

  // Last: it may leave the first account demoted.
  describe('the last secretariat account', () => {
    it('survives two secretariats demoting each other at the same moment', async () => {
      const others = await api.db.dataSource
        .getRepository(User)
        .findBy({ role: 'secretariat', active: true });
      for (const other of others.filter((u) => u.email !== ADMIN.email))
        await api.db.dataSource.getRepository(User).update(other.id, { role: 'observer' });
      const second = await api.userWithRole('secretariat');
      const answers = await Promise.all([
        api
          .asAdmin()
          .patch(`/api/users/${await idOf(second.email)}`)
          .send({ role: 'observer' }),
        api
          .as(second.auth)
          .patch(`/api/users/${await idOf(ADMIN.email)}`)
          .send({ role: 'observer' }),
      ]);
      // One wins; the other is refused as the last one (409), or, if it came in after the
      // winner had finished, as no longer secretariat (403).
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(
        await api.db.dataSource.getRepository(User).countBy({ role: 'secretariat', active: true }),
      ).toBe(1);
    });
  });
});
