import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestService } from '@app/ingest';
import { DigestService } from '@app/jobs';
import type { LinkView } from '@app/links';
import { AuditEvent, DecisionLink, Mandate, Obligation, ObligationEvent } from '@app/persistence';
import { ADMIN, startApi, type ApiFixture } from './support/api-app';
import { ROOT } from './support/seed-data';
import { databaseFingerprint } from './support/database-fingerprint';
import { DATABASES } from './support/test-database';

const REAL = join(ROOT, 'test', 'fixtures', 'real');
const real = (name: string) => readFileSync(join(REAL, name), 'utf8');

// Two decisions written for this test in the form of the council's web pages: a report asked of
// two Länder, and the later session taking note of it by number.
const EARLIER = `https://www.it-planungsrat.de/beschluss/beschluss-2021-10
Onlinezugang in den Ländern
IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/10
Der IT-Planungsrat bittet Bremen und Bayern, bis zur 35. Sitzung über den Stand der Umsetzung des Onlinezugangsgesetzes zu berichten.
Die FITKO wird gebeten, die Ergebnisse zu veröffentlichen.
`;
const LATER = `https://www.it-planungsrat.de/beschluss/beschluss-2021-30
Onlinezugang in den Ländern: Bericht
IT-Planungsrat | 23.06.2021 | 35. Sitzung | Beschluss 2021/30
Der IT-Planungsrat nimmt den Bericht Bremens und Bayerns zum Stand der Umsetzung des Onlinezugangsgesetzes (Beschluss 2021/10) zur Kenntnis.
`;

