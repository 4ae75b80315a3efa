import {
  ACTIVE_STATUSES,
  CLOSED_STATUSES,
  isClosed,
  isObligationStatus,
  isOwed,
  OBLIGATION_STATUSES,
  OWED_STATUSES,
  sqlList,
} from './obligation-status';

describe('obligation statuses', () => {
  it('owes nothing once done, cancelled or superseded', () => {
    expect(OBLIGATION_STATUSES.filter(isClosed)).toEqual(['done', 'cancelled', 'superseded']);
    expect(CLOSED_STATUSES.every((status) => !isOwed(status))).toBe(true);
  });

  it('still owes while open or in progress; a report waits for confirmation but is not owed', () => {
    expect(OBLIGATION_STATUSES.filter(isOwed)).toEqual(['open', 'in_progress']);
    expect(OWED_STATUSES).toEqual(['open', 'in_progress']);
    expect(ACTIVE_STATUSES).toEqual(['open', 'in_progress', 'reported']);
  });

  it('sorts every status into exactly one of owed, reported, closed', () => {
    for (const status of OBLIGATION_STATUSES) {
      const sets = [isOwed(status), status === 'reported', isClosed(status)];
      expect(sets.filter(Boolean)).toHaveLength(1);
    }
  });

  it('knows its own words only', () => {
    expect(isObligationStatus('in_progress')).toBe(true);
    expect(isObligationStatus('erledigt')).toBe(false);
    expect(isObligationStatus(undefined)).toBe(false);
  });

  it('writes a set as an SQL list', () => {
    expect(sqlList(OWED_STATUSES)).toBe(`('open', 'in_progress')`);
  });
});
