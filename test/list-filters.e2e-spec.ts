import { DataSource } from 'typeorm';
import { Mandate, MemberRepository, ObligationRepository } from '@app/persistence';
import { apiForSuite } from './support/api-app';
import { DATABASES } from './support/test-database';

jest.setTimeout(60_000);

describe.each(DATABASES)('list filters that name nothing, on %s', (kind) => {
  const api = apiForSuite(kind);

  const get = (path: string) => api.asAdmin().get(path);

  it.each(['/api/mandates', '/api/exports/mandates.csv', '/api/exports/obligations.csv'])(
    '%s: an unknown owner or session is a 400 naming the value, not an empty list',
    async (route) => {
      const owner = await get(`${route}?owner=XX`).expect(400);
      expect(owner.body.message).toContain('„XX“ ist weder das Kürzel eines Mitglieds');
      const due = await get(`${route}?dueMeeting=999`).expect(400);
      expect(due.body.message).toContain('Eine 999. Sitzung steht nicht im Sitzungskalender.');
      await get(`${route}?meeting=998`).expect(400);
      const status = await get(`${route}?status=erledigt`).expect(400);
      expect(JSON.stringify(status.body.message)).toContain('status');
      await get(`${route}?owner=HB&dueMeeting=33`).expect(200);
    },
  );

  afterEach(() => jest.restoreAllMocks());

  it('builds a list statement once per shape of filter; later lists bind their own values', async () => {
    const owners = async (path: string) => {
      const res = await get(path).expect(200);
      return (res.body.items as Array<{ owners: Array<{ owner: string; status: string }> }>).map(
        (item) => item.owners.map((o) => `${o.owner}:${o.status}`).join(','),
      );
    };
    const first = await owners('/api/mandates?owner=HB&status=open');
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first)).toEqual(new Set(['HB:open']));
    const builds = jest.spyOn(api.app.get(DataSource), 'createQueryBuilder');
    const listBuilds = () =>
      builds.mock.calls.filter((call) => (call as unknown[])[0] === Mandate).length;
    const other = await owners('/api/mandates?owner=BY&status=open');
    expect(other.length).toBeGreaterThan(0);
    expect(new Set(other)).toEqual(new Set(['BY:open']));
    await get('/api/mandates?owner=HB&status=done').expect(200);
    expect(listBuilds()).toBe(0);
    // Another shape (a session filter and a sort besides) is built, and filters as asked.
    const res = await get('/api/mandates?owner=HB&dueMeeting=33&sort=-due').expect(200);
    expect(listBuilds()).toBe(1);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items as Array<{ due: { meeting?: number } }>)
      expect(item.due.meeting).toBe(33);
  });

  it('answers a query string asked again as the first time, for each caller', async () => {
    // The validated query is kept by its text: what the caller may see is not part of it.
    const path = '/api/mandates?status=open&pageSize=200';
    const delegate = await api.userWithRole('delegate', 'HB');
    for (let i = 0; i < 2; i++) {
      const all = await get(path).expect(200);
      const owners = new Set(
        (all.body.items as Array<{ owners: Array<{ owner: string }> }>).flatMap((item) =>
          item.owners.map((o) => o.owner),
        ),
      );
      expect(owners.size).toBeGreaterThan(1);
      const own = await api.as(delegate.auth).get(path).expect(200);
      expect(own.body.items.length).toBeGreaterThan(0);
      expect(own.body.items.length).toBeLessThan(all.body.items.length);
      for (const item of own.body.items as Array<{ owners: Array<{ owner: string }> }>)
        expect(item.owners.map((o) => o.owner)).toEqual(['HB']);
      expect(all.body.pageSize).toBe(200);
      // A wrong value is refused each time it is asked.
      const wrong = await get('/api/mandates?status=open&pageSize=0').expect(400);
      expect(JSON.stringify(wrong.body.message)).toContain('pageSize');
    }
  });

  it('reads the registry for an owner only when the list is empty', async () => {
    const codes = jest.spyOn(api.app.get(MemberRepository), 'existsCode');
    const owners = jest.spyOn(api.app.get(ObligationRepository), 'existsForOwner');
    const found = await get('/api/mandates?owner=HB').expect(200);
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(codes).not.toHaveBeenCalled();
    expect(owners).not.toHaveBeenCalled();
    // A page past the end is empty: the owner is checked, and exists.
    const past = await get('/api/mandates?owner=HB&page=999').expect(200);
    expect(past.body.items).toEqual([]);
    expect(codes).toHaveBeenCalledWith('HB');
    const typo = await get('/api/mandates?owner=XY').expect(400);
    expect(typo.body.message).toContain('„XY“ ist weder das Kürzel eines Mitglieds');
  });
});
