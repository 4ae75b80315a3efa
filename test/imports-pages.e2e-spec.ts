import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditEvent, ImportPreview } from '@app/persistence';
import { ADMIN, apiForSuite } from './support/api-app';
import { ROOT } from './support/seed-data';
import { csrfIn, signIn, submitForm } from './support/web-agent';
import { DATABASES, tableCounts } from './support/test-database';

jest.setTimeout(90_000);

const DECISION = [
  'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/77',
  'Titel',
  '1. Der IT-Planungsrat bittet die FITKO, bis zur 35. Sitzung zu berichten.',
  '',
].join('\n');

describe.each(DATABASES)(
  'discarding an import and recognising a text imported before, on %s',
  (kind) => {
    const api = apiForSuite(kind);

    const upload = (text: string, name: string) => api.upload(api.admin, text, name);

    it('discards an upload through the API; a committed one stays (409)', async () => {
      const before = await tableCounts(api.db.dataSource);
      const preview = (await upload(DECISION, 'd.txt').expect(201)).body as { id: number };
      await api.asAdmin().delete(`/api/imports/${preview.id}`).expect(204);
      await api.asAdmin().get(`/api/imports/${preview.id}`).expect(404);
      const after = await tableCounts(api.db.dataSource);
      expect({ ...after, audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
      const audit = await api.db.dataSource
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'import.discard', entityId: String(preview.id) });
      expect(audit.actor).toBe(ADMIN.email);

      const other = (await upload(DECISION.replace('2021/77', '2021/78'), 'e.txt').expect(201))
        .body as { id: number };
      await api.asAdmin().post(`/api/imports/${other.id}/commit`).expect(200);
      const refused = await api.asAdmin().delete(`/api/imports/${other.id}`).expect(409);
      expect(refused.body.message).toContain('schon übernommen');
    });

    it('says a text was imported already (409, with the document) instead of a second preview', async () => {
      const sample = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'));
      const previews = await api.db.dataSource.getRepository(ImportPreview).count();
      const res = await api
        .asAdmin()
        .post('/api/imports')
        .attach('file', sample, 'noch-einmal.md')
        .expect(409);
      expect(res.body.message).toMatch(
        /^„noch-einmal\.md“ ist bereits importiert am \d\d\.\d\d\.\d{4}/,
      );
      expect(res.body.documentId).toEqual(expect.any(Number));
      expect(await api.db.dataSource.getRepository(ImportPreview).count()).toBe(previews);

      const agent = await signIn(api, ADMIN.email, ADMIN.password);
      const form = await agent.get('/import').expect(200);
      const page = await agent
        .post('/import')
        .field('_csrf', csrfIn(form.text))
        .attach('file', sample, 'noch-einmal.md')
        .expect(409);
      expect(page.text).toContain('ist bereits importiert am');
      expect(page.text).toContain(`href="/documents/${res.body.documentId as number}"`);
    });

    it('shows why a file cannot be read in German, as it is, without a technical detail line', async () => {
      const agent = await signIn(api, ADMIN.email, ADMIN.password);
      const form = await agent.get('/import').expect(200);
      const page = await agent
        .post('/import')
        .field('_csrf', csrfIn(form.text))
        .attach('file', Buffer.from('Nur ein Brief ohne Beschluss.\n'), 'brief.txt')
        .expect(400);
      expect(page.text).toContain('Die Datei „brief.txt“ konnte nicht gelesen werden.');
      expect(page.text).toContain(
        '<p class="detail">brief.txt: im Text wurden keine Beschlüsse gefunden',
      );
      expect(page.text).not.toContain('Technische Angabe');
      expect(page.text).not.toContain('lang="en"');
    });

    it('names in German why an owner from the review page was not added to the registry', async () => {
      const preview = (await upload(DECISION.replace('2021/77', '2021/80'), 'o.txt').expect(201))
        .body as { id: number };
      const agent = await signIn(api, ADMIN.email, ADMIN.password);
      const review = await agent.get(`/import/${preview.id}`).expect(200);
      const page = await agent
        .post(`/import/${preview.id}/owners`)
        .type('form')
        .send({
          _csrf: csrfIn(review.text),
          name: 'Arbeitsgruppe Test',
          code: 'AGT',
          kind: 'gibtsnicht',
        })
        .expect(422);
      expect(page.text).toContain(
        '„Arbeitsgruppe Test“ wurde nicht aufgenommen: kind: erlaubt sind',
      );
      expect(page.text).not.toContain('must be');
    });

    it('gives the waiting preview again for the same text, and discards it from its page', async () => {
      const text = DECISION.replace('2021/77', '2021/79');
      const first = (await upload(text, 'f.txt').expect(201)).body as { id: number };
      const second = (await upload(text, 'f-noch-einmal.txt').expect(201)).body as { id: number };
      expect(second.id).toBe(first.id);

      const agent = await signIn(api, ADMIN.email, ADMIN.password);
      const review = await agent.get(`/import/${first.id}`).expect(200);
      expect(review.text).toContain(`action="/import/${first.id}/discard"`);
      const done = await submitForm(agent, `/import/${first.id}/discard`, review.text, {}).expect(
        303,
      );
      expect(done.headers.location).toBe('/import?discarded=f.txt');
      const queue = await agent.get(done.headers.location as string).expect(200);
      expect(queue.text).toContain('Der Import „f.txt“ ist verworfen');
      expect(queue.text).not.toContain(`href="/import/${first.id}"`);
      await agent.get(`/import/${first.id}`).expect(404);
    });
  },
);
