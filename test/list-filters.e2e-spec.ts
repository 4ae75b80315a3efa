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
});
