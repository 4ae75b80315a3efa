import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@app/audit';
import {
  AuditRepository,
  DigestOutboxRepository,
  ImportPreview,
  ImportPreviewRepository,
  Mandate,
  Member,
  Obligation,
  OverviewRepository,
  UserRepository,
  type DigestFrequency,
  type User,
} from '@app/persistence';
import { ingestServices } from './support/ingest-services';
import { ROOT } from './support/seed-data';
import { createTestDatabase, DATABASES, type TestDatabase } from './support/test-database';
import { usersService } from './support/users-service';

const protocol = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');

describe.each(DATABASES)('repositories of the API reads on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const { seeds, seedsDir, ingest } = ingestServices(db.dataSource);
    await seeds.seedAll(seedsDir);
    await ingest.ingestText(protocol, 'itplr-32.md');
  });
  afterAll(() => db.drop());

  describe('OverviewRepository', () => {
    // The same numbers, counted from the rows one by one.
    const inForce = async () => {
      const mandates = await db.dataSource.getRepository(Mandate).find();
      return new Set(mandates.filter((m) => m.withdrawnAt === null).map((m) => m.id));
    };

    it('counts obligations per owner and status, overdue ones apart, for all or one member', async () => {
      const live = await inForce();
      const hb = await db.dataSource.getRepository(Member).findOneByOrFail({ code: 'HB' });
      const obligations = (await db.dataSource.getRepository(Obligation).find()).filter((o) =>
        live.has(o.mandateId),
      );
      const tally = (rows: Obligation[]) => {
        const counts = new Map<string, { count: number; overdue: number }>();
        for (const o of rows) {
          const key = `${o.owner}|${o.status}`;
          const c = counts.get(key) ?? { count: 0, overdue: 0 };
          c.count++;
          if (o.overdueSince !== null) c.overdue++;
          counts.set(key, c);
        }
        return [...counts]
          .map(([key, c]) => {
            const [owner, status] = key.split('|');
            return { owner, status, ...c };
          })
          .sort((a, b) => `${a.owner}|${a.status}`.localeCompare(`${b.owner}|${b.status}`));
      };
      const repository = new OverviewRepository(db.dataSource);
      const sorted = <T extends { owner: string; status: string }>(rows: T[]) =>
        [...rows].sort((a, b) => `${a.owner}|${a.status}`.localeCompare(`${b.owner}|${b.status}`));
      const all = await repository.obligationCounts();
      expect(all.length).toBeGreaterThan(5);
      expect(sorted(all)).toEqual(tally(obligations));
      const own = await repository.obligationCounts(hb.id);
      expect(own.map((r) => r.owner)).toContain('HB');
      expect(sorted(own)).toEqual(tally(obligations.filter((o) => o.memberId === hb.id)));
    });

    it('counts mandates in force per session they are due at, for all or one member', async () => {
      const live = await inForce();
      const mandates = (await db.dataSource.getRepository(Mandate).find()).filter(
        (m) => live.has(m.id) && m.dueKind === 'meeting',
      );
      const perSession = (rows: Mandate[]) => {
        const counts = new Map<number, number>();
        for (const m of rows)
          counts.set(m.dueMeeting as number, (counts.get(m.dueMeeting as number) ?? 0) + 1);
        return [...counts]
          .map(([session, count]) => ({ session, mandates: count }))
          .sort((a, b) => a.session - b.session);
      };
      const repository = new OverviewRepository(db.dataSource);
      const bySession = (rows: Array<{ session: number; mandates: number }>) =>
        [...rows].sort((a, b) => a.session - b.session);
      expect(bySession(await repository.mandatesDueBySession())).toEqual(perSession(mandates));
      const hb = await db.dataSource.getRepository(Member).findOneByOrFail({ code: 'HB' });
      const hbMandates = new Set(
        (await db.dataSource.getRepository(Obligation).findBy({ memberId: hb.id })).map(
          (o) => o.mandateId,
        ),
      );
      const own = bySession(await repository.mandatesDueBySession(hb.id));
      expect(own.length).toBeGreaterThan(0);
      expect(own).toEqual(perSession(mandates.filter((m) => hbMandates.has(m.id))));
    });
  });

  it('ImportPreviewRepository: the queue of uploads, the committed ones, and an upload text', async () => {
    const users = usersService(db.dataSource);
    const { user } = await users.createUser(
      {
        email: 'uploader@test.de',
        name: 'Uploader',
        role: 'secretariat',
        password: 'a-long-enough-password',
      },
      SYSTEM_ACTOR,
    );
    const previews = db.dataSource.getRepository(ImportPreview);
    const row = (fileName: string, committedAt: string | null) => ({
      userId: user.id,
      fileName,
      text: `Text von ${fileName}`,
      meeting: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      committedAt,
    });
    const waiting = (await previews.insert(row('a.txt', null))).identifiers[0].id as number;
    await previews.insert(row('b.txt', '2026-01-02T00:00:00.000Z'));
    await previews.insert(row('c.txt', '2026-01-03T00:00:00.000Z'));
    const repository = new ImportPreviewRepository(db.dataSource);
    expect((await repository.pending()).map((p) => p.fileName)).toEqual(['a.txt']);
    expect((await repository.recentlyCommitted()).map((p) => p.fileName)).toEqual([
      'c.txt',
      'b.txt',
    ]);
    // The lists leave the (possibly large) text out.
    expect((await repository.pending())[0]).not.toHaveProperty('text', expect.anything());
    expect(await repository.textOf(waiting)).toBe('Text von a.txt');
    expect(await repository.textOf(waiting + 1000)).toBeUndefined();
  });

  it('AuditRepository: appends in the caller’s transaction and reads filtered pages, newest first', async () => {
    const audit = new AuditRepository(db.dataSource);
    const event = (action: string, entityId: string) => ({
      at: '2026-02-01T10:00:00.000Z',
      userId: null,
      actor: 'repo-test@test.de',
      action,
      entity: 'mandate',
      entityId,
      before: null,
      after: { n: entityId },
    });
    await audit.append(event('mandate.correct', '1'));
    await audit.append(event('mandate.correct', '2'));
    await expect(
      db.dataSource.transaction(async (manager) => {
        await audit.append(event('mandate.correct', '3'), manager);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const page = await audit.page({ actor: 'Repo-Test@test.de', page: 1, pageSize: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((e) => e.entityId)).toEqual(['2', '1']);
    const second = await audit.page({ actor: 'repo-test@test.de', page: 2, pageSize: 1 });
    expect(second.items.map((e) => e.entityId)).toEqual(['1']);
    const one = await audit.page({ entity: 'mandate', entityId: '1', page: 1, pageSize: 10 });
    expect(one.items.map((e) => e.after)).toEqual([{ n: '1' }]);
  });

  it('DigestOutboxRepository: one row per member, recipient and period, its attempts and the failed ones', async () => {
    const outbox = new DigestOutboxRepository(db.dataSource);
    const hb = await db.dataSource.getRepository(Member).findOneByOrFail({ code: 'HB' });
    const key = { memberId: hb.id, recipient: 'outbox@test.de', period: '2026-W05' };
    const mail = { userId: null, subject: 'Ihre Übersicht', messageId: '<outbox-test@mt>' };
    const row = await outbox.reserve(key, mail);
    expect(row).toMatchObject({ ...key, status: 'pending', attempts: 0, lastError: null });
    // Reserving again finds the row already there and writes no second one.
    expect((await outbox.reserve(key, { ...mail, subject: 'Noch einmal' })).id).toBe(row.id);
    await outbox.markFailed(row, 'Der Mailserver hat die Nachricht nicht angenommen (451).');
    const failed = await outbox.failed();
    expect(failed.map((f) => [f.id, f.attempts, f.lastError, f.subject])).toEqual([
      [row.id, 1, 'Der Mailserver hat die Nachricht nicht angenommen (451).', 'Ihre Übersicht'],
    ]);
    await outbox.markSent(failed[0]);
    expect(await outbox.failed()).toEqual([]);
    expect(await outbox.reserve(key, mail)).toMatchObject({
      id: row.id,
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
  });

  it('UserRepository.digestReaders: active accounts of a role that take digests, of one frequency or any', async () => {
    const accounts = usersService(db.dataSource);
    const add = async (email: string, role: User['role'], digestFrequency: DigestFrequency) => {
      const { user } = await accounts.createUser(
        {
          email,
          name: email,
          role,
          password: 'a-long-enough-password',
          ...(role === 'delegate' ? { member: 'HB' } : {}),
        },
        SYSTEM_ACTOR,
      );
      await accounts.updateUser(user.id, { digestFrequency }, SYSTEM_ACTOR);
      return user.id;
    };
    await add('weekly@digest.test', 'delegate', 'weekly');
    await add('daily@digest.test', 'delegate', 'daily');
    await add('off@digest.test', 'delegate', 'off');
    const disabled = await add('gone@digest.test', 'delegate', 'weekly');
    await accounts.updateUser(disabled, { active: false }, SYSTEM_ACTOR);
    await add('office-b@digest.test', 'secretariat', 'daily');
    await add('quiet@digest.test', 'secretariat', 'off');
    await add('office-a@digest.test', 'secretariat', 'weekly');
    const users = new UserRepository(db.dataSource);
    // Only this test's accounts: other tests of this file add their own.
    const emails = (rows: Array<{ email: string }>) =>
      rows.map((u) => u.email).filter((e) => e.endsWith('@digest.test'));
    expect(emails(await users.digestReaders('delegate', 'weekly'))).toEqual(['weekly@digest.test']);
    expect(emails(await users.digestReaders('delegate', 'daily'))).toEqual(['daily@digest.test']);
    // Without a frequency: any but "off", in the order the accounts were made.
    expect(emails(await users.digestReaders('secretariat'))).toEqual([
      'office-b@digest.test',
      'office-a@digest.test',
    ]);
  });
});
