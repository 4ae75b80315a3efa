import { join } from 'node:path';
import { AuditEvent, Mandate, Obligation, Resolution } from '@app/persistence';
import { decisionText, storeDecision } from './factories/decision-text.factory';
import { ADMIN, apiForSuite } from './support/api-app';
import { ROOT } from './support/seed-data';
import { DATABASES, tableCounts } from './support/test-database';

interface Item {
  id: number;
  resolution: string;
  point: number;
  owners: Array<{ owner: string; status: string; obligationId: number }>;
  due: { kind: string; meeting?: number; on?: string };
}

// One API per database for the suite (starting it is the slow part); each test brings the data it
// changes (its own decisions, accounts, sessions), so any test runs alone (-t) and in any order.
describe.each(DATABASES)('tracking API on %s', (kind) => {
  const api = apiForSuite(kind);

  const mandate = async (code: string, point: number): Promise<Mandate> => {
    const r = await api.db.dataSource.manager.findOneByOrFail(Resolution, { code });
    return api.db.dataSource.manager.findOneByOrFail(Mandate, { resolutionId: r.id, point });
  };
  const obligationOf = async (code: string, point: number, owner: string): Promise<Obligation> =>
    api.db.dataSource.manager.findOneByOrFail(Obligation, {
      mandateId: (await mandate(code, point)).id,
      owner,
    });

  describe('sign-in', () => {
    it('answers wrong credentials with one generic message, and signs in the first account', async () => {
      const wrong = await api
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN.email, password: 'not-the-password' })
        .expect(401);
      const unknown = await api
        .http()
        .post('/api/auth/login')
        .send({ email: 'nobody@test.de', password: 'whatever-it-is' })
        .expect(401);
      expect(wrong.body.message).toBe('E-Mail-Adresse oder Passwort ist falsch.');
      expect(unknown.body.message).toBe(wrong.body.message);
      await api.http().get('/api/mandates').expect(401);
      const ok = await api.asAdmin().get('/api/mandates?includeTotal=true').expect(200);
      // The sample's 22 and whatever other tests stored before this one.
      expect(ok.body.total).toBeGreaterThanOrEqual(22);
      expect(ok.body.total).toBe(await api.db.dataSource.getRepository(Mandate).count());
    });

    it('throttles repeated failures for an account', async () => {
      const { email } = await api.userWithRole('observer');
      for (let i = 0; i < 5; i++)
        await api
          .http()
          .post('/api/auth/login')
          .send({ email, password: 'wrong-password-1' })
          .expect(401);
      const blocked = await api
        .http()
        .post('/api/auth/login')
        .send({ email, password: 'a-long-enough-password' })
        .expect(429);
      expect(blocked.body.message).toMatch(
        /Zu viele fehlgeschlagene Anmeldungen; bitte versuchen Sie es in \d+ Sekunden erneut/,
      );
    });

    it('never stores or returns passwords, and logs failed sign-ins without them', async () => {
      const { email } = await api.userWithRole('observer');
      await api
        .http()
        .post('/api/auth/login')
        .send({ email, password: 'not-the-password' })
        .expect(401);
      const users = await api.asAdmin().get('/api/users').expect(200);
      expect(JSON.stringify(users.body)).not.toMatch(/password|scrypt/i);
      const audit = await api.db.dataSource.getRepository(AuditEvent).find();
      expect(JSON.stringify(audit)).not.toContain('not-the-password');
      expect(audit.some((e) => e.action === 'auth.login_failed' && e.actor === email)).toBe(true);
    });

    it('accepts a personal token until it is revoked', async () => {
      const { auth } = await api.userWithRole('secretariat');
      const created = await api
        .as(auth)
        .post('/api/me/tokens')
        .send({ name: 'Skript', expiresInDays: 30 })
        .expect(201);
      const token = created.body.token as string;
      expect(token).toMatch(/^mt_/);
      await api.as(`Bearer ${token}`).get('/api/meetings').expect(200);
      const list = await api.as(auth).get('/api/me/tokens').expect(200);
      expect(JSON.stringify(list.body)).not.toContain(token);
      await api.as(auth).delete(`/api/me/tokens/${created.body.view.id}`).expect(204);
      await api.as(`Bearer ${token}`).get('/api/meetings').expect(401);
    });
  });

  describe('a delegate of Bremen', () => {
    let hb: string;
    beforeAll(async () => {
      hb = (await api.userWithRole('delegate', 'HB')).auth;
    });

    it("sees Bremen's mandates and nothing of Nordrhein-Westfalen's alone", async () => {
      const res = await api.as(hb).get('/api/mandates?pageSize=100&includeTotal=true').expect(200);
      const items = res.body.items as Item[];
      expect(items.length).toBeGreaterThan(0);
      // Its own obligation on each mandate; the other owners by name only, no status of theirs.
      for (const m of items) expect(m.owners.map((o) => o.owner)).toEqual(['HB']);
      expect(items.find((m) => `${m.resolution}.${m.point}` === '2020/23.4')).toMatchObject({
        allOwners: ['HB', 'BY'],
      });
      expect(items.map((m) => `${m.resolution}.${m.point}`)).not.toContain('2020/32.3');
      const mine = await api.as(hb).get('/api/me/obligations?includeTotal=true').expect(200);
      expect(mine.body.total).toBe(res.body.total);
    });

    it("is refused NW's obligation, and the refusal is audited", async () => {
      const nw = await obligationOf('2020/32', 3, 'NW');
      await api.as(hb).get(`/api/obligations/${nw.id}`).expect(403);
      const before = await tableCounts(api.db.dataSource);
      await api
        .as(hb)
        .patch(`/api/obligations/${nw.id}`)
        .send({ status: 'in_progress' })
        .expect(403);
      const after = await tableCounts(api.db.dataSource);
      expect({ ...after, audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
      const denied = await api
        .asAdmin()
        .get(`/api/audit?action=access.denied&entityId=${nw.id}`)
        .expect(200);
      expect(denied.body.total).toBeGreaterThanOrEqual(2);
    });

    /** An obligation of Bremen's on a decision of its own, still open. */
    const ownObligation = async () => {
      const id = await storeDecision(
        api,
        decisionText(['Der IT-Planungsrat bittet Bremen, bis zur 45. Sitzung zu berichten.']),
      );
      return obligationOf(id, 1, 'HB');
    };

    it('reports its own obligation with a note and a link, and sees the history', async () => {
      const own = await ownObligation();
      const res = await api
        .as(hb)
        .patch(`/api/obligations/${own.id}`)
        .send({
          status: 'reported',
          note: 'Bericht übermittelt',
          link: 'https://www.bremen.de/bericht.pdf',
        })
        .expect(200);
      expect(res.body.status).toBe('reported');
      expect(
        res.body.history.map((h: { type: string; toStatus: string }) => `${h.type}:${h.toStatus}`),
      ).toEqual(['created:open', 'status:reported']);
      expect(res.body.history[1]).toMatchObject({
        note: 'Bericht übermittelt',
        link: 'https://www.bremen.de/bericht.pdf',
      });
      const audit = await api
        .asAdmin()
        .get(`/api/audit?action=obligation.status&entityId=${own.id}`)
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({
        before: { status: 'open' },
        after: { status: 'reported' },
      });
    });

    it('is told which transitions are allowed when it tries another', async () => {
      const own = await ownObligation();
      await api.as(hb).patch(`/api/obligations/${own.id}`).send({ status: 'reported' }).expect(200);
      const res = await api
        .as(hb)
        .patch(`/api/obligations/${own.id}`)
        .send({ status: 'done' })
        .expect(409);
      expect(res.body.message).toBe(
        'Der Status kann nicht von „berichtet“ (reported) zu „erledigt“ (done) wechseln; möglich ist „in Bearbeitung“ (in_progress).',
      );
    });

    it('cannot send read-only or unknown fields; nothing changes', async () => {
      const own = await obligationOf('2020/23', 3, 'HB');
      const before = await tableCounts(api.db.dataSource);
      const res = await api
        .as(hb)
        .patch(`/api/obligations/${own.id}`)
        .send({ status: 'in_progress', member: 'NW', id: 1 })
        .expect(400);
      expect(res.body.message).toEqual(
        expect.arrayContaining([
          'Das Feld „member“ gibt es hier nicht.',
          'Das Feld „id“ gibt es hier nicht.',
        ]),
      );
      expect(await tableCounts(api.db.dataSource)).toEqual(before);
    });
  });

  describe('the secretariat', () => {
    /** A mandate of Bremen and Bavaria on a decision of its own, and a later version of its text. */
    const sharedMandate = async () => {
      const decision = decisionText([
        'Der IT-Planungsrat bittet Bremen und Bayern, bis zur 45. Sitzung einen Bericht vorzulegen.',
      ]);
      await storeDecision(api, decision);
      const corrected = { ...decision, text: decision.text.replace('Testbeschluss', 'Beschluss') };
      return { mandate: await mandate(decision.id, 1), laterVersion: corrected };
    };
    const correct = (id: number) =>
      api
        .asAdmin()
        .patch(`/api/mandates/${id}`)
        .send({ owners: ['HB'], note: 'Bayern nur beteiligt' })
        .expect(200);

    it('corrects a mandate; the original stays and a re-ingest does not undo it', async () => {
      const { mandate: m, laterVersion } = await sharedMandate();
      const res = await correct(m.id);
      expect(res.body.corrected).toBe(true);
      expect(res.body.extracted.owners).toEqual(['HB', 'BY']);
      expect(
        res.body.obligations.map(
          (o: { owner: string; status: string }) => `${o.owner}:${o.status}`,
        ),
      ).toEqual(['HB:open', 'BY:superseded']);

      const upload = await api.upload(api.admin, laterVersion.text, laterVersion.file).expect(201);
      const commit = await api.asAdmin().post(`/api/imports/${upload.body.id}/commit`).expect(200);
      expect(commit.body.status).toBe('updated');
      const after = await api.asAdmin().get(`/api/mandates/${m.id}`).expect(200);
      expect(after.body.owners.map((o: { owner: string }) => o.owner)).toEqual(['HB', 'BY']);
      expect(after.body.obligations.find((o: { owner: string }) => o.owner === 'BY').status).toBe(
        'superseded',
      );
    });

    it('previews an upload without storing it, then commits it once', async () => {
      const file = join(ROOT, 'test', 'fixtures', 'extraction', '27-web-decision-pdf.pdf');
      const before = await tableCounts(api.db.dataSource);
      const preview = await api.asAdmin().post('/api/imports').attach('file', file).expect(201);
      expect(preview.body).toMatchObject({
        fileName: '27-web-decision-pdf.pdf',
        format: 'decision',
        meeting: 34,
      });
      expect(preview.body.mandates.length).toBe(2);
      const afterPreview = await tableCounts(api.db.dataSource);
      expect({ ...afterPreview, import_preview: 0 }).toEqual({ ...before, import_preview: 0 });
      const commit = await api.asAdmin().post(`/api/imports/${preview.body.id}/commit`).expect(200);
      expect(commit.body).toMatchObject({ status: 'created', mandates: 2 });
      await api.asAdmin().post(`/api/imports/${preview.body.id}/commit`).expect(409);
      // The PDF is read in a process of its own: seconds on a loaded machine.
    }, 60_000);

    it('reports a point that asks someone but yields no mandate, and doubt about a whole text', async () => {
      const text = [
        'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/91',
        'Mittel',
        '1. Für die Umsetzung wird gebeten, die nötigen Mittel rechtzeitig bereitzustellen.',
        '2. Der IT-Planungsrat bittet Bremen, bis zur 35. Sitzung zu berichten.',
        '',
      ].join('\n');
      const preview = (await api.upload(api.admin, text, 'mittel.txt').expect(201)).body;
      expect(preview.possibleMisses).toEqual([
        expect.objectContaining({ resolution: '2021/91', point: 1, line: 3, word: 'gebeten' }),
      ]);
      expect(preview.extraction.possibleMisses[0].reason).toMatch(/^Diese Ziffer enthält/);
      expect(preview.shapeDoubt).toBeNull();

      // Two record headings without a result line each: where one decision ends is not known.
      const page = [
        'Sitzung des Bauausschusses vom 04.06.2024',
        'Vorlage 2024/0117 Schulhof',
        'Die Verwaltung wird beauftragt, den Schulhof zu begrünen.',
        'Vorlage 2024/0121 Brücke',
        'Der Ausschuss bittet die Verwaltung, die Brücke zu prüfen.',
        '',
      ].join('\n');
      const doubtful = (await api.upload(api.admin, page, 'stadtrat.txt').expect(201)).body;
      expect(doubtful.shapeDoubt).toMatch(/^Der Text nennt 2 Vorlagen- oder Tagesordnungsnummern/);
      for (const m of doubtful.mandates) expect(m.uncertain).toContain('shape-unknown');
    });

    it('marks an owner the registry does not know, lists uncertain readings first, and registers the owner', async () => {
      const text = [
        'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/90',
        'Zusammenarbeit mit der Koordinierungsstelle',
        '1. Der IT-Planungsrat bittet die Koordinierungsstelle für IT-Standards, bis zur 35. Sitzung einen Bericht zum Stand der Standards vorzulegen.',
        '2. Der IT-Planungsrat bittet den Bund, die Länder zu unterrichten.',
        '3. Er bittet sie, dabei die Kommunen einzubeziehen.',
        '',
      ].join('\n');
      const upload = () => api.upload(api.admin, text, 'kosit.txt').expect(201);
      const preview = (await upload()).body;
      expect(preview.newOwners).toEqual(['Koordinierungsstelle für IT-Standards']);
      expect(preview.mandates.map((m: { owners: string[] }) => m.owners)).toEqual([
        ['Koordinierungsstelle für IT-Standards'],
        ['Bund'],
        ['Bund'],
      ]);
      expect(preview.mandates[2]).toMatchObject({
        basis: 'request',
        uncertain: ['owner-inferred'],
      });
      // The new owner (0) and the owner read from a pronoun (2) come before the certain one.
      expect(preview.reviewOrder).toEqual([0, 2, 1]);
      // Nothing looks missed, and the text's shape is known.
      expect(preview.possibleMisses).toEqual([]);
      expect(preview.shapeDoubt).toBeNull();

      // Committed as it is, the obligation is owed by the name; registering moves it to the code.
      await api.asAdmin().post(`/api/imports/${preview.id}/commit`).expect(200);
      const byName = await obligationOf('2021/90', 1, 'Koordinierungsstelle für IT-Standards');
      expect(byName.memberId).toBeNull(); // owed by a name no member stands for
      const register = (member: { code: string; belongsTo?: string; aliases?: string[] }) =>
        api
          .asAdmin()
          .post('/api/members')
          .send({ name: 'Koordinierungsstelle für IT-Standards', kind: 'office', ...member });
      await register({ code: 'KoSIT', belongsTo: 'Nowhere' })
        .expect(400)
        .expect((res) =>
          expect(res.body.message).toMatch(/belongsTo: Nowhere ist kein Mitglied des Rats/),
        );
      const registered = await register({
        code: 'KoSIT',
        belongsTo: 'SL', // no other test here signs in for the Saarland
        aliases: ['KoSIT'],
      }).expect(201);
      expect(registered.body).toMatchObject({ code: 'KoSIT', belongsTo: 'SL', reowned: 1 });
      const moved = await obligationOf('2021/90', 1, 'KoSIT');
      expect(moved.id).toBe(byName.id);
      const sl = await api.db.dataSource.manager.query(
        `SELECT "id" FROM "member" WHERE "code" = 'SL'`,
      );
      expect(moved.memberId).toBe(Number(sl[0].id));
      expect((await mandate('2021/90', 1)).owners).toEqual(['KoSIT']);
      await register({ code: 'KoSIT2' }).expect(409);

      // Later texts that name it get its code, and it is no longer new.
      const again = (
        await api.upload(api.admin, text.replace('2021/90', '2021/91'), 'kosit-2.txt').expect(201)
      ).body;
      expect(again.newOwners).toEqual([]);
      expect(again.mandates[0].owners).toEqual(['KoSIT']);
    });

    it('refuses an upload that is no decision text, naming the file', async () => {
      const res = await api.upload(api.admin, 'Hallo Welt', 'brief.txt').expect(400);
      expect(res.body.message).toMatch(/^brief\.txt: im Text wurden keine Beschlüsse gefunden/);
    });

    it('moves a session and its deadlines follow; cancelling hands them to the next session', async () => {
      // Sessions 41 and 42 are this test's: only its own decision is due there.
      const id = await storeDecision(
        api,
        decisionText(
          [
            'Der IT-Planungsrat bittet Hessen, bis zur 42. Sitzung ein Konzept vorzulegen.',
            'Der IT-Planungsrat bittet Hessen, bis zur 41. Sitzung zu berichten.',
          ],
          { session: 40 },
        ),
      );
      const at42 = await mandate(id, 1);
      await api.asAdmin().patch('/api/meetings/42').send({ date: '2023-12-01' }).expect(200);
      const moved = await api.asAdmin().get(`/api/mandates/${at42.id}`).expect(200);
      expect(moved.body.due).toMatchObject({ kind: 'meeting', meeting: 42, on: '2023-12-01' });

      const due41 = await api
        .asAdmin()
        .get('/api/mandates?dueMeeting=41&includeTotal=true')
        .expect(200);
      expect(due41.body.items.map((m: Item) => `${m.resolution}.${m.point}`)).toEqual([`${id}.2`]);
      const cancelled = await api
        .asAdmin()
        .patch('/api/meetings/41')
        .send({ state: 'cancelled' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ state: 'cancelled', movedDeadlines: 1 });
      const now42 = await api
        .asAdmin()
        .get(`/api/mandates/${(await mandate(id, 2)).id}`)
        .expect(200);
      expect(now42.body.due).toMatchObject({ meeting: 42, on: '2023-12-01' });
    });

    it("lists by owner with that owner's obligation on each mandate, unfiltered with every owner's", async () => {
      const list = async (path: string) =>
        (await api.asAdmin().get(path).expect(200)).body.items as Array<
          Item & { allOwners: string[] }
        >;
      const key = (m: Item) => `${m.resolution}.${m.point}`;
      const all = await list('/api/mandates?pageSize=200');
      expect(all.find((m) => key(m) === '2020/23.4')?.owners.map((o) => o.owner)).toEqual([
        'HB',
        'BY',
      ]);
      // Every mandate with an obligation of BY's (a corrected-away owner's is kept, superseded).
      const rows = await api.db.dataSource.manager.findBy(Obligation, { owner: 'BY' });
      const ids = (items: Item[]) => items.map((m) => m.id).sort((a, b) => a - b);
      const by = await list('/api/mandates?owner=BY&pageSize=200');
      expect(ids(by)).toEqual([...new Set(rows.map((o) => o.mandateId))].sort((a, b) => a - b));
      for (const m of by) expect(m.owners.map((o) => o.owner)).toEqual(['BY']);
      for (const m of by)
        expect(m.owners[0].obligationId).toBe(rows.find((o) => o.mandateId === m.id)?.id);
      // Shared mandates among them: the other owners are named, their obligations left out.
      expect(by.filter((m) => m.allOwners.length > 1).length).toBeGreaterThan(0);
      // Owner and status are one condition: the owner's own obligation has that status.
      const byOpen = await list('/api/mandates?owner=BY&status=open&pageSize=200');
      expect(byOpen.map((m) => m.owners[0].obligationId).sort((a, b) => a - b)).toEqual(
        rows
          .filter((o) => o.status === 'open')
          .map((o) => o.id)
          .sort((a, b) => a - b),
      );
      for (const m of byOpen) expect(m.owners[0].status).toBe('open');
      const member = await list('/api/members/BY/obligations?pageSize=200');
      expect(member.map(key).sort()).toEqual(by.map(key).sort());
      for (const m of member) expect(m.owners.map((o) => o.owner)).toEqual(['BY']);
    });

    it('filters by due date, text and sorts by deadline', async () => {
      const before = await api.asAdmin().get('/api/mandates?dueBefore=2020-12-31').expect(200);
      // The sample's deadlines up to the end of 2020: session 33 (23.10.2020) and one date.
      expect(before.body.items.map((m: Item) => `${m.resolution}.${m.point}`).sort()).toEqual([
        '2020/23.3',
        '2020/25.2',
        '2020/28.3',
        '2020/31.2',
        '2020/33.2',
      ]);
      const text = await api.asAdmin().get('/api/mandates?q=feinkonzept').expect(200);
      expect(text.body.items.map((m: Item) => `${m.resolution}.${m.point}`).sort()).toEqual([
        '2020/23.3',
        '2020/23.4',
      ]);
      const sorted = await api.asAdmin().get('/api/mandates?sort=due&pageSize=5').expect(200);
      const dates = (sorted.body.items as Item[]).map((m) => m.due.on);
      expect(dates).toEqual([...dates].sort());
    });

    it('exports CSV that German Excel opens, and a calendar feed by token', async () => {
      const csv = await api.asAdmin().get('/api/exports/obligations.csv?owner=HB').expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text.startsWith('\ufeffID;Zuständig;Status;')).toBe(true);
      expect(csv.text.split('\r\n').filter(Boolean).length).toBeGreaterThan(3);
      // Values as people read them: statuses and deadlines in German, no codes.
      expect(csv.text).toContain(';offen;');
      expect(csv.text).not.toMatch(/;(open|in_progress|reported);/);
      expect(csv.text).toMatch(/;3\d\. Sitzung \(\d\d\.\d\d\.\d{4}\);/);

      const { auth } = await api.userWithRole('delegate', 'HB');
      const token = (
        await api
          .as(auth)
          .post('/api/me/tokens')
          .send({ name: 'Outlook', kind: 'calendar' })
          .expect(201)
      ).body.token;
      const ics = await api.http().get(`/api/members/HB/calendar.ics?token=${token}`).expect(200);
      expect(ics.text).toContain('BEGIN:VCALENDAR');
      expect(ics.text).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART;VALUE=DATE:\d{8}/);
      await api.http().get(`/api/members/NW/calendar.ics?token=${token}`).expect(403);
      await api.http().get('/api/members/HB/calendar.ics?token=mt_wrong').expect(401);
      // A calendar token opens the feed only, not the API.
      await api.as(`Bearer ${token}`).get('/api/mandates').expect(401);
    });

    it('reads the audit trail, which nobody can change through the API', async () => {
      const { mandate: m } = await sharedMandate();
      await correct(m.id);
      const res = await api.asAdmin().get(`/api/audit?entity=mandate&entityId=${m.id}`).expect(200);
      expect(res.body.items[0]).toMatchObject({
        action: 'mandate.correct',
        actor: ADMIN.email,
        before: { owners: ['HB', 'BY'] },
      });
      expect(res.body.items[0].at).toMatch(/Z$/);
      await api.asAdmin().delete(`/api/audit/${res.body.items[0].id}`).expect(404);
      await api.asAdmin().patch(`/api/audit/${res.body.items[0].id}`).send({}).expect(404);
    });

    it('describes every route in OpenAPI', async () => {
      const doc = await api.http().get('/api/docs-json').expect(200);
      const paths = Object.keys(doc.body.paths);
      for (const path of [
        '/api/auth/login',
        '/api/mandates',
        '/api/obligations/{id}',
        '/api/imports/{id}/commit',
        '/api/members/{code}/calendar.ics',
        '/api/audit',
        '/api/me/password',
        '/api/links',
        '/api/links/{id}',
        '/api/links/{id}/confirm',
        '/api/links/{id}/reject',
      ]) {
        expect(paths).toContain(path);
      }
      // The links' filters are described with their values.
      const filters = doc.body.paths['/api/links'].get.parameters.map(
        (p: { name: string }) => p.name,
      );
      expect(filters).toEqual(expect.arrayContaining(['meeting', 'state', 'kind', 'resolution']));
    });

    it('sends security headers and no CORS grant to unknown origins', async () => {
      const res = await api
        .http()
        .get('/api/health')
        .set('Origin', 'https://evil.example')
        .expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      // The check asked the database itself, and names which one answered.
      expect(res.body).toEqual({
        status: 'ok',
        database: kind === 'sqlite' ? 'better-sqlite3' : 'postgres',
      });
    });
  });
});
