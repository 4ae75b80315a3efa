import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AuditEvent,
  DecisionLink,
  Mandate,
  Obligation,
  ObligationEvent,
  Resolution,
} from '@app/persistence';
import { IngestService } from '@app/ingest';
import { ADMIN, apiForSuite } from './support/api-app';
import { databaseFingerprint } from './support/database-fingerprint';
import { overdueScan } from './support/overdue-scan';
import { ROOT } from './support/seed-data';
import { DATABASES } from './support/test-database';

const PROTOCOL = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');

/** A later Stand of the sample protocol that changes 2020/28's two mandates and 2020/36's deadline. */
const CHANGED = PROTOCOL.replace(/Stand: 24\. Juli 2020/g, 'Stand: 3. August 2020')
  .replace('gemeinsam die Möglichkeit', 'gemeinsam rasch die Möglichkeit')
  .replace(
    'dem IT-Planungsrat zur 33. Sitzung vorzulegen',
    'dem IT-Planungsrat zur 34. Sitzung vorzulegen',
  )
  .replace(
    'Jahrestagung der IT-Sicherheitsbeauftragten in Ländern und Kommunen zu prüfen',
    'Jahrestagung der IT-Sicherheitsbeauftragten in Ländern und Kommunen zu prüfen und zu berichten',
  )
  .replace(
    'in Zusammenarbeit mit dem Strategiegremium bis zur 34. Sitzung',
    'in Zusammenarbeit mit dem Strategiegremium bis zur 35. Sitzung',
  );

