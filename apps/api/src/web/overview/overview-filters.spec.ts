import { overviewHref, readOverviewFilters, toListQuery } from './overview-filters';

const known = { owners: ['HB', 'NW'], meetings: [48, 49], decidedIn: [3, 7] };

describe('readOverviewFilters', () => {
  it('reads the form as sent, empty fields meaning "any" (never session 0)', () => {
    const filters = readOverviewFilters(
      { owner: '', status: '', dueMeeting: '', decidedIn: '', q: '', sort: '-meeting' },
      // Unnumbered meetings once listed as number 0: an empty field matched them all.
      { ...known, meetings: [0, ...known.meetings] },
    );
    expect(filters).toEqual({ sort: '-meeting', page: 1 });
    expect(toListQuery(filters, 50)).toMatchObject({ dueMeeting: undefined, meetingId: undefined });
  });

  it('filters by the meeting decided in, by id, and keeps it in the address', () => {
    const filters = readOverviewFilters({ decidedIn: '7', dueMeeting: '49' }, known);
    expect(filters).toMatchObject({ decidedIn: 7, dueMeeting: 49 });
    expect(toListQuery(filters, 50)).toMatchObject({ meetingId: 7, dueMeeting: 49 });
    expect(overviewHref(filters)).toBe('/overview?dueMeeting=49&decidedIn=7');
  });

  it('drops what the form cannot send: an unknown meeting, session 0, a fraction', () => {
    expect(readOverviewFilters({ decidedIn: '8', dueMeeting: '0' }, known)).toEqual({
      sort: '-meeting',
      page: 1,
    });
    expect(readOverviewFilters({ dueMeeting: '48.5' }, { ...known, meetings: [48.5] })).toEqual({
      sort: '-meeting',
      page: 1,
    });
  });
});
