import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@app/ingest';
import {
  Mandate,
  Meeting,
  Member,
  Obligation,
  ObligationEvent,
  refreshOverdueFlags,
  Resolution,
} from '@app/persistence';
import type { DataSource } from 'typeorm';
import { generatedProtocol } from './bench/benchmarks';
import { ingestServices } from './support/ingest-services';
import { ROOT } from './support/seed-data';
import {
  createTestDatabase,
  DATABASES,
  tableCounts,
  type TestDatabase,
} from './support/test-database';

const protocol = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');
const real = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'real', name), 'utf8');
const clock = (iso: string) => () => new Date(iso);

describe.each(DATABASES)('ingest on %s', (kind) => {
  let db: TestDatabase;
  let services: ReturnType<typeof ingestServices>;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    services = ingestServices(db.dataSource);
    await services.seeds.seedAll(services.seedsDir);
  });
  afterEach(() => db.drop());

  it('stores the sample protocol: decisions, points, notes, mandates and one open obligation per owner', async () => {
    const report = await services.ingest.ingestText(protocol, 'itplr-32.md', {
      now: clock('2026-01-05T10:00:00Z'),
    });
    expect(report).toMatchObject({ status: 'created', meeting: 32, resolutions: 17, mandates: 22 });

    const m = db.dataSource.manager;
    expect(await m.countBy(Resolution, {})).toBe(17);
    expect(await m.countBy(Mandate, {})).toBe(22);
    const obligations = await m.find(Obligation, { order: { id: 'ASC' } });
    expect(obligations).toHaveLength(report.obligations);
    expect(new Set(obligations.map((o) => o.status))).toEqual(new Set(['open']));
    expect(await m.countBy(ObligationEvent, { type: 'created' })).toBe(obligations.length);
    // Each obligation has its own "created" entry, and each mandate an obligation per owner
    // (the ids the multi-row INSERTs gave back, not read again).
    const created = await m.find(ObligationEvent, { where: { type: 'created' } });
    expect(created.map((e) => e.obligationId).sort((a, b) => a - b)).toEqual(
      obligations.map((o) => o.id),
    );
    for (const mandate of await m.find(Mandate))
      expect(
        obligations
          .filter((o) => o.mandateId === mandate.id)
          .map((o) => o.owner)
          .sort(),
      ).toEqual([...mandate.owners].sort());

    // 2020/23 point 4 goes to Bremen and Bayern: one obligation each, linked to the registry.
    const r23 = await m.findOneByOrFail(Resolution, { code: '2020/23' });
    expect(r23).toMatchObject({
      agendaItem: '04',
      voteYes: 17,
      voteNo: 0,
      voteAbstain: 0,
      greenList: true,
    });
    const p4 = await m.findOneByOrFail(Mandate, { resolutionId: r23.id, point: 4 });
    expect(p4).toMatchObject({ dueKind: 'event', owners: ['HB', 'BY'] });
    const owed = await m.find(Obligation, { where: { mandateId: p4.id }, order: { owner: 'ASC' } });
    expect(owed.map((o) => o.owner)).toEqual(['BY', 'HB']);
    expect(owed.every((o) => o.memberId !== null)).toBe(true);
    expect(p4.source).toContain('bittet Bremen und Bayern');
    expect(p4.sourceLine).toBeGreaterThan(0);
    expect(protocol.split('\n')[p4.sourceLine - 1]).toContain('Bremen und Bayern');

    // Session-relative deadline points at a meeting of the calendar.
    const m36 = await m.findOneByOrFail(Mandate, {
      resolutionId: (await m.findOneByOrFail(Resolution, { code: '2020/36' })).id,
    });
    expect(m36).toMatchObject({ dueKind: 'meeting', dueMeeting: 34 });
    expect(await m.findOneByOrFail(Meeting, { number: 34 })).toMatchObject({ date: '2021-03-17' });
  });

  it('changes nothing when the same text comes again', async () => {
    await services.ingest.ingestText(protocol, 'itplr-32.md');
    const before = await tableCounts(db.dataSource);
    const again = await services.ingest.ingestText(protocol, 'copy-of-itplr-32.md');
    expect(again.status).toBe('unchanged');
    expect(again.changes).toEqual([]);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('updates a corrected version, reports what changed and keeps every obligation status and history', async () => {
    await services.ingest.ingestText(protocol, 'itplr-32.md', {
      now: clock('2026-01-05T10:00:00Z'),
    });
    const m = db.dataSource.manager;
    const hb = await m.findOneOrFail(Obligation, { where: { owner: 'HB' }, order: { id: 'ASC' } });
    await m.update(Obligation, hb.id, { status: 'in_progress' });
    await m.insert(ObligationEvent, {
      obligationId: hb.id,
      at: '2026-01-06T09:00:00Z',
      actor: 'hb@bremen.de',
      type: 'status',
      fromStatus: 'open',
      toStatus: 'in_progress',
      note: 'begonnen',
      link: null,
    });

    const corrected = protocol
      .replace(/Stand: 24\. Juli 2020/g, 'Stand: 3. August 2020')
      .replace(
        'in Zusammenarbeit mit dem Strategiegremium bis zur 34. Sitzung',
        'in Zusammenarbeit mit dem Strategiegremium bis zur 35. Sitzung',
      )
      .replace('bittet Bremen und Bayern, dabei', 'bittet Bremen, dabei');
    const report = await services.ingest.ingestText(corrected, 'itplr-32-stand-2.md', {
      now: clock('2026-02-01T10:00:00Z'),
    });

    expect(report.status).toBe('updated');
    expect(report.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2020\/36 Ziffer 1: .*Frist.* geändert$/),
        '2020/23 Ziffer 4: BY nicht mehr zuständig',
        expect.stringMatching(/^2020\/23 Ziffer 4: .*Zuständig.* geändert$/),
      ]),
    );
    expect(await m.countBy(Mandate, {})).toBe(22);
    expect(await m.findOneByOrFail(Obligation, { id: hb.id })).toMatchObject({
      status: 'in_progress',
    });
    expect(await m.countBy(ObligationEvent, { obligationId: hb.id })).toBe(2);

    const r23 = await m.findOneByOrFail(Resolution, { code: '2020/23' });
    const p4 = await m.findOneByOrFail(Mandate, { resolutionId: r23.id, point: 4 });
    const by = await m.findOneByOrFail(Obligation, { mandateId: p4.id, owner: 'BY' });
    expect(by.status).toBe('superseded');
    const history = await m.find(ObligationEvent, {
      where: { obligationId: by.id },
      order: { id: 'ASC' },
    });
    expect(history.map((e) => [e.type, e.toStatus])).toEqual([
      ['created', 'open'],
      ['superseded', 'superseded'],
    ]);
  });

  it('lands whole or not at all: a failure in the middle leaves nothing behind', async () => {
    const before = await tableCounts(db.dataSource);
    // A real database error after meeting, resolutions and mandates were written.
    await db.dataSource.query('DROP TABLE "obligation_event"');
    await expect(services.ingest.ingestText(protocol, 'itplr-32.md')).rejects.toThrow();
    for (const [table, count] of Object.entries(before)) {
      if (table === 'obligation_event') continue;
      expect([table, await db.dataSource.getRepository(table).count()]).toEqual([table, count]);
    }
  });

  it('refuses a text without decisions, naming the file, and writes nothing', async () => {
    const before = await tableCounts(db.dataSource);
    const attempt = services.ingest.ingestText(
      'Sehr geehrte Damen und Herren,\nvielen Dank.\n',
      'letter.txt',
    );
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(/^letter\.txt: im Text wurden keine Beschlüsse gefunden/);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('stores the decisions of a special session and of the AL-Runde outside the calendar, each in its own meeting', async () => {
    const m = db.dataSource.manager;
    const special = await services.ingest.ingestText(
      real('itplr-sondersitzung-2018-02-08.txt'),
      'sondersitzung.txt',
    );
    expect(special).toMatchObject({ status: 'created', meeting: null, mandates: 5 });
    const r = await m.findOneByOrFail(Resolution, { code: '2018/02' });
    const meeting = await m.findOneByOrFail(Meeting, { id: r.meetingId });
    expect(meeting).toMatchObject({ number: null, kind: 'special', date: '2018-02-08' });
    const mandates = await m.findBy(Mandate, { resolutionId: r.id });
    expect(mandates.every((x) => x.meetingNumber === null)).toBe(true);
    // "die beteiligten Länder" were read from the decision: the reviewer is told.
    const p7 = mandates.find((x) => x.point === 7) as Mandate;
    expect(p7).toMatchObject({
      owners: ['Bund', 'ST', 'HH', 'HE', 'BE'],
      basis: 'passive-request',
    });
    expect(p7.uncertain).toEqual(['owner-inferred']);

    const al = await services.ingest.ingestText(real('itplr-al-runde.txt'), 'al-runde.txt');
    expect(al).toMatchObject({ status: 'created', meeting: null, mandates: 1 });
    const decision = await m.findOneByOrFail(Resolution, { code: '2025/06-AL' });
    expect(await m.findOneByOrFail(Meeting, { id: decision.meetingId })).toMatchObject({
      number: null,
      kind: 'body',
      body: 'AL-Runde',
      label: '39. Sitzung AL-Runde',
      date: '2025-04-29',
    });
    // Its deadline is the council's own 49th session, which is in the calendar.
    expect(await m.findOneByOrFail(Mandate, { resolutionId: decision.id })).toMatchObject({
      owners: ['FITKO'],
      dueKind: 'meeting',
      dueMeeting: 49,
    });
    // No council session 39 was created or changed by the AL-Runde's 39th meeting.
    expect(await m.countBy(Meeting, { number: 39 })).toBe(1);

    const before = await tableCounts(db.dataSource);
    expect((await services.ingest.ingestText(real('itplr-al-runde.txt'), 'again.txt')).status).toBe(
      'unchanged',
    );
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('stores a text of several sources and sessions: each decision with its own session, a cut-off one marked', async () => {
    const m = db.dataSource.manager;
    const report = await services.ingest.ingestText(real('itplr-41.txt'), 'itplr-41.txt');
    expect(report).toMatchObject({ status: 'created', meeting: 41, resolutions: 4, mandates: 2 });
    const codes = (await m.find(Resolution, { order: { code: 'ASC' } })).map((r) => [
      r.code,
      r.incomplete,
    ]);
    expect(codes).toEqual([
      ['2023/15', false],
      ['2023/16', false],
      ['2023/17', true],
      ['2023/22', true],
    ]);
  });

  it('refuses a decision without any session (a page that names none) and writes nothing', async () => {
    const before = await tableCounts(db.dataSource);
    await expect(
      services.ingest.ingestText(real('kommunal-ratsinfo.txt'), 'ratsinfo.txt'),
    ).rejects.toThrow(
      /^ratsinfo\.txt:\d+: der Text nennt für den Beschluss #1 keine Sitzungsnummer; geben Sie die Sitzung mit --meeting N an/,
    );
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('refuses an unknown --meeting and writes nothing', async () => {
    const before = await tableCounts(db.dataSource);
    const decision =
      'IT-Planungsrat | 12.08.2021 | Beschluss 2021/30\nTitel\n1. Der IT-Planungsrat bittet die FITKO, zu berichten.\n';
    await expect(services.ingest.ingestText(decision, 'd.txt', { meeting: 99 })).rejects.toThrow(
      /^d\.txt: --meeting 99: diese Sitzung steht nicht im Sitzungskalender/,
    );
    await expect(services.ingest.ingestText(decision, 'd.txt')).rejects.toThrow(
      /^d\.txt:1: der Text nennt für den Beschluss 2021\/30 keine Sitzungsnummer, und sein Datum 2021-08-12 ist keine Sitzung im Kalender; geben Sie die Sitzung mit --meeting N an/,
    );
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  // What an ingest keeps from one file to the next (the registry, the earlier mandates it
  // compares with) is handed out again only while what is stored is the same.
  it('hands out the same registry while the members are unchanged, a new one with a change', async () => {
    const { registries } = services;
    const council = (await registries.findCouncil())!;
    const first = (await registries.load(council)).registry;
    expect((await registries.load(council)).registry).toBe(first);

    const hb = await db.dataSource.getRepository(Member).findOneByOrFail({ code: 'HB' });
    await db.dataSource
      .getRepository(Member)
      .update(hb.id, { aliases: [...hb.aliases, 'Hansestadt an der Weser'] });
    const changed = (await registries.load(council)).registry;
    expect(changed).not.toBe(first);
    expect(changed.members.find((m) => m.code === 'HB')?.aliases).toContain(
      'Hansestadt an der Weser',
    );
    expect((await registries.load(council)).registry).toBe(changed);
  });

  it('compares a new decision with a stored mandate as it is now, not as it was last compared', async () => {
    const { ingest } = services;
    await ingest.ingestText(real('itplr-23.txt'), 'itplr-23.txt');
    const text = real('itplr-24.txt');
    const toReport = async () =>
      (await ingest.previewLinks(text, await ingest.preview(text, 'itplr-24.txt'))).filter(
        (l) => l.from === '2017/37' && l.to === '2017/23',
      );
    const [before] = await toReport();
    expect(before).toMatchObject({ kind: 'fulfils', explicit: false });
    expect(before.reason).toContain('gerichtet an: Hamburg');
    // The report stored as Bremen's: the link's reason names whom it is asked of now.
    await db.dataSource.query(
      `UPDATE "mandate" SET "owners" = '["HB"]' WHERE "owners" = '["HH"]' AND "resolutionId" IN (SELECT "id" FROM "resolution" WHERE "code" = '2017/23')`,
    );
    const [after] = await toReport();
    expect(after.reason).toContain('gerichtet an: Bremen');
    expect(after.reason).not.toContain('Hamburg');
  });
});

/** The statements a piece of work runs on SQLite, with their parameters. */
async function statementsOf(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<Array<[string, unknown[]]>> {
  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner);
  const seen: Array<[string, unknown[]]> = [];
  runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
    seen.push([sql, parameters ?? []]);
    return query(sql, parameters, structured as never);
  }) as typeof runner.query;
  try {
    await work();
  } finally {
    runner.query = query;
  }
  return seen;
}

describe('the overdue refresh after an ingest, on SQLite', () => {
  let db: TestDatabase;
  afterEach(() => db?.drop());

  it('reads the mandates it judges by id, not every mandate of their deadline kind', async () => {
    db = await createTestDatabase('sqlite');
    const { seeds, ingest, seedsDir } = ingestServices(db.dataSource);
    await seeds.seedAll(seedsDir);
    for (let i = 0; i < 3; i++) await ingest.ingestText(generatedProtocol(i), `generated-${i}.md`);
    const kinds = await db.dataSource.query(
      `SELECT "dueKind", MIN("id") AS "id" FROM "mandate" WHERE "dueKind" IN ('meeting', 'date', 'recurring') GROUP BY "dueKind"`,
    );
    expect(kinds).toHaveLength(3);
    const statements = await statementsOf(db.dataSource, () =>
      db.dataSource.transaction((manager) =>
        refreshOverdueFlags(manager, new Date('2030-01-01T00:00:00Z'), {
          mandateIds: kinds.map((k: { id: number }) => Number(k.id)),
        }),
      ),
    );
    const plans: string[] = [];
    for (const [sql, parameters] of statements.filter(([sql]) => /^\s*(SELECT|UPDATE)/.test(sql)))
      for (const step of await db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters))
        plans.push(step.detail as string);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((p) => /\b(SCAN|SEARCH) (m|mandate)\b/.test(p))).not.toEqual([]);
    // By id (the integer primary key), never by the index on (dueKind, dueDate) or a full scan.
    expect(
      plans.filter((p) => /IDX_mandate_due_kind_date|^SCAN (m|mandate|obligation)\b/.test(p)),
    ).toEqual([]);
  }, 60_000);
});
