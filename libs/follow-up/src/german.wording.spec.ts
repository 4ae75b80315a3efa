import { SESSIONS, sessionsWith } from './follow-up.factory';
import {
  describeDecidedIn,
  describeDue,
  describeMeetingState,
  describeOverdue,
  describeSession,
} from './german.wording';

describe('describeDue', () => {
  it('names the session with its date', () => {
    expect(describeDue({ kind: 'meeting', meeting: 34 }, SESSIONS)).toBe(
      '34. Sitzung (17.03.2021)',
    );
  });

  it('shows where the business of a cancelled session went', () => {
    const sessions = sessionsWith({ number: 34, date: '2021-03-17', state: 'cancelled' });
    expect(describeDue({ kind: 'meeting', meeting: 34 }, sessions)).toBe(
      '34. Sitzung, verschoben auf die 35. Sitzung (23.06.2021)',
    );
  });

  it('says when a cancelled session has no successor yet', () => {
    const sessions = sessionsWith({ number: 37, date: '2022-03-09', state: 'cancelled' });
    expect(describeDue({ kind: 'meeting', meeting: 37 }, sessions)).toBe(
      '37. Sitzung (abgesagt, Folgesitzung noch nicht bekannt)',
    );
  });

  it('shows the moved date of a moved session', () => {
    const sessions = sessionsWith({ number: 35, date: '2021-07-01', state: 'planned' });
    expect(describeDue({ kind: 'meeting', meeting: 35 }, sessions)).toBe(
      '35. Sitzung (01.07.2021)',
    );
  });

  it('leaves the date out for unknown or undated sessions', () => {
    expect(describeDue({ kind: 'meeting', meeting: 50 }, SESSIONS)).toBe(
      '50. Sitzung (Termin offen)',
    );
  });

  it('marks soft deadlines with "möglichst"', () => {
    expect(describeDue({ kind: 'meeting', meeting: 33, soft: true }, SESSIONS)).toBe(
      'möglichst 33. Sitzung (23.10.2020)',
    );
    expect(describeDue({ kind: 'date', date: '2020-12-31', soft: true }, SESSIONS)).toBe(
      'möglichst bis 31.12.2020',
    );
  });

  it('words the other kinds', () => {
    expect(describeDue({ kind: 'date', date: '2020-12-31' }, SESSIONS)).toBe('bis 31.12.2020');
    expect(describeDue({ kind: 'recurring', fromMeeting: 33 }, SESSIONS)).toBe(
      'ab der 33. Sitzung, zu jeder Sitzung',
    );
    expect(describeDue({ kind: 'recurring' }, SESSIONS)).toBe('jährlich');
    expect(describeDue({ kind: 'event' }, SESSIONS)).toBe('nach Ereignis');
    expect(describeDue({ kind: 'none' }, SESSIONS)).toBe('ohne Frist');
  });
});

describe('describeSession and describeOverdue', () => {
  it('names a session with or without date', () => {
    expect(describeSession({ number: 36, date: '2021-10-29' })).toBe('36. Sitzung (29.10.2021)');
    expect(describeSession({ number: 36, date: null })).toBe('36. Sitzung (Termin offen)');
  });

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
