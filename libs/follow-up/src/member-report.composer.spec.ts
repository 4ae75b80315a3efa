import { obligation, SESSIONS, sessionsWith } from './follow-up.factory';
import type { Session } from '@app/domain';
import type { ObligationFacts } from './follow-up.types';
import { composeMemberReport } from './member-report.composer';

const member = { code: 'HB', name: 'Bremen' };
const baseUrl = 'https://tracker.example';
// Between the 34th (2021-03-17) and the 35th (2021-06-23) session.
const now = new Date('2021-04-01T10:00:00Z');

const report = (obligations: ObligationFacts[], sessions: Session[] = SESSIONS, at = now) =>
  composeMemberReport({ member, obligations, sessions, now: at, baseUrl });

const ids = (items: Array<{ obligationId: number }>) => items.map((item) => item.obligationId);

describe('composeMemberReport', () => {
  it('names the member, the time and the sessions around now', () => {
    const result = report([]);
    expect(result.member).toEqual(member);
    expect(result.generatedAt).toBe('2021-04-01T10:00:00.000Z');
    expect(result.nextSession).toEqual({ number: 35, date: '2021-06-23' });
    expect(result.lastSession).toEqual({ number: 34, date: '2021-03-17' });
    expect(result.counts).toEqual({ open: 0, overdue: 0, done: 0 });
  });

  it('has no next or last session outside the known calendar', () => {
    expect(report([], SESSIONS, new Date('2019-01-01T00:00:00Z')).lastSession).toBeNull();
    expect(report([], SESSIONS, new Date('2023-01-01T00:00:00Z')).nextSession).toBeNull();
  });

  it('describes each item with its deadline, status, source and link', () => {
    const facts = obligation({
      id: 7,
      mandateId: 42,
      point: 3,
      due: { kind: 'meeting', meeting: 35 },
    });
    const [item] = report([facts]).sections.open;
    expect(item).toEqual({
      obligationId: 7,
      mandateId: 42,
      owner: 'HB',
      resolution: '2020/28',
      point: 3,
      action: 'Bericht zum Umsetzungsstand vorlegen',
      due: '35. Sitzung (23.06.2021)',
      dueDate: '2021-06-23',
      status: 'open',
      source: 'Der IT-Planungsrat bittet die Länder, zur 34. Sitzung zu berichten.',
      link: 'https://tracker.example/mandates/42',
    });
  });

  it('lists overdue obligations most overdue first, with their days', () => {
    const result = report([
      obligation({ id: 1, due: { kind: 'meeting', meeting: 34 } }),
      obligation({ id: 2, due: { kind: 'date', date: '2020-12-31' } }),
      obligation({ id: 3, due: { kind: 'date', date: '2021-03-30' } }),
      obligation({ id: 4, due: { kind: 'meeting', meeting: 35 } }),
    ]);
    expect(ids(result.sections.overdue)).toEqual([2, 1, 3]);
    expect(result.sections.overdue.map((item) => [item.overdueSince, item.daysOverdue])).toEqual([
      ['2021-01-01', 91],
      ['2021-03-18', 15],
      ['2021-03-31', 2],
    ]);
    expect(result.counts.overdue).toBe(3);
  });

  it('marks overdue items in the other sections too', () => {
    const result = report([obligation({ id: 1 }), obligation({ id: 2, due: { kind: 'none' } })]);
    expect(
      result.sections.open.map((item) => [item.obligationId, item.overdueSince, item.daysOverdue]),
    ).toEqual([
      [1, '2021-03-18', 15],
      [2, undefined, undefined],
    ]);
  });

  it('orders equally overdue items by decision and point', () => {
    const result = report([
      obligation({ id: 1, resolution: '2020/28', point: 2 }),
      obligation({ id: 2, resolution: '2020/9', point: 1 }),
      obligation({ id: 3, resolution: '2020/28', point: 1 }),
    ]);
    expect(ids(result.sections.overdue)).toEqual([2, 3, 1]);
  });

  it('lists what is owed at the next session, reported ones included', () => {
    const result = report([
      obligation({ id: 1, due: { kind: 'meeting', meeting: 35 } }),
      obligation({ id: 2, due: { kind: 'meeting', meeting: 35 }, status: 'reported' }),
      obligation({ id: 3, due: { kind: 'meeting', meeting: 35 }, status: 'done' }),
      obligation({ id: 4, due: { kind: 'meeting', meeting: 36 } }),
      obligation({ id: 5, due: { kind: 'recurring', fromMeeting: 33 } }),
    ]);
    expect(ids(result.sections.dueAtNextSession)).toEqual([1, 2, 5]);
  });

  it('puts deadlines of a cancelled next session at the session that takes over', () => {
    const sessions = sessionsWith({ number: 35, date: '2021-06-23', state: 'cancelled' });
    const result = report(
      [
        obligation({ id: 1, due: { kind: 'meeting', meeting: 35 } }),
        obligation({ id: 2, due: { kind: 'meeting', meeting: 36 } }),
      ],
      sessions,
    );
    expect(result.nextSession).toEqual({ number: 36, date: '2021-10-29' });
    expect(ids(result.sections.dueAtNextSession)).toEqual([1, 2]);
  });

  it('lists every obligation still owed as open, earliest deadline first', () => {
    const result = report([
      obligation({ id: 1, due: { kind: 'none' } }),
      obligation({ id: 2, due: { kind: 'meeting', meeting: 36 }, status: 'in_progress' }),
      obligation({ id: 3, due: { kind: 'date', date: '2020-12-31' } }),
      obligation({ id: 4, status: 'reported' }),
      obligation({ id: 5, status: 'done' }),
      obligation({ id: 6, status: 'cancelled' }),
      obligation({ id: 7, status: 'superseded' }),
    ]);
    expect(ids(result.sections.open)).toEqual([3, 4, 2, 1]);
    expect(result.counts.open).toBe(4);
  });

  it('lists what was done after the last session', () => {
    const result = report([
      obligation({ id: 1, status: 'done', statusChangedAt: '2021-03-18T08:00:00Z' }),
      obligation({ id: 2, status: 'done', statusChangedAt: '2021-03-17T15:00:00Z' }),
      obligation({ id: 3, status: 'done' }),
      obligation({ id: 4, status: 'reported', statusChangedAt: '2021-03-20T08:00:00Z' }),
    ]);
    expect(ids(result.sections.doneSinceLastSession)).toEqual([1]);
    expect(result.counts.done).toBe(1);
  });

  it('counts everything done as new before the first session', () => {
    const result = report(
      [obligation({ id: 1, status: 'done' }), obligation({ id: 2, status: 'cancelled' })],
      SESSIONS,
      new Date('2020-01-01T00:00:00Z'),
    );
    expect(ids(result.sections.doneSinceLastSession)).toEqual([1]);
  });
});
