import { dueColumns, dueOf, dueOfColumns, type Due } from './due';

describe('deadline columns', () => {
  it.each<[Due]>([
    [{ kind: 'meeting', meeting: 34 }],
    [{ kind: 'meeting', meeting: 34, soft: true }],
    [{ kind: 'date', date: '2021-12-31' }],
    [{ kind: 'date', date: '2021-12-31', soft: true }],
    [{ kind: 'recurring' }],
    [{ kind: 'recurring', fromMeeting: 33 }],
    [{ kind: 'event' }],
    [{ kind: 'none' }],
  ])('keeps %j through the columns', (due) => {
    expect(dueOfColumns(dueColumns(due))).toEqual(due);
  });

  it('sets only the column of the kind', () => {
    expect(dueColumns({ kind: 'date', meeting: 34, date: '2021-12-31', fromMeeting: 33 })).toEqual({
      dueKind: 'date',
      dueMeeting: null,
      dueDate: '2021-12-31',
      dueFromMeeting: null,
      dueSoft: false,
    });
  });

  it('does not store what a text adds beyond the deadline (later dates, a recurring first day)', () => {
    expect(
      dueOfColumns(dueColumns({ kind: 'date', date: '2026-01-01', later: ['2028-01-01'] } as Due)),
    ).toEqual({ kind: 'date', date: '2026-01-01' });
    expect(dueOfColumns(dueColumns({ kind: 'recurring', date: '2026-03-31' } as Due))).toEqual({
      kind: 'recurring',
    });
  });

  it('reads raw query rows: numbers as strings, booleans as 0/1', () => {
    expect(
      dueOfColumns({ dueKind: 'meeting', dueMeeting: '35', dueDate: null, dueSoft: 1 }),
    ).toEqual({ kind: 'meeting', meeting: 35, soft: true });
    expect(dueOfColumns({ dueKind: 'recurring', dueFromMeeting: 40, dueSoft: 0 })).toEqual({
      kind: 'recurring',
      fromMeeting: 40,
    });
  });

  it('takes a session or date deadline without its session or date as no deadline', () => {
    expect(dueOfColumns({ dueKind: 'meeting', dueMeeting: null })).toEqual({ kind: 'none' });
    expect(dueOf({ kind: 'date', date: null })).toEqual({ kind: 'none' });
    expect(dueOfColumns({ dueKind: 'something else' })).toEqual({ kind: 'none' });
  });
});
