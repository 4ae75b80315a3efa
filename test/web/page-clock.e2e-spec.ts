import { ManualClock } from '@app/config';
import { Meeting } from '@app/persistence';
import { ADMIN, startApi, type ApiFixture } from '../support/api-app';
import { signIn, type Agent } from '../support/web-agent';

const DAY = 86_400_000;

// The pages decide by the app's Clock, not the wall clock: a test (or an "as if it were" run) sets
// the time and the pages follow it.
describe('web pages read the injected clock', () => {
  const clock = new ManualClock('2031-05-04T10:00:00Z');
  let api: ApiFixture;
  let admin: Agent;
  beforeAll(async () => {
    api = await startApi('sqlite', {}, clock);
    admin = await signIn(api, ADMIN.email, ADMIN.password);
  }, 60_000);
  afterAll(() => api?.close());

  it('dates the downloaded reports and exports by the clock', async () => {
    clock.set('2031-05-04T10:00:00Z');
    const member = await admin.get('/reports/member?member=HB&format=md').expect(200);
    expect(member.headers['content-disposition']).toBe(
      'attachment; filename="auftraege-HB-2031-05-04.md"',
    );
    const preparation = await admin.get('/reports/session?session=33&format=csv').expect(200);
    expect(preparation.headers['content-disposition']).toBe(
      'attachment; filename="sitzungsvorbereitung-33-2031-05-04.csv"',
    );
    clock.set('2032-01-15T10:00:00Z');
    const csv = await admin.get('/exports/obligations.csv').expect(200);
    expect(csv.headers['content-disposition']).toMatch(/-2032-01-15\.csv"$/);
  });

  it('names as next session the first one on or after the clock’s day', async () => {
    const dated = (
      await api.db.dataSource
        .getRepository(Meeting)
        .find({ where: { kind: 'session' }, order: { number: 'ASC' } })
    ).filter((m): m is Meeting & { number: number; date: string } => !!m.number && !!m.date);
    // Two sessions one after the other, each with a date in the calendar.
    const [first, second] = dated.slice(-2);
    expect(first.date < second.date).toBe(true);
    const nextOn = async (day: string): Promise<string | undefined> => {
      clock.set(`${day}T08:00:00Z`);
      const page = await admin.get('/sessions').expect(200);
      return /Nächste Sitzung: <a href="\/sessions\/(\d+)">/.exec(page.text)?.[1];
    };
    expect(await nextOn(first.date)).toBe(String(first.number));
    const dayAfter = new Date(Date.parse(`${first.date}T00:00:00Z`) + DAY)
      .toISOString()
      .slice(0, 10);
    expect(await nextOn(dayAfter)).toBe(String(second.number));
  });
});
