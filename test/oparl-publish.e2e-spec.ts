import type { AddressInfo } from 'node:net';
import { DecisionLink, Mandate, Obligation, Resolution } from '@app/persistence';
import { Not } from 'typeorm';
import { startApi, type ApiFixture } from './support/api-app';
import { crawlOparl, oparlValidators } from './support/oparl-crawler';
import { DATABASES } from './support/test-database';

/** A published object or list page, read as a client reads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function get(url: string): Promise<Json> {
  return (await fetch(url)).json();
}

async function listen(api: ApiFixture): Promise<string> {
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  // Object ids are built from the one configured public address: here, this server.
  process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
  return `http://127.0.0.1:${port}/oparl/v1.1`;
}

describe.each(DATABASES)('OParl 1.1 published on %s', (kind) => {
  let api: ApiFixture;
  let root: string;

  beforeAll(async () => {
    api = await startApi(kind, { OPARL_PUBLISH: 'follow-up' });
    root = await listen(api);
  });
  afterAll(async () => {
    delete process.env.PUBLIC_URL;
    await api?.close();
  });

  it('crawls from the System object with every object valid and no dangling URL', async () => {
    const crawl = await crawlOparl(`${root}/system`);
    expect(crawl.violations).toEqual([]);
    // Everything the issue names is there and was validated.
    for (const type of [
      'System',
      'Body',
      'Organization',
      'Meeting',
      'AgendaItem',
      'Paper',
      'Consultation',
      'File',
    ])
      expect([type, (crawl.validated.get(type) ?? 0) > 0]).toEqual([type, true]);
    // The calendar is longer than a page: the meetings were followed through links.next.
    expect(crawl.listPages.get(`${root}/body/itplr/meeting`)).toBeGreaterThan(1);
    for (const list of ['person', 'legislative-term'])
      expect(crawl.listPages.get(`${root}/body/itplr/${list}`)).toBe(1);
    // Files were downloaded, not only described.
    const files = [...crawl.fetched.keys()].filter(
      (u) => u.endsWith('/content') || u.endsWith('/download'),
    );
    expect(files.length).toBeGreaterThan(2);
  });

  it('publishes each decision as a Paper with its mandates, owners, deadlines and status', async () => {
    const list = await get(`${root}/body/itplr/paper?limit=100`);
    const paper = list.data.find((p: { reference: string }) => p.reference === '2020/32');
    expect(paper).toMatchObject({ paperType: 'Beschluss', date: expect.any(String) });
    expect(paper.consultation[0]).toMatchObject({ role: 'Beschlussfassung', authoritative: true });
    const mandates = paper['mandateTracker:mandates'] as Array<Record<string, unknown>>;
    const third = mandates.find((m) => m.point === 3) as {
      owners: Array<Record<string, string>>;
      deadline: { kind: string; text: string };
    };
    expect(third.owners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          owner: 'NW',
          name: 'Nordrhein-Westfalen',
          status: 'open',
          statusText: 'offen',
        }),
      ]),
    );
    expect(third.deadline.text).not.toBe('');
    // The main file is the decision as a decision page states it.
    const text = await (await fetch(paper.mainFile.accessUrl)).text();
    expect(text.split('\n')[0]).toMatch(
      /^IT-Planungsrat \| \d\d\.\d\d\.\d{4} \| 32\. Sitzung \| Beschluss 2020\/32$/,
    );
    const download = await fetch(paper.mainFile.downloadUrl);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Beschluss 2020-32\.txt"/,
    );
    // The session's protocol is its results protocol.
    const meeting = await get(paper.consultation[0].meeting);
    expect(meeting.name).toBe('32. Sitzung');
    expect(meeting.resultsProtocol.fileName).toBe('itplr-32.md');
    expect(meeting.agendaItem.length).toBeGreaterThan(0);
  });

  it('paginates with filters kept, filters by time, and answers errors as OParl error objects', async () => {
    const first = await get(
      `${root}/body/itplr/paper?limit=2&modified_since=2000-01-01T00%3A00%3A00%2B01%3A00`,
    );
    expect(first.data).toHaveLength(2);
    expect(first.pagination).toMatchObject({ elementsPerPage: 2, currentPage: 1 });
    expect(first.links.next).toBe(
      `${root}/body/itplr/paper?modified_since=2000-01-01T00%3A00%3A00%2B01%3A00&limit=2&page=2`,
    );
    const second = await get(first.links.next);
    expect(second.data[0].id).not.toBe(first.data[0].id);
    const future = await get(`${root}/body/itplr/paper?created_since=2999-01-01T00%3A00%3A00Z`);
    expect(future.data).toEqual([]);

    const bad = await fetch(`${root}/body/itplr/paper?modified_since=gestern`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    expect(await bad.json()).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Error',
      message: expect.stringContaining('„modified_since“'),
    });
    const missing = await fetch(`${root}/paper/999999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Error',
      message: 'Dieses Objekt gibt es nicht.',
    });
    // Objects looked up through the council their row names: an id no row has is not found.
    for (const path of [
      'meeting/999999',
      'meeting/999999/location',
      'agenda-item/999999',
      'agenda-item/decision-999999',
      'organization/member-999999',
      'organization/council-999999',
      'file/document-999999',
      'file/document-999999/content',
      'body/nirgendwo',
      'body/nirgendwo/meeting',
    ]) {
      const response = await fetch(`${root}/${path}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it('names the later decisions that answered a mandate once the link is confirmed, not while proposed', async () => {
    const m = api.db.dataSource.manager;
    const earlier = await m.findOneByOrFail(Resolution, { code: '2020/32' });
    const later = await m.findOneByOrFail(Resolution, { code: Not('2020/32') });
    const mandate = await m.findOneByOrFail(Mandate, { resolutionId: earlier.id, point: 3 });
    const { identifiers } = await m.insert(DecisionLink, {
      councilId: earlier.councilId,
      fromResolutionId: later.id,
      fromPoint: 1,
      line: 1,
      sentence: 'Der IT-Planungsrat nimmt den Bericht zur Kenntnis.',
      toCode: '2020/32',
      toResolutionId: earlier.id,
      mandateIds: [mandate.id],
      owners: [],
      explicit: true,
      kind: 'fulfils',
      reason: 'test',
      state: 'proposed',
      createdAt: new Date().toISOString(),
    });
    const point3 = async () => {
      const paper = await get(`${root}/paper/${earlier.id}`);
      return {
        related: paper.relatedPaper,
        later: paper['mandateTracker:mandates'].find((x: { point: number }) => x.point === 3)
          .laterDecisions,
      };
    };
    expect(await point3()).toEqual({ related: undefined, later: [] });
    await m.update(DecisionLink, identifiers[0].id as number, {
      state: 'confirmed',
      decidedAt: new Date().toISOString(),
    });
    expect(await point3()).toEqual({
      related: [`${root}/paper/${later.id}`],
      later: [{ kind: 'fulfils', reference: later.code, paper: `${root}/paper/${later.id}` }],
    });
    await m.delete(DecisionLink, identifiers[0].id as number);
  });

  it('sends a decision whose mandates were all withdrawn as deleted, only to updates', async () => {
    const m = api.db.dataSource.manager;
    const resolution = await m.findOneByOrFail(Resolution, { code: '2020/32' });
    const before = new Date(Date.now() - 1000).toISOString();
    const at = new Date().toISOString();
    await m.update(Mandate, { resolutionId: resolution.id }, { withdrawnAt: at, updatedAt: at });

    const paper = await get(`${root}/paper/${resolution.id}`);
    expect(paper).toEqual({
      id: `${root}/paper/${resolution.id}`,
      type: 'https://schema.oparl.org/1.1/Paper',
      created: expect.any(String),
      modified: new Date(at).toISOString(),
      deleted: true,
    });
    expect(oparlValidators().get('Paper')?.(paper)).toBe(true);
    const all = await get(`${root}/body/itplr/paper?limit=100`);
    expect(all.data.map((p: { id: string }) => p.id)).not.toContain(paper.id);
    const since = await get(
      `${root}/body/itplr/paper?limit=100&modified_since=${encodeURIComponent(before)}`,
    );
    expect(since.data).toEqual([paper]);
    expect((await fetch(`${root}/file/decision-${resolution.id}/content`)).status).toBe(410);
    // And the crawl stays clean with the withdrawn decision in place.
    expect((await crawlOparl(`${root}/system`)).violations).toEqual([]);
  });

  it('reads a page of papers from the database alone, the same page the whole council gives', async () => {
    const m = api.db.dataSource.manager;
    const before = new Date(Date.now() - 1000).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // After `before`: a confirmed link answers a mandate of one decision, an obligation of
    // another changes; the decision withdrawn above stays withdrawn.
    const [first, second, third] = await m.find(Resolution, {
      where: { code: Not('2020/32') },
      order: { id: 'ASC' },
      take: 3,
    });
    const answered = await m.findOneByOrFail(Mandate, { resolutionId: second.id });
    const now = new Date().toISOString();
    await m.insert(DecisionLink, {
      councilId: first.councilId,
      fromResolutionId: third.id,
      fromPoint: 1,
      line: 1,
      sentence: 'Der IT-Planungsrat nimmt den Bericht zur Kenntnis.',
      toCode: second.code,
      toResolutionId: second.id,
      mandateIds: [answered.id],
      owners: [],
      explicit: true,
      kind: 'fulfils',
      reason: 'test',
      state: 'confirmed',
      decidedAt: now,
      createdAt: now,
    });
    const changed = await m.findOneByOrFail(Mandate, { resolutionId: first.id });
    await m.update(Obligation, { mandateId: changed.id }, { updatedAt: now });

    // created_since before anything was made matches every object, and makes the API build the
    // whole council to filter it: the answer the database's page must equal.
    const whole = `created_since=${encodeURIComponent('1970-01-01T00:00:00Z')}`;
    let changedSince = 0;
    for (const filter of ['', `modified_since=${encodeURIComponent(before)}`]) {
      for (const page of [1, 2, 3, 4]) {
        const url = `${root}/body/itplr/paper?limit=5&page=${page}${filter ? `&${filter}` : ''}`;
        const paged = await get(url);
        const built = await get(`${url}&${whole}`);
        expect(paged.data).toEqual(built.data);
        expect(paged.pagination).toEqual(built.pagination);
        if (filter) changedSince += paged.data.length;
      }
    }
    // The decision answered by the link and the one whose obligation changed.
    expect(changedSince).toBe(2);
  });
});

describe('OParl switched off (the default)', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await startApi('sqlite');
  });
  afterAll(() => api?.close());

  it('answers 404 with an OParl error that says how to switch it on', async () => {
    const response = await api.http().get('/oparl/v1.1/system');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Error',
      message: expect.stringContaining('OPARL_PUBLISH'),
    });
  });
});
