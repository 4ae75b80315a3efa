import { JobHandlers } from '@app/jobs';
import { DigestOutbox } from '@app/persistence';
import { decodedMail } from './support/mail-links';
import { mailingApi } from './support/mailing-api';
import { DATABASES } from './support/test-database';

const BASE = 'https://tracker.test';
const NOW = '2026-12-07T06:00:00Z';

describe.each(DATABASES)('reminders before a deadline, on %s', (kind) => {
  const { api, smtp } = mailingApi(kind, BASE);

  const sql = (query: string, params: unknown[]) =>
    api().db.dataSource.query(
      kind === 'postgres'
        ? query.replace(/\?/g, (_m, i: number) => `$${query.slice(0, i).split('?').length}`)
        : query,
      params,
    );
  /** The 49th session 10 days ahead, the 50th 30 days ahead (both undated in the seeds). */
  const dateSession = (number: number, date: string) =>
    sql(`UPDATE meeting SET date = ? WHERE kind = 'session' AND number = ?`, [date, number]);
  const dueAt = (mandateId: number, meeting: number) =>
    sql(
      `UPDATE mandate SET "dueKind" = 'meeting', "dueMeeting" = ?, "dueDate" = NULL WHERE id = ?`,
      [meeting, mandateId],
    );
  const remindersFor = (email: string, mandateId: number) =>
    smtp().received.filter(
      (m) => m.to[0] === email && decodedMail(m).includes(`${BASE}/mandates/${mandateId}\r\n`),
    );

  it('reminds the delegates 10 days ahead with the default lead time, not 30 days ahead, and never twice', async () => {
    const delegate = await api().userWithRole('delegate', 'HB');
    const mine = await api()
      .http()
      .get('/api/me/obligations?status=open&pageSize=5')
      .set('Authorization', delegate.auth)
      .expect(200);
    const [soon, later] = (mine.body.items as Array<{ id: number }>).map((m) => m.id);
    expect(soon).not.toBe(later);
    await dateSession(49, '2026-12-17');
    await dateSession(50, '2027-01-06');
    await dueAt(soon, 49);
    await dueAt(later, 50);

    const handlers = api().app.get(JobHandlers);
    const first = (await handlers.run('reminders', { now: NOW })) as { leadDays: number };
    expect(first.leadDays).toBe(14);
    const reminded = remindersFor(delegate.email, soon);
    expect(reminded).toHaveLength(1);
    const mail = decodedMail(reminded[0]);
    expect(mail).toContain('in 10 Tagen (17.12.2026)');
    expect(mail).toContain('Frist: 49. Sitzung (17.12.2026)');
    expect(remindersFor(delegate.email, later)).toHaveLength(0);

    // The next days: nothing twice.
    await handlers.run('reminders', { now: NOW });
    await handlers.run('reminders', { now: '2026-12-08T06:00:00Z' });
    expect(remindersFor(delegate.email, soon)).toHaveLength(1);

    // The session moves by two days: one more reminder, with the new day; then none again.
    await dateSession(49, '2026-12-19');
    await handlers.run('reminders', { now: '2026-12-08T06:00:00Z' });
    await handlers.run('reminders', { now: '2026-12-09T06:00:00Z' });
    const again = remindersFor(delegate.email, soon);
    expect(again).toHaveLength(2);
    expect(decodedMail(again[1])).toContain('in 11 Tagen (19.12.2026)');
    expect(remindersFor(delegate.email, later)).toHaveLength(0);

    // A longer lead time (REMINDER_LEAD_DAYS) reaches the 50th session too.
    process.env.REMINDER_LEAD_DAYS = '40';
    try {
      const longer = (await handlers.run('reminders', { now: '2026-12-09T06:00:00Z' })) as {
        leadDays: number;
      };
      expect(longer.leadDays).toBe(40);
    } finally {
      delete process.env.REMINDER_LEAD_DAYS;
    }
    expect(remindersFor(delegate.email, later)).toHaveLength(1);
    expect(remindersFor(delegate.email, soon)).toHaveLength(2);

    const rows = await api()
      .db.dataSource.getRepository(DigestOutbox)
      .find({ where: { recipient: delegate.email } });
    const keys = rows.map((r) => r.period).filter((p) => p.startsWith('F'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });
});
