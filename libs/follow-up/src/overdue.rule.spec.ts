import { obligation, SESSIONS, sessionsWith } from './follow-up.factory';
import type { ObligationStatus } from '@app/domain';
import { daysOverdue, overdueSince, upcomingDueDate } from './overdue.rule';

const at = (iso: string) => new Date(iso);

describe('overdueSince: deadline at a session', () => {
  const facts = obligation({ due: { kind: 'meeting', meeting: 34 } });

  it('is not overdue on the day of the session', () => {
    expect(overdueSince(facts, SESSIONS, at('2021-03-17T23:59:59Z'))).toBeNull();
  });

  it('is overdue from the day after the session', () => {
    expect(overdueSince(facts, SESSIONS, at('2021-03-18T00:00:00Z'))).toBe('2021-03-18');
    expect(overdueSince(facts, SESSIONS, at('2021-05-01T12:00:00Z'))).toBe('2021-03-18');
  });

  it('follows a session moved later and is no longer overdue', () => {
    const moved = sessionsWith({ number: 34, date: '2021-04-15', state: 'planned' });
    expect(overdueSince(facts, moved, at('2021-04-01T12:00:00Z'))).toBeNull();
    expect(overdueSince(facts, moved, at('2021-04-16T12:00:00Z'))).toBe('2021-04-16');
  });

  it('follows a session moved earlier', () => {
    const moved = sessionsWith({ number: 34, date: '2021-03-03', state: 'held' });
    expect(overdueSince(facts, moved, at('2021-03-10T12:00:00Z'))).toBe('2021-03-04');
  });

  it('moves to the next session when its session is cancelled', () => {
    const cancelled = sessionsWith({ number: 34, date: '2021-03-17', state: 'cancelled' });
    expect(overdueSince(facts, cancelled, at('2021-05-01T12:00:00Z'))).toBeNull();
    expect(overdueSince(facts, cancelled, at('2021-06-24T08:00:00Z'))).toBe('2021-06-24');
  });

  it('is not overdue while the session is unknown or has no date', () => {
    const unknown = obligation({ due: { kind: 'meeting', meeting: 50 } });
    expect(overdueSince(unknown, SESSIONS, at('2030-01-01T00:00:00Z'))).toBeNull();
    const undated = sessionsWith({ number: 34, date: null, state: 'planned' });
    expect(overdueSince(facts, undated, at('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('treats a soft deadline ("möglichst") like any other', () => {
    const soft = obligation({ due: { kind: 'meeting', meeting: 34, soft: true } });
    expect(overdueSince(soft, SESSIONS, at('2021-03-20T00:00:00Z'))).toBe('2021-03-18');
  });
});

describe('overdueSince: deadline on a date', () => {
  const facts = obligation({ due: { kind: 'date', date: '2020-12-31' } });

  it('is overdue from the day after the date', () => {
    expect(overdueSince(facts, SESSIONS, at('2020-12-31T22:00:00Z'))).toBeNull();
    expect(overdueSince(facts, SESSIONS, at('2021-01-01T00:00:00Z'))).toBe('2021-01-01');
  });

  it('counts in UTC, not in the reader’s zone', () => {
    // 00:30 in Berlin on New Year's Day is still 31 December in UTC.
    expect(overdueSince(facts, SESSIONS, at('2021-01-01T00:30:00+01:00'))).toBeNull();
  });
});

describe('overdueSince: statuses', () => {
  const late = at('2021-05-01T12:00:00Z');

  it.each<ObligationStatus>(['done', 'cancelled', 'superseded'])('never flags %s', (status) => {
    expect(overdueSince(obligation({ status }), SESSIONS, late)).toBeNull();
  });

  it('flags open and in-progress obligations', () => {
    expect(overdueSince(obligation({ status: 'open' }), SESSIONS, late)).toBe('2021-03-18');
    expect(overdueSince(obligation({ status: 'in_progress' }), SESSIONS, late)).toBe('2021-03-18');
  });

  it('does not flag a reported one-off obligation: the owner delivered', () => {
    expect(overdueSince(obligation({ status: 'reported' }), SESSIONS, late)).toBeNull();
    const dated = obligation({ status: 'reported', due: { kind: 'date', date: '2020-12-31' } });
    expect(overdueSince(dated, SESSIONS, late)).toBeNull();
  });

  it('never flags deadlines after an event or without a deadline', () => {
    expect(overdueSince(obligation({ due: { kind: 'event' } }), SESSIONS, late)).toBeNull();
    expect(overdueSince(obligation({ due: { kind: 'none' } }), SESSIONS, late)).toBeNull();
  });
});

describe('overdueSince: report at every session', () => {
  // Decided at the 32nd session: report to the 33rd (2020-10-23), 34th (2021-03-17), 35th (2021-06-23) …
  const duty = (reports: string[], status: ObligationStatus = 'open') =>
    obligation({
      status,
      due: { kind: 'recurring', fromMeeting: 33 },
      decidedAt: '2020-06-24',
      reports,
    });

  it('is not overdue before the first session it has to report to', () => {
    expect(overdueSince(duty([]), SESSIONS, at('2020-10-23T12:00:00Z'))).toBeNull();
  });

  it('is overdue from the day after the first session that passed without a report', () => {
    expect(overdueSince(duty([]), SESSIONS, at('2020-10-24T00:00:00Z'))).toBe('2020-10-24');
  });

  it('is not overdue when every passed session got its report', () => {
    const reports = ['2020-10-20T09:00:00Z', '2021-03-17T08:00:00Z'];
    expect(overdueSince(duty(reports), SESSIONS, at('2021-05-01T00:00:00Z'))).toBeNull();
  });

  it('flags the first missed session even when later ones were reported', () => {
    const reports = ['2020-10-20T09:00:00Z', '2021-06-01T09:00:00Z'];
    expect(overdueSince(duty(reports), SESSIONS, at('2021-07-01T00:00:00Z'))).toBe('2021-03-18');
  });

  it('counts a report for one session only: two before the 33rd do not cover the 34th', () => {
    const reports = ['2020-09-01T09:00:00Z', '2020-10-01T09:00:00Z'];
    expect(overdueSince(duty(reports), SESSIONS, at('2021-03-18T00:00:00Z'))).toBe('2021-03-18');
  });

  it('does not count a report given before the mandate was decided', () => {
    expect(overdueSince(duty(['2020-06-24T09:00:00Z']), SESSIONS, at('2020-10-24T00:00:00Z'))).toBe(
      '2020-10-24',
    );
  });

  it('still flags a duty whose status is reported', () => {
    expect(
      overdueSince(
        duty(['2020-10-20T09:00:00Z'], 'reported'),
        SESSIONS,
        at('2021-03-18T00:00:00Z'),
      ),
    ).toBe('2021-03-18');
  });

  it('ends with done, cancelled or superseded', () => {
    expect(overdueSince(duty([], 'done'), SESSIONS, at('2021-07-01T00:00:00Z'))).toBeNull();
    expect(overdueSince(duty([], 'cancelled'), SESSIONS, at('2021-07-01T00:00:00Z'))).toBeNull();
  });

  it('asks nothing of a cancelled session and follows a moved one', () => {
    const sessions = sessionsWith(
      { number: 33, date: '2020-10-23', state: 'cancelled' },
      { number: 34, date: '2021-04-20', state: 'held' },
    );
    // 33 cancelled: the first report is due at the 34th, which moved to 20 April.
    expect(overdueSince(duty([]), sessions, at('2021-04-20T12:00:00Z'))).toBeNull();
    expect(overdueSince(duty([]), sessions, at('2021-04-21T00:00:00Z'))).toBe('2021-04-21');
    expect(
      overdueSince(duty(['2021-04-01T09:00:00Z']), sessions, at('2021-04-21T00:00:00Z')),
    ).toBeNull();
  });

  it('does not demand a report to the very session that decided the duty', () => {
    const fromNow = obligation({
      due: { kind: 'recurring', fromMeeting: 33 },
      decidedAt: '2020-10-23',
    });
    expect(overdueSince(fromNow, SESSIONS, at('2020-11-01T00:00:00Z'))).toBeNull();
    expect(overdueSince(fromNow, SESSIONS, at('2021-03-18T00:00:00Z'))).toBe('2021-03-18');
  });
});

describe('overdueSince: yearly report', () => {
  // Decided 2020-06-24: reports due by 2021-06-24, 2022-06-24, 2023-06-24 (365-day periods).
  const yearly = (reports: string[]) =>
    obligation({ due: { kind: 'recurring' }, decidedAt: '2020-06-24', reports });

  it('is not overdue within the first year', () => {
    expect(overdueSince(yearly([]), SESSIONS, at('2021-06-24T12:00:00Z'))).toBeNull();
  });

  it('is overdue from the day after the first year without a report', () => {
    expect(overdueSince(yearly([]), SESSIONS, at('2021-06-25T00:00:00Z'))).toBe('2021-06-25');
  });

  it('is satisfied by one report in every period', () => {
    const reports = ['2021-05-01T09:00:00Z', '2022-06-24T09:00:00Z'];
    expect(overdueSince(yearly(reports), SESSIONS, at('2022-12-01T00:00:00Z'))).toBeNull();
  });

  it('flags the second year when only the first was reported', () => {
    expect(
      overdueSince(yearly(['2021-05-01T09:00:00Z']), SESSIONS, at('2022-12-01T00:00:00Z')),
    ).toBe('2022-06-25');
  });
});

describe('daysOverdue', () => {
  it('counts the first overdue day as one', () => {
    expect(daysOverdue('2021-03-18', at('2021-03-18T06:00:00Z'))).toBe(1);
    expect(daysOverdue('2021-03-18', at('2021-03-27T23:00:00Z'))).toBe(10);
  });

  it('is never negative', () => {
    expect(daysOverdue('2021-03-18', at('2021-03-01T00:00:00Z'))).toBe(0);
  });
});

describe('upcomingDueDate', () => {
  const now = at('2021-04-01T12:00:00Z');

  it('is the day a pending one-off deadline falls on', () => {
    expect(
      upcomingDueDate(obligation({ due: { kind: 'meeting', meeting: 35 } }), SESSIONS, now),
    ).toBe('2021-06-23');
  });

  it('is null once the deadline passed, the owner reported, or for events', () => {
    expect(upcomingDueDate(obligation(), SESSIONS, now)).toBeNull();
    const reported = obligation({ status: 'reported', due: { kind: 'meeting', meeting: 35 } });
    expect(upcomingDueDate(reported, SESSIONS, now)).toBeNull();
    expect(upcomingDueDate(obligation({ due: { kind: 'event' } }), SESSIONS, now)).toBeNull();
  });

  it('is the next session of a recurring duty until this round is reported', () => {
    const duty = obligation({
      due: { kind: 'recurring', fromMeeting: 33 },
      decidedAt: '2020-06-24',
    });
    expect(upcomingDueDate(duty, SESSIONS, now)).toBe('2021-06-23');
    expect(
      upcomingDueDate({ ...duty, reports: ['2021-03-30T09:00:00Z'] }, SESSIONS, now),
    ).toBeNull();
  });

  it('is the end of the running year of a yearly duty', () => {
    const yearly = obligation({ due: { kind: 'recurring' }, decidedAt: '2020-06-24' });
    expect(upcomingDueDate(yearly, SESSIONS, now)).toBe('2021-06-24');
  });
});
