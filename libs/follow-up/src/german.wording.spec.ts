import { describeDecidedIn, describeMeetingState, describeOverdue } from './german.wording';

describe('describeOverdue', () => {
  it('says one day in the singular', () => {
    expect(describeOverdue(1)).toBe('seit 1 Tag überfällig');
    expect(describeOverdue(12)).toBe('seit 12 Tagen überfällig');
  });
});

describe('meetings as people read them', () => {
  it('names meetings without a number by their kind and date, never "0. Sitzung"', () => {
    expect(describeDecidedIn({ number: null, kind: 'special', date: '2020-09-18' })).toBe(
      'Sondersitzung am 18.09.2020',
    );
    expect(describeDecidedIn({ number: null, kind: 'circulation', date: '2021-03-01' })).toBe(
      'Umlaufverfahren vom 01.03.2021',
    );
    expect(
      describeDecidedIn({ number: 39, kind: 'body', body: 'AL-Runde', date: '2025-06-02' }),
    ).toBe('AL-Runde, 39. Sitzung am 02.06.2025');
    expect(describeDecidedIn({ number: 34, kind: 'session', date: '2021-03-17' })).toBe(
      '34. Sitzung',
    );
  });

  it('says a session whose date has passed took place, whatever the calendar still says', () => {
    const today = '2026-01-10';
    expect(describeMeetingState({ state: 'planned', date: '2025-11-26' }, today)).toBe(
      'stattgefunden',
    );
    expect(describeMeetingState({ state: 'planned', date: '2026-03-25' }, today)).toBe('geplant');
    expect(describeMeetingState({ state: 'planned', date: today }, today)).toBe('geplant');
    expect(describeMeetingState({ state: 'planned', date: null }, today)).toBe(
      'geplant, Termin offen',
    );
    expect(describeMeetingState({ state: 'cancelled', date: '2025-11-26' }, today)).toBe(
      'abgesagt',
    );
    expect(describeMeetingState({ state: 'held', date: null }, today)).toBe('stattgefunden');
  });
});