describe.each(DATABASES)('links between decisions on %s', (kind) => {
  let api: ApiFixture;
  let admin: string;
  let ingest: IngestService;
  beforeEach(async () => {
    api = await startApi(kind, { SAMPLE_PROTOCOL: '' });
    admin = await api.bearer(ADMIN.email, ADMIN.password);
    ingest = api.app.get(IngestService);
  }, 60_000);
  afterEach(() => api?.close());

  const linksOf = async (query = '') =>
    (await api.http().get(`/api/links${query}`).set('Authorization', admin).expect(200))
      .body as LinkView[];
  /** The obligations of a decision's mandates, by owner. */
  const obligationsOf = async (code: string) => {
    const all = await api.db.dataSource.getRepository(Obligation).find();
    const resolutionMandates = await api.db.dataSource
      .getRepository(Mandate)
      .createQueryBuilder('m')
      .innerJoin('resolution', 'r', 'r.id = m.resolutionId')
      .where('r.code = :code', { code })
      .getMany();
    const mine = new Set(resolutionMandates.map((m) => m.id));
    return all.filter((o) => mine.has(o.mandateId)).sort((a, b) => a.owner.localeCompare(b.owner));
  };

  it('proposes the link at the later ingest; confirming moves each owner’s obligation to reported with history', async () => {
    await ingest.ingestText(EARLIER, 'beschluss-2021-10.txt');
    const report = await ingest.ingestText(LATER, 'beschluss-2021-30.txt');
    expect(report.links).toEqual({ proposed: 1, confirmed: 0 });

    // Before: HB's delegate is told the report is due at the 35th session.
    await api.userWithRole('delegate', 'HB');
    const digests = api.app.get(DigestService);
    const digestOfHB = async () =>
      (
        await digests.run({
          frequency: 'weekly',
          now: new Date('2021-06-07T05:00:00Z'),
          baseUrl: 'http://127.0.0.1',
          member: 'HB',
          dryRun: true,
        })
      ).dryRun?.map((d) => d.digest.text) ?? [];
    expect((await digestOfHB()).join('\n')).toContain('Beschluss 2021/10, Ziffer 1');

    const [link] = await linksOf('?meeting=35&state=proposed');
    expect(link).toMatchObject({
      state: 'proposed',
      kind: 'fulfils',
      explicit: true,
      from: { resolution: '2021/30', meeting: 35, decidedIn: '35. Sitzung' },
      to: { resolution: '2021/10', stored: true },
      owners: [],
    });
    expect(link.from.sentence).toContain('nimmt den Bericht Bremens und Bayerns');
    expect(link.from.href).toMatch(/^\/documents\/\d+\?line=4#L4$/);
    // The report was asked of HB and BY (point 1), not of FITKO (point 2).
    expect(link.to.mandates).toEqual([expect.objectContaining({ point: 1, owners: ['HB', 'BY'] })]);
    expect(link.reason).toContain('Nennt den Beschluss 2021/10');

    const confirmed = await api
      .http()
      .post(`/api/links/${link.id}/confirm`)
      .set('Authorization', admin)
      .expect(200);
    expect(confirmed.body.state).toBe('confirmed');
    expect(confirmed.body.effects).toHaveLength(2);
    const obligations = await obligationsOf('2021/10');
    expect(obligations.map((o) => [o.owner, o.status])).toEqual([
      ['BY', 'reported'],
      ['FITKO', 'open'],
      ['HB', 'reported'],
    ]);
    const history = await api.db.dataSource
      .getRepository(ObligationEvent)
      .findBy({ obligationId: obligations[2].id, type: 'status' });
    expect(history).toEqual([
      expect.objectContaining({
        actor: ADMIN.email,
        fromStatus: 'open',
        toStatus: 'reported',
        note: 'Bericht zur Kenntnis genommen in Beschluss 2021/30 (35. Sitzung)',
        link: link.from.href,
      }),
    ]);
    // After: the fulfilled report is no longer in the digest.
    expect((await digestOfHB()).join('\n')).not.toContain('Beschluss 2021/10, Ziffer 1');
    // Decided once: a second confirmation is refused.
    await api.http().post(`/api/links/${link.id}/confirm`).set('Authorization', admin).expect(409);
    const audit = await api.db.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'link.confirm' });
    expect(audit).toEqual([
      expect.objectContaining({ actor: ADMIN.email, entityId: String(link.id) }),
    ]);
    // The mandate's chain shows the later decision.
    const mandate = link.to.mandates[0].id;
    const detail = await api
      .http()
      .get(`/api/mandates/${mandate}`)
      .set('Authorization', admin)
      .expect(200);
    expect(detail.body.links).toEqual([
      expect.objectContaining({
        kind: 'fulfils',
        state: 'confirmed',
        from: expect.objectContaining({ resolution: '2021/30' }),
      }),
    ]);
  });

  it('rejecting changes nothing but the link; re-ingesting the later text proposes nothing new', async () => {
    await ingest.ingestText(EARLIER, 'beschluss-2021-10.txt');
    await ingest.ingestText(LATER, 'beschluss-2021-30.txt');
    const [link] = await linksOf();
    const before = await databaseFingerprint(api.db.dataSource);
    await api.http().post(`/api/links/${link.id}/reject`).set('Authorization', admin).expect(200);
    const rows = await api.db.dataSource.getRepository(DecisionLink).find();
    expect(rows.map((r) => [r.state, r.decidedBy])).toEqual([['rejected', ADMIN.email]]);
    // Only the link (and the audit trail) changed.
    await api.db.dataSource.getRepository(DecisionLink).update(link.id, {
      state: 'proposed',
      decidedBy: null,
      decidedAt: null,
    });
    expect(await databaseFingerprint(api.db.dataSource)).toBe(before);
    await api.db.dataSource
      .getRepository(DecisionLink)
      .update(link.id, { state: 'rejected', decidedBy: ADMIN.email });

    const again = await ingest.ingestText(LATER, 'beschluss-2021-30-kopie.txt');
    expect(again).toMatchObject({ status: 'unchanged', links: { proposed: 0, confirmed: 0 } });
    // A corrected version of the later text keeps the decision taken on its link.
    const corrected = await ingest.ingestText(`${LATER}\n`, 'beschluss-2021-30-stand-2.txt');
    expect(corrected).toMatchObject({ status: 'updated', links: { proposed: 0, confirmed: 0 } });
    expect((await linksOf()).map((l) => l.state)).toEqual(['rejected']);
    const audit = await api.db.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'link.reject' });
    expect(audit).toHaveLength(1);
  });

  it('finds a real report-back without a number: Hamburg’s financing concept asked for the 24th session (2017/23) and taken note of there (2017/37)', async () => {
    await ingest.ingestText(real('itplr-23.txt'), 'itplr-23.txt');
    await ingest.ingestText(real('itplr-24.txt'), 'itplr-24.txt');
    const links = await linksOf('?resolution=2017/37');
    expect(links).toEqual([
      expect.objectContaining({
        kind: 'fulfils',
        explicit: false,
        to: expect.objectContaining({
          resolution: '2017/23',
          mandates: [expect.objectContaining({ owners: ['HH'] })],
        }),
      }),
    ]);
    await api
      .http()
      .post(`/api/links/${links[0].id}/confirm`)
      .set('Authorization', admin)
      .expect(200);
    expect((await obligationsOf('2017/23')).map((o) => [o.owner, o.status])).toEqual([
      ['HH', 'reported'],
    ]);
  });

  it('applies an explicit fulfils link at ingest where LINKS_APPLY_EXPLICIT_FULFILS says so', async () => {
    await api.close();
    api = await startApi(kind, { SAMPLE_PROTOCOL: '', LINKS_APPLY_EXPLICIT_FULFILS: 'true' });
    try {
      admin = await api.bearer(ADMIN.email, ADMIN.password);
      ingest = api.app.get(IngestService);
      await ingest.ingestText(EARLIER, 'beschluss-2021-10.txt');
      const report = await ingest.ingestText(LATER, 'beschluss-2021-30.txt');
      expect(report.links).toEqual({ proposed: 0, confirmed: 1 });
      const [link] = await linksOf();
      expect(link).toMatchObject({
        state: 'confirmed',
        decidedBy: 'ingest (LINKS_APPLY_EXPLICIT_FULFILS)',
      });
      expect((await obligationsOf('2021/10')).map((o) => o.status)).toEqual([
        'reported',
        'open',
        'reported',
      ]);
    } finally {
      delete process.env.LINKS_APPLY_EXPLICIT_FULFILS;
    }
  }, 60_000);

  it('refuses delegates the review, and names a bad filter', async () => {
    const { auth } = await api.userWithRole('delegate', 'HB');
    await api.http().get('/api/links').set('Authorization', auth).expect(403);
    const bad = await api
      .http()
      .get('/api/links?state=maybe')
      .set('Authorization', admin)
      .expect(400);
    expect(bad.body.message).toEqual(['state: erlaubt sind proposed, confirmed, rejected.']);
  });
});
