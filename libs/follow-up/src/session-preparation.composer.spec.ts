import { obligation, SESSIONS, sessionsWith } from './follow-up.factory';
import type { Session } from '@app/domain';
import type { ObligationFacts } from './follow-up.types';
import { composeSessionPreparation } from './session-preparation.composer';

const now = new Date('2021-06-01T08:00:00Z');
type Facts = ObligationFacts & { memberName?: string };

const prepare = (session: number, obligations: Facts[], sessions: Session[] = SESSIONS) =>
  composeSessionPreparation({
    session,
    obligations,
    sessions,
    now,
    baseUrl: 'https://tracker.example',
  });

const at35 = (overrides: Partial<Facts>): Facts =>
  ({ ...obligation({ due: { kind: 'meeting', meeting: 35 } }), ...overrides }) as Facts;

describe('composeSessionPreparation', () => {
  it('collects what is due at the session and nothing else', () => {
    const result = prepare(35, [
      at35({ id: 1 }),
      at35({ id: 2, due: { kind: 'meeting', meeting: 34 } }),
      at35({ id: 3, due: { kind: 'date', date: '2021-06-23' } }),
      at35({ id: 4, due: { kind: 'recurring', fromMeeting: 34 } }),
      at35({ id: 5, due: { kind: 'recurring', fromMeeting: 36 } }),
      at35({ id: 6, due: { kind: 'recurring' } }),
    ]);
    const ids = result.owners.flatMap((o) =>
      o.groups.flatMap((g) => g.items.map((i) => i.obligationId)),
    );
    expect(ids).toEqual([1, 4]);
    expect(result.counts.total).toBe(2);
  });

  it('names the session and its date', () => {
    const result = prepare(35, []);
    expect(result.requested).toBe(35);
    expect(result.session).toEqual({ number: 35, date: '2021-06-23', state: 'held' });
    expect(result.generatedAt).toBe('2021-06-01T08:00:00.000Z');
    expect(result.owners).toEqual([]);
  });

  it('takes over the business of a cancelled session', () => {
    const sessions = sessionsWith({ number: 35, date: '2021-06-23', state: 'cancelled' });
    const obligations = [at35({ id: 1 }), at35({ id: 2, due: { kind: 'meeting', meeting: 36 } })];
    for (const requested of [35, 36]) {
      const result = prepare(requested, obligations, sessions);
      expect(result.session?.number).toBe(36);
      expect(result.counts.total).toBe(2);
    }
  });

  it('groups by owner, sorted by name, then by status in workflow order', () => {
    const result = prepare(35, [
      at35({ id: 1, owner: 'HB', memberName: 'Bremen', status: 'done' }),
      at35({ id: 2, owner: 'HB', memberName: 'Bremen', status: 'open' }),
      at35({ id: 3, owner: 'Bund', memberName: 'Bund', status: 'reported' }),
      at35({ id: 4, owner: 'AG Cloud', status: 'in_progress' }),
      at35({ id: 5, owner: 'HB', memberName: 'Bremen', status: 'open', point: 0 }),
    ]);
    expect(
      result.owners.map((o) => [
        o.owner,
        o.name,
        o.count,
        o.groups.map((g) => [g.status, g.items.map((i) => i.obligationId)]),
      ]),
    ).toEqual([
      ['AG Cloud', 'AG Cloud', 1, [['in_progress', [4]]]],
      [
        'HB',
        'Bremen',
        3,
        [
          ['open', [5, 2]],
          ['done', [1]],
        ],
      ],
      ['Bund', 'Bund', 1, [['reported', [3]]]],
    ]);
  });

  it('counts by status', () => {
    const result = prepare(35, [
      at35({ id: 1, status: 'open' }),
      at35({ id: 2, status: 'open' }),
      at35({ id: 3, status: 'done' }),
      at35({ id: 4, status: 'superseded' }),
    ]);
    expect(result.counts).toEqual({
      total: 4,
      overdue: 0,
      byStatus: { open: 2, in_progress: 0, reported: 0, done: 1, cancelled: 0, superseded: 1 },
    });
  });

  it('marks and counts what is overdue by the stored flag, as the lists do', () => {
    const result = prepare(34, [
      at35({ id: 1, due: { kind: 'meeting', meeting: 34 } }),
      at35({ id: 2, due: { kind: 'meeting', meeting: 34 }, overdueSince: null }),
      at35({ id: 3, due: { kind: 'meeting', meeting: 34 }, status: 'reported' }),
    ]);
    const items = result.owners.flatMap((o) => o.groups.flatMap((g) => g.items));
    // Without a stored flag the rule decides (34 has passed at `now`); a stored null wins over it.
    expect(items.map((i) => [i.obligationId, i.overdueSince ?? null])).toEqual([
      [1, '2021-03-18'],
      [2, null],
      [3, null],
    ]);
    expect(result.counts.overdue).toBe(1);
  });

  it('leaves out recurring duties that have ended', () => {
    const result = prepare(35, [
      at35({ id: 1, due: { kind: 'recurring', fromMeeting: 33 }, status: 'done' }),
      at35({ id: 2, due: { kind: 'recurring', fromMeeting: 33 }, status: 'reported' }),
    ]);
    expect(result.owners[0].groups).toEqual([
      { status: 'reported', items: [expect.objectContaining({ obligationId: 2 })] },
    ]);
  });

  it('still gathers deadlines at a session the calendar does not know yet', () => {
    const result = prepare(50, [at35({ id: 1, due: { kind: 'meeting', meeting: 50 } })]);
    expect(result.session).toBeNull();
    expect(result.counts.total).toBe(1);
  });
});
