import { effectiveSession } from '@app/domain';
import {
  comingSession,
  dueDateOf,
  isDueAtSession,
  lastSession,
  nextSession,
} from './deadline.resolver';
import { SESSIONS, sessionsWith } from './follow-up.factory';

describe('effectiveSession', () => {
  it('is the session itself when it takes place', () => {
    expect(effectiveSession(34, SESSIONS)).toEqual({
      number: 34,
      date: '2021-03-17',
      state: 'held',
    });
  });

  it('moves to the next session when the named one is cancelled', () => {
    const sessions = sessionsWith({ number: 34, date: '2021-03-17', state: 'cancelled' });
    expect(effectiveSession(34, sessions)?.number).toBe(35);
  });

  it('skips several cancelled sessions in a row', () => {
    const sessions = sessionsWith(
      { number: 34, date: '2021-03-17', state: 'cancelled' },
      { number: 35, date: '2021-06-23', state: 'cancelled' },
    );
    expect(effectiveSession(34, sessions)?.number).toBe(36);
  });

  it('takes the lowest following number even when the calendar is out of order', () => {
    const sessions = [
      { number: 37, date: '2022-03-09', state: 'planned' as const },
      { number: 34, date: '2021-03-17', state: 'cancelled' as const },
      { number: 35, date: '2021-06-23', state: 'held' as const },
    ];
    expect(effectiveSession(34, sessions)?.number).toBe(35);
  });

  it('is undefined for an unknown session or when no later session is known', () => {
    expect(effectiveSession(50, SESSIONS)).toBeUndefined();
    const sessions = sessionsWith({ number: 37, date: '2022-03-09', state: 'cancelled' });
    expect(effectiveSession(37, sessions)).toBeUndefined();
  });
});

describe('dueDateOf', () => {
  it('gives the date of the session a meeting deadline points at', () => {
    expect(dueDateOf({ kind: 'meeting', meeting: 35 }, SESSIONS)).toBe('2021-06-23');
  });

  it('follows a moved session', () => {
    const sessions = sessionsWith({ number: 35, date: '2021-07-01', state: 'planned' });
    expect(dueDateOf({ kind: 'meeting', meeting: 35 }, sessions)).toBe('2021-07-01');
  });

  it('follows a cancelled session to the next one', () => {
    const sessions = sessionsWith({ number: 35, date: '2021-06-23', state: 'cancelled' });
    expect(dueDateOf({ kind: 'meeting', meeting: 35 }, sessions)).toBe('2021-10-29');
  });

  it('is null for unknown or undated sessions', () => {
    expect(dueDateOf({ kind: 'meeting', meeting: 50 }, SESSIONS)).toBeNull();
    const sessions = sessionsWith({ number: 37, date: null, state: 'planned' });
    expect(dueDateOf({ kind: 'meeting', meeting: 37 }, sessions)).toBeNull();
  });

  it('gives a date deadline as it is and nothing for the other kinds', () => {
    expect(dueDateOf({ kind: 'date', date: '2020-12-31' }, SESSIONS)).toBe('2020-12-31');
    expect(dueDateOf({ kind: 'recurring', fromMeeting: 33 }, SESSIONS)).toBeNull();
    expect(dueDateOf({ kind: 'recurring' }, SESSIONS)).toBeNull();
    expect(dueDateOf({ kind: 'event' }, SESSIONS)).toBeNull();
    expect(dueDateOf({ kind: 'none' }, SESSIONS)).toBeNull();
  });
});

describe('nextSession and lastSession', () => {
  it('finds the next session, the day itself included', () => {
    expect(nextSession(SESSIONS, '2021-04-01')?.number).toBe(35);
    expect(nextSession(SESSIONS, '2021-06-23')?.number).toBe(35);
    expect(nextSession(SESSIONS, '2021-06-24')?.number).toBe(36);
  });

  it('passes over cancelled and undated sessions', () => {
    const sessions = sessionsWith(
      { number: 35, date: '2021-06-23', state: 'cancelled' },
      { number: 36, date: null, state: 'planned' },
    );
    expect(nextSession(sessions, '2021-04-01')?.number).toBe(37);
  });

  it('has no next session after the last known one', () => {
    expect(nextSession(SESSIONS, '2022-03-10')).toBeUndefined();
  });

  it('finds the last session strictly before today', () => {
    expect(lastSession(SESSIONS, '2021-06-23')?.number).toBe(34);
    expect(lastSession(SESSIONS, '2021-06-24')?.number).toBe(35);
    expect(lastSession(SESSIONS, '2020-01-01')).toBeUndefined();
  });
});

describe('isDueAtSession', () => {
  it('matches a meeting deadline at that session only', () => {
    expect(isDueAtSession({ kind: 'meeting', meeting: 35 }, 35, SESSIONS)).toBe(true);
    expect(isDueAtSession({ kind: 'meeting', meeting: 34 }, 35, SESSIONS)).toBe(false);
  });

  it('matches deadlines of a cancelled session at the session that takes it over', () => {
    const sessions = sessionsWith({ number: 35, date: '2021-06-23', state: 'cancelled' });
    expect(isDueAtSession({ kind: 'meeting', meeting: 35 }, 36, sessions)).toBe(true);
    expect(isDueAtSession({ kind: 'meeting', meeting: 36 }, 35, sessions)).toBe(true);
  });

  it('matches recurring duties at every session from their first one', () => {
    const due = { kind: 'recurring' as const, fromMeeting: 34 };
    expect(isDueAtSession(due, 33, SESSIONS)).toBe(false);
    expect(isDueAtSession(due, 34, SESSIONS)).toBe(true);
    expect(isDueAtSession(due, 37, SESSIONS)).toBe(true);
  });

  it('never matches yearly, event or open-ended duties or date deadlines', () => {
    expect(isDueAtSession({ kind: 'recurring' }, 35, SESSIONS)).toBe(false);
    expect(isDueAtSession({ kind: 'event' }, 35, SESSIONS)).toBe(false);
    expect(isDueAtSession({ kind: 'none' }, 35, SESSIONS)).toBe(false);
    expect(isDueAtSession({ kind: 'date', date: '2021-06-23' }, 35, SESSIONS)).toBe(false);
  });
});

describe('comingSession', () => {
  const calendar = [
    { number: 47, date: '2025-06-26', state: 'planned' },
    { number: 48, date: '2025-11-26', state: 'planned' },
    { number: 49, date: null, state: 'planned' },
    { number: 50, date: null, state: 'planned' },
  ];

  it('is the first session after the last one held, even while its date is open', () => {
    expect(comingSession(calendar, '2026-01-10')?.number).toBe(49);
  });

  it('is the dated session ahead once it has a date, and skips a cancelled one', () => {
    const moved = calendar.map((s) =>
      s.number === 49
        ? { ...s, date: '2026-03-25' }
        : s.number === 48
          ? { ...s, date: '2026-01-20' }
          : s,
    );
    expect(comingSession(moved, '2026-01-10')?.number).toBe(48);
    const cancelled = calendar.map((s) => (s.number === 49 ? { ...s, state: 'cancelled' } : s));
    expect(comingSession(cancelled, '2026-01-10')?.number).toBe(50);
  });

  it('is none when every session lies in the past', () => {
    expect(comingSession(calendar.slice(0, 2), '2026-01-10')).toBeUndefined();
  });
});
