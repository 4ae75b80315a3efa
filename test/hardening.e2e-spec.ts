import { IsNull, Not } from 'typeorm';
import { Mandate, Obligation, User } from '@app/persistence';
import { ADMIN, apiForSuite, PASSWORD, startApi } from './support/api-app';
import { DATABASES } from './support/test-database';
import { until } from './support/until';

// What an attacker's and a newcomer's run found (issue 11), each kept from coming back.
describe.each(DATABASES)('hardening on %s', (kind) => {
  const api = apiForSuite(kind);

  const patchUser = (id: number, body: object) =>
    api.asAdmin().patch(`/api/users/${id}`).send(body);
  const idOf = async (email: string) =>
    (await api.db.dataSource.getRepository(User).findOneByOrFail({ email })).id;
  const adminId = () => idOf(ADMIN.email);

  describe('accounts', () => {
    it('refuses to demote or disable the last active secretariat account (409), allows it once there is another', async () => {
      const id = await adminId();
      const demote = await patchUser(id, { role: 'observer' }).expect(409);
      expect(demote.body.message).toContain('das letzte aktive Konto der Geschäftsstelle');
      await patchUser(id, { active: false }).expect(409);
      // Still the secretariat: it can administer.
      await api.asAdmin().get('/api/users').expect(200);

      const { email } = await api.userWithRole('secretariat');
      const second = await idOf(email);
      await patchUser(second, { role: 'observer' }).expect(200);
      // A disabled secretariat does not count either.
      const { email: third } = await api.userWithRole('secretariat');
      await patchUser(await idOf(third), { active: false }).expect(200);
      await patchUser(id, { active: false }).expect(409);
    });

    it('judges the next request of a demoted or disabled account by what it is now, not by its token', async () => {
      const { email, auth } = await api.userWithRole('secretariat');
      const id = await idOf(email);
      await api.as(auth).get('/api/users').expect(200);
      await patchUser(id, { role: 'observer' }).expect(200);
      await api.as(auth).get('/api/users').expect(403);
      await api.as(auth).get('/api/mandates').expect(200);
      await patchUser(id, { active: false }).expect(200);
      await api.as(auth).get('/api/mandates').expect(401);
    });

    it('changes one’s own password: the current one is needed, every other sign-in and token ends', async () => {
      const { email, auth: first } = await api.userWithRole('delegate', 'HB');
      const second = await api.bearer(email);
      const personal = (
        await api.as(first).post('/api/me/tokens').send({ name: 'script' }).expect(201)
      ).body.token as string;
      await api.as(`Bearer ${personal}`).get('/api/me').expect(200);

      const wrong = await api
        .as(first)
        .post('/api/me/password')
        .send({ currentPassword: 'not-the-password', newPassword: 'a-new-long-password' })
        .expect(422);
      expect(wrong.body.message).toBe('currentPassword: Das ist nicht Ihr jetziges Passwort.');
      const short = await api
        .as(first)
        .post('/api/me/password')
        .send({ currentPassword: PASSWORD, newPassword: 'short' })
        .expect(400);
      expect(short.body.message).toEqual(['newPassword: mindestens 12 Zeichen.']);
      await api.as(second).get('/api/me').expect(200);

      const changed = await api
        .as(first)
        .post('/api/me/password')
        .send({ currentPassword: PASSWORD, newPassword: 'a-new-long-password' })
        .expect(200);
      expect(changed.body.revokedTokens).toBe(1);
      for (const old of [first, second, `Bearer ${personal}`])
        await api.as(old).get('/api/me').expect(401);
      await api
        .as(`Bearer ${changed.body.accessToken as string}`)
        .get('/api/me')
        .expect(200);
      await api.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
      await api.bearer(email, 'a-new-long-password');
    });

    it('a password the secretariat sets ends the account’s earlier sign-ins too', async () => {
      const { email, auth } = await api.userWithRole('observer');
      const id = await idOf(email);
      await patchUser(id, { password: 'set-by-the-office' }).expect(200);
      await api.as(auth).get('/api/me').expect(401);
      await api.bearer(email, 'set-by-the-office');
    });

    it('opens the calendar feed with calendar tokens only, not with API or access tokens', async () => {
      const { auth } = await api.userWithRole('delegate', 'HB');
      const create = async (kind: string) =>
        (await api.as(auth).post('/api/me/tokens').send({ name: kind, kind }).expect(201)).body
          .token as string;
      const calendar = await create('calendar');
      const script = await create('api');
      await api.http().get(`/api/members/HB/calendar.ics?token=${calendar}`).expect(200);
      const refused = await api
        .http()
        .get(`/api/members/HB/calendar.ics?token=${script}`)
        .expect(401);
      expect(refused.body.message).toContain('Kalender-Schlüssel');
      await api
        .http()
        .get(`/api/members/HB/calendar.ics?token=${auth.slice('Bearer '.length)}`)
        .expect(401);
    });
  });

  describe('input', () => {
    it('caps page (400 naming it) instead of handing the database an offset it cannot take', async () => {
      for (const path of ['/api/mandates', '/api/audit']) {
        const res = await api.asAdmin().get(`${path}?page=100000000000000000000`).expect(400);
        expect(JSON.stringify(res.body.message)).toContain('page: höchstens 100000');
        expect(JSON.stringify(res.body)).not.toMatch(/SELECT|OFFSET|at .*\.js/);
      }
      await api.asAdmin().get('/api/mandates?page=100000').expect(200);
    });

    it('refuses mandate corrections to a session outside the calendar or an owner nobody knows, naming the value', async () => {
      const mandate = (
        await api.db.dataSource.getRepository(Mandate).find({ order: { id: 'ASC' } })
      )[0];
      const before = await api.db.dataSource
        .getRepository(Mandate)
        .findOneByOrFail({ id: mandate.id });
      const session = await api
        .asAdmin()
        .patch(`/api/mandates/${mandate.id}`)
        .send({ due: { kind: 'meeting', meeting: 999 } })
        .expect(400);
      expect(session.body.message).toContain(
        'due.meeting: Die 999. Sitzung steht nicht im Sitzungskalender',
      );
      const owner = await api
        .asAdmin()
        .patch(`/api/mandates/${mandate.id}`)
        .send({ owners: ['HB', 'Atlantis'] })
        .expect(400);
      expect(owner.body.message).toContain(
        'owners[1]: „Atlantis“ ist weder das Kürzel noch der Name eines Mitglieds',
      );
      // Nothing of either was written.
      expect(
        await api.db.dataSource.getRepository(Mandate).findOneByOrFail({ id: mandate.id }),
      ).toEqual(before);
      // A member's name is taken to its code.
      await api
        .asAdmin()
        .patch(`/api/mandates/${mandate.id}`)
        .send({ owners: ['Bremen'], due: { kind: 'meeting', meeting: 40 } })
        .expect(200);
      const after = await api.db.dataSource
        .getRepository(Mandate)
        .findOneByOrFail({ id: mandate.id });
      expect({ owners: after.owners, due: after.dueMeeting }).toEqual({ owners: ['HB'], due: 40 });
    });

    it('refuses empty comments, job runs with unknown fields or a bad now, and audit ids that are no ids', async () => {
      const obligation = await api.db.dataSource
        .getRepository(Obligation)
        .findOneByOrFail({ owner: 'HB' });
      for (const note of ['', '   '])
        expect(
          (
            await api
              .asAdmin()
              .post(`/api/obligations/${obligation.id}/comments`)
              .send({ note })
              .expect(400)
          ).body.message,
        ).toEqual(['note darf nicht leer sein.']);

      const run = (body: object) => api.asAdmin().post('/api/jobs/overdue-scan/run').send(body);
      expect((await run({ force: true }).expect(400)).body.message).toEqual([
        'Das Feld „force“ gibt es hier nicht.',
      ]);
      expect((await run({ now: 'yesterday' }).expect(400)).body.message).toEqual([
        'now: erwartet wird ein Datum (JJJJ-MM-TT) oder ein Zeitpunkt nach ISO 8601.',
      ]);
      await run({ now: '2026-11-30T06:00:00Z' }).expect(202);

      const audit = (query: string) => api.asAdmin().get(`/api/audit?${query}`);
      expect((await audit('entityId=abc').expect(400)).body.message[0]).toContain(
        'entityId braucht auch entity oder action',
      );
      expect((await audit('entity=obligation&entityId=abc').expect(400)).body.message).toEqual([
        'entityId: Bei obligation ist das eine positive ganze Zahl, nicht „abc“.',
      ]);
      expect((await audit('entity=nothing').expect(400)).body.message[0]).toContain(
        'entity: erlaubt sind',
      );
      await audit(`entity=obligation&entityId=${obligation.id}`).expect(200);
      await audit(`action=obligation.status&entityId=${obligation.id}`).expect(200);
      await audit('entity=member&entityId=HB').expect(200);
    });
  });
});

describe('first start', () => {
  it('flags what is overdue right after seeding and the sample ingest, not only after a restart', async () => {
    const api = await startApi('sqlite', {}, undefined, { realFirstStart: true });
    try {
      // The sample's deadlines (sessions 33 and 34, in 2020 and 2021) are long past.
      await until(
        async () =>
          (await api.db.dataSource
            .getRepository(Obligation)
            .countBy({ overdueSince: Not(IsNull()) })) > 0,
        10_000,
        'the overdue scan after the first start',
      );
    } finally {
      await api.close();
    }
  });
});
