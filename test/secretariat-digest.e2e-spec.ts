import { JobHandlers } from '@app/jobs';
import { SYSTEM_ACTOR } from '@app/audit';
import { DigestOutbox, User } from '@app/persistence';
import { ADMIN } from './support/api-app';
import { decodedMail } from './support/mail-links';
import { mailingApi } from './support/mailing-api';
import type { ReceivedMail } from './support/smtp-test-server';
import { DATABASES } from './support/test-database';

const BASE = 'https://tracker.test';
const SECTIONS: Record<string, string> = {
  'Überfällig:': 'overdue',
  'Berichtet, zu bestätigen:': 'reported',
};

/** "owner|overdue|mandate id" for every entry of the digest's plain-text part. */
function entriesOf(mail: ReceivedMail): string[] {
  const lines = decodedMail(mail).split(/\r?\n/);
  const entries: string[] = [];
  let owner = '';
  let section = '';
  lines.forEach((line, i) => {
    if (/^=+$/.test(lines[i + 1] ?? '') && line.length > 0)
      owner = /\(([^()]+)\)$/.exec(line)?.[1] ?? line;
    else if (SECTIONS[line]) section = SECTIONS[line];
    const link = new RegExp(`^  ${BASE}/mandates/(\\d+)$`).exec(line);
    if (link) entries.push(`${owner}|${section}|${link[1]}`);
  });
  return entries.sort();
}

describe.each(DATABASES)('the weekly overview for the secretariat, on %s', (kind) => {
  const { api, smtp } = mailingApi(kind, BASE);

  /** What the overview must list, read straight from the database. */
  const expected = async (): Promise<string[]> => {
    const rows: Array<Record<string, unknown>> = await api()
      .db.dataSource.createQueryBuilder()
      .select([
        'o.owner AS owner',
        'o.status AS status',
        'o."overdueSince" AS "overdueSince"',
        'o."mandateId" AS "mandateId"',
      ])
      .from('obligation', 'o')
      .innerJoin('mandate', 'm', 'm.id = o."mandateId"')
      .where('m."withdrawnAt" IS NULL')
      .getRawMany();
    return rows
      .flatMap((r) => {
        if (r.status === 'reported') return [`${String(r.owner)}|reported|${Number(r.mandateId)}`];
        if (['done', 'cancelled', 'superseded'].includes(String(r.status))) return [];
        return r.overdueSince ? [`${String(r.owner)}|overdue|${Number(r.mandateId)}`] : [];
      })
      .sort();
  };

  it('lists exactly the overdue and reported obligations of all members, once per account and week', async () => {
    const delegate = await api().userWithRole('delegate', 'HB');
    const second = await api().userWithRole('secretariat');
    const quiet = await api().userWithRole('secretariat');
    const users = api().db.dataSource.getRepository(User);
    const quietUser = await users.findOneByOrFail({ email: quiet.email });
    await api().accounts.updateUser(quietUser.id, { digestFrequency: 'off' }, SYSTEM_ACTOR);
    const mine = await api()
      .http()
      .get('/api/me/obligations?status=open&pageSize=5')
      .set('Authorization', delegate.auth)
      .expect(200);
    const obligationId = (mine.body.items as Array<{ owners: Array<{ obligationId: number }> }>)[0]
      .owners[0].obligationId;
    await api()
      .http()
      .patch(`/api/obligations/${obligationId}`)
      .set('Authorization', delegate.auth)
      .send({ status: 'reported', note: 'Bericht übermittelt' })
      .expect(200);

    const want = await expected();
    expect(want.some((e) => e.includes('|overdue|'))).toBe(true);
    expect(want.filter((e) => e.includes('|reported|'))).toHaveLength(1);

    const handlers = api().app.get(JobHandlers);
    const result = (await handlers.run('digests-weekly', { now: '2026-12-07T06:00:00Z' })) as {
      secretariat: { period: string; sent: number };
    };
    expect(result.secretariat).toMatchObject({ period: 'S2026-W50', sent: 2 });
    const secretariat = [ADMIN.email, second.email];
    const overviews = smtp().received.filter((m) => secretariat.includes(m.to[0]));
    expect(overviews.map((m) => m.to[0]).sort()).toEqual([...secretariat].sort());
    expect(smtp().received.some((m) => m.to[0] === quiet.email)).toBe(false);
    for (const mail of overviews) {
      expect(decodedMail(mail)).toContain('Wochenübersicht KW 50/2026 für die Geschäftsstelle');
      expect(entriesOf(mail)).toEqual(want);
    }

    // Later the same week: nothing new goes out.
    const before = smtp().received.length;
    const again = (await handlers.run('digests-weekly', { now: '2026-12-10T06:00:00Z' })) as {
      secretariat: { sent: number; alreadySent: number };
    };
    expect(again.secretariat).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(smtp().received).toHaveLength(before);
    const rows = await api().db.dataSource.getRepository(DigestOutbox).find();
    expect(
      rows.filter((r) => r.period === 'S2026-W50').map((r) => [r.recipient, r.status]),
    ).toEqual(expect.arrayContaining(secretariat.map((email) => [email, 'sent'])));
    expect(rows.filter((r) => r.period === 'S2026-W50')).toHaveLength(2);
  });
});