// Mandates by hand: added, corrected in every field, withdrawn, and kept by every re-ingest.
describe.each(DATABASES)('mandates by hand on %s', (kind) => {
  const api = apiForSuite(kind);

  const m = () => api.db.dataSource.manager;
  const post = (path: string, body: object) => api.asAdmin().post(path).send(body);
  const mandateAt = async (code: string, point: number) => {
    const r = await m().findOneByOrFail(Resolution, { code });
    return m().findBy(Mandate, { resolutionId: r.id, point });
  };
  const listed = async (query: string) =>
    (await api.asAdmin().get(`/api/mandates?${query}`).expect(200)).body.items as Array<{
      id: number;
    }>;

  let added: number;
  let corrected: number;
  let withdrawn: number;

  it('adds a mandate to a stored decision: owners by code, name or a new name, one open obligation each, history and audit', async () => {
    const res = await post('/api/mandates', {
      resolution: '2020/28',
      point: 1,
      owners: ['FITKO', 'Bremen', 'Arbeitsgruppe Jahrestagung'],
      action: 'die Stellungnahme der BAköV auswerten',
      due: { kind: 'meeting', meeting: 34 },
      source: 'Der IT-Planungsrat nimmt das Anliegen der Bundesakademie zur Kenntnis.',
    }).expect(201);
    added = res.body.id;
    expect(res.body).toMatchObject({
      resolution: '2020/28',
      point: 1,
      origin: 'manual',
      withdrawn: null,
      action: 'die Stellungnahme der BAköV auswerten',
      allOwners: ['FITKO', 'HB', 'Arbeitsgruppe Jahrestagung'],
      due: { kind: 'meeting', meeting: 34 },
    });
    expect(
      res.body.obligations.map((o: { owner: string; status: string; history: object[] }) => [
        o.owner,
        o.status,
        o.history.length,
      ]),
    ).toEqual([
      ['FITKO', 'open', 1],
      ['HB', 'open', 1],
      ['Arbeitsgruppe Jahrestagung', 'open', 1],
    ]);
    expect(res.body.obligations[1].history[0]).toMatchObject({
      type: 'created',
      actor: ADMIN.email,
    });
    expect(
      await m().countBy(AuditEvent, { action: 'mandate.create', entityId: String(added) }),
    ).toBe(1);
    expect((await listed('owner=HB&resolution=2020/28')).map((x) => x.id)).toContain(added);
    expect((await listed('dueMeeting=34&resolution=2020/28')).map((x) => x.id)).toContain(added);
  });

  it('refuses bad input with a 400 that names the field, and writes nothing', async () => {
    const good = {
      resolution: '2020/28',
      point: 1,
      owners: ['HB'],
      action: 'prüfen',
      due: { kind: 'none' },
    };
    const before = await databaseFingerprint(api.db.dataSource);
    const cases: Array<[object, string]> = [
      [{ ...good, extra: 1 }, 'extra'],
      [{ ...good, point: 9 }, 'Punkt 9'],
      [{ ...good, resolution: '1999/99' }, '1999/99'],
      [{ ...good, due: { kind: 'meeting', meeting: 99 } }, 'due.meeting: Die 99. Sitzung'],
      [{ ...good, owners: [] }, 'owners'],
      [{ ...good, action: '   ' }, 'action'],
      [{ ...good, due: { kind: 'sometime' } }, 'due.kind'],
      [{ ...good, due: undefined }, 'due fehlt'],
    ];
    for (const [body, named] of cases) {
      const res = await post('/api/mandates', body);
      expect(`${res.status} ${JSON.stringify(res.body.message)}`).toMatch(
        new RegExp(`^400 .*${named.replace(/[.]/g, '\\.')}`),
      );
    }
    expect(await databaseFingerprint(api.db.dataSource)).toBe(before);
  });

  it('corrects every field of an extracted mandate: owners, action, deadline, source sentence, point', async () => {
    const [p3] = await mandateAt('2020/28', 3);
    corrected = p3.id;
    const res = await api
      .asAdmin()
      .patch(`/api/mandates/${corrected}`)
      .send({
        owners: ['FITKO'],
        action: 'einen Übergang der Jahrestagung vorschlagen',
        due: { kind: 'date', date: '2020-12-31' },
        source: 'Die AG Informationssicherheit wird gebeten, einen Übergang zu erarbeiten.',
        point: 2,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      point: 2,
      allOwners: ['FITKO'],
      action: 'einen Übergang der Jahrestagung vorschlagen',
      due: { kind: 'date', date: '2020-12-31' },
      source: 'Die AG Informationssicherheit wird gebeten, einen Übergang zu erarbeiten.',
      corrected: true,
      extracted: { point: 3, ordinal: 1 },
    });
    const audit = await m().findOneByOrFail(AuditEvent, {
      action: 'mandate.correct',
      entityId: String(corrected),
    });
    expect(JSON.stringify(audit)).toContain('Übergang');
    // A point the decision does not have is refused.
    await api.asAdmin().patch(`/api/mandates/${corrected}`).send({ point: 7 }).expect(400);
  });

  it('withdraws a wrong mandate: out of every list, export and feed, no longer overdue, readable with its reason', async () => {
    const p2 = (await mandateAt('2020/28', 2)).find((x) => x.id !== corrected) as Mandate;
    expect(p2.owners).toContain('HB');
    withdrawn = p2.id;
    const hb = await m().findOneByOrFail(Obligation, { mandateId: withdrawn, owner: 'HB' });
    await m().update(Obligation, hb.id, { overdueSince: '2020-11-01' });
    expect((await listed('owner=HB&overdue=true')).map((x) => x.id)).toContain(withdrawn);

    const report = () => api.asAdmin().get('/api/members/HB/report?format=md').expect(200);
    expect((await report()).text).toContain('Übernahme des Organisationsmanagements');

    await post(`/api/mandates/${withdrawn}/withdraw`, { reason: '  ' }).expect(400);
    const res = await post(`/api/mandates/${withdrawn}/withdraw`, {
      reason: 'Falsch gelesen: Der Satz ist eine Bitte um Prüfung.',
    }).expect(200);
    expect(res.body.withdrawn).toMatchObject({
      by: ADMIN.email,
      reason: 'Falsch gelesen: Der Satz ist eine Bitte um Prüfung.',
    });
    expect((await m().findOneByOrFail(Obligation, { id: hb.id })).overdueSince).toBeNull();
    const history = res.body.obligations.find((o: { owner: string }) => o.owner === 'HB').history;
    expect(history.at(-1)).toMatchObject({
      type: 'withdrawn',
      note: 'Falsch gelesen: Der Satz ist eine Bitte um Prüfung.',
    });
    expect(
      await m().countBy(AuditEvent, { action: 'mandate.withdraw', entityId: String(withdrawn) }),
    ).toBe(1);

    expect((await listed('resolution=2020/28')).map((x) => x.id)).not.toContain(withdrawn);
    expect((await listed('owner=HB')).map((x) => x.id)).not.toContain(withdrawn);
    const csv = await api.asAdmin().get('/api/exports/obligations.csv?owner=HB').expect(200);
    expect(csv.text).not.toContain('Übernahme des Organisationsmanagements');
    expect((await report()).text).not.toContain('Übernahme des Organisationsmanagements');
    const session = await api.asAdmin().get('/api/meetings/32').expect(200);
    expect(JSON.stringify(session.body)).not.toContain('Übernahme des Organisationsmanagements');
    // Read on its own, it is still there.
    await api.asAdmin().get(`/api/mandates/${withdrawn}`).expect(200);

    await post(`/api/mandates/${withdrawn}/withdraw`, { reason: 'noch einmal' }).expect(409);
    await api.asAdmin().patch(`/api/obligations/${hb.id}`).send({ status: 'reported' }).expect(409);
    await api.asAdmin().patch(`/api/mandates/${withdrawn}`).send({ action: 'x' }).expect(409);
    // The overdue scan does not flag it again.
    await overdueScan(api.db.dataSource).scan(new Date('2030-01-01T12:00:00Z'));
    expect((await m().findOneByOrFail(Obligation, { id: hb.id })).overdueSince).toBeNull();
  });

  it('keeps what was added, corrected and withdrawn when the same text and a changed text are read again', async () => {
    const ingest = api.app.get(IngestService);
    const snapshot = async () => ({
      added: await m().findOneByOrFail(Mandate, { id: added }),
      corrected: await m().findOneByOrFail(Mandate, { id: corrected }),
      withdrawn: await m().findOneByOrFail(Mandate, { id: withdrawn }),
    });
    const before = await snapshot();
    expect((await ingest.ingestText(PROTOCOL, 'itplr-32-again.md')).status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);

    const report = await ingest.ingestText(CHANGED, 'itplr-32-stand-2.md');
    expect(report.status).toBe('updated');
    const after = await snapshot();
    // The hand-made mandate and its obligations are untouched.
    expect(after.added).toMatchObject({
      withdrawnAt: null,
      origin: 'manual',
      owners: before.added.owners,
    });
    expect(await m().countBy(Obligation, { mandateId: added, status: 'open' })).toBe(3);
    // The correction stands, at its new point, with its own sentence; the new reading is kept aside.
    expect(after.corrected).toMatchObject({
      point: 2,
      owners: ['FITKO'],
      action: 'einen Übergang der Jahrestagung vorschlagen',
      dueKind: 'date',
      dueDate: '2020-12-31',
      source: 'Die AG Informationssicherheit wird gebeten, einen Übergang zu erarbeiten.',
      withdrawnAt: null,
    });
    expect(after.corrected.extracted).toMatchObject({
      point: 3,
      ordinal: 1,
      due: { kind: 'meeting', meeting: 34 },
    });
    // No second mandate was made where the corrected one came from.
    expect(await mandateAt('2020/28', 3)).toEqual([]);
    // The withdrawal stands although the changed text still has the sentence.
    expect(after.withdrawn.withdrawnAt).toBe(before.withdrawn.withdrawnAt);
    expect(after.withdrawn.withdrawnReason).toBe(
      'Falsch gelesen: Der Satz ist eine Bitte um Prüfung.',
    );
    expect((await listed('resolution=2020/28')).map((x) => x.id).sort()).toEqual(
      [added, corrected].sort(),
    );
    // Elsewhere the changed text took effect as before.
    const [r36] = await mandateAt('2020/36', 1);
    expect(r36.dueMeeting).toBe(35);
    expect(await m().countBy(ObligationEvent, { type: 'withdrawn' })).toBeGreaterThan(0);

    // A later decision that answers 2020/28 is not linked to the withdrawn mandate.
    await ingest.ingestText(
      'IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/95\nBericht\n1. Der IT-Planungsrat nimmt den Bericht zu Beschluss 2020/28 zur Kenntnis.\n',
      'beschluss-2021-95.txt',
    );
    const link = await m().findOneByOrFail(DecisionLink, { toCode: '2020/28' });
    expect(link.mandateIds).toEqual(expect.arrayContaining([added, corrected]));
    expect(link.mandateIds).not.toContain(withdrawn);
  });
});
