import type { Session } from './session';
import { DUE_KINDS } from './due';
import {
  describeDue,
  describeSession,
  DUE_KIND_LABELS,
  germanDate,
  STATUS_LABELS,
} from './german.wording';
import { OBLIGATION_STATUSES } from './obligation-status';

const SESSIONS: Session[] = [
  { number: 33, date: '2020-10-23', state: 'held' },
  { number: 34, date: '2021-03-17', state: 'held' },
  { number: 35, date: '2021-06-23', state: 'held' },
  { number: 36, date: '2021-10-29', state: 'planned' },
  { number: 37, date: '2022-03-09', state: 'planned' },
];
const sessionsWith = (change: Session): Session[] =>
  SESSIONS.map((session) => (session.number === change.number ? change : session));

describe('describeDue', () => {
  it('names the session with its date from the calendar', () => {
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

  it('says "Termin offen" for sessions the calendar has no date for', () => {
    expect(describeDue({ kind: 'meeting', meeting: 50 }, SESSIONS)).toBe(
      '50. Sitzung (Termin offen)',
    );
    const undated = sessionsWith({ number: 36, date: null, state: 'planned' });
    expect(describeDue({ kind: 'meeting', meeting: 36 }, undated)).toBe(
      '36. Sitzung (Termin offen)',
    );
  });

  it('names the session alone when not given the calendar', () => {
    expect(describeDue({ kind: 'meeting', meeting: 34 })).toBe('34. Sitzung');
    expect(describeDue({ kind: 'meeting', meeting: 34, soft: true })).toBe('möglichst 34. Sitzung');
  });

  it('marks soft session and date deadlines with "möglichst"', () => {
    expect(describeDue({ kind: 'meeting', meeting: 33, soft: true }, SESSIONS)).toBe(
      'möglichst 33. Sitzung (23.10.2020)',
    );
    expect(describeDue({ kind: 'date', date: '2020-12-31', soft: true }, SESSIONS)).toBe(
      'möglichst bis 31.12.2020',
    );
    expect(describeDue({ kind: 'recurring', fromMeeting: 33, soft: true })).toBe(
      'wiederkehrend ab der 33. Sitzung',
    );
  });

  it('words the other kinds as the pages do', () => {
    expect(describeDue({ kind: 'date', date: '2020-12-31' })).toBe('bis 31.12.2020');
    expect(describeDue({ kind: 'recurring', fromMeeting: 33 }, SESSIONS)).toBe(
      'wiederkehrend ab der 33. Sitzung',
    );
    expect(describeDue({ kind: 'recurring' }, SESSIONS)).toBe('wiederkehrend');
    expect(describeDue({ kind: 'event' }, SESSIONS)).toBe('nach Ereignis');
    expect(describeDue({ kind: 'none' }, SESSIONS)).toBe('ohne Frist');
  });
});

describe('describeSession and germanDate', () => {
  it('names a session with or without date', () => {
    expect(describeSession({ number: 36, date: '2021-10-29' })).toBe('36. Sitzung (29.10.2021)');
    expect(describeSession({ number: 36, date: null })).toBe('36. Sitzung (Termin offen)');
  });

  it('writes dates the German way, also from a timestamp', () => {
    expect(germanDate('2021-03-07')).toBe('07.03.2021');
    expect(germanDate('2021-03-07T23:10:00.000Z')).toBe('07.03.2021');
  });
});

describe('STATUS_LABELS', () => {
  it('has a German word for every status, no two alike', () => {
    const words = OBLIGATION_STATUSES.map((status) => STATUS_LABELS[status]);
    expect(words.every((word) => word.length > 0)).toBe(true);
    expect(new Set(words).size).toBe(OBLIGATION_STATUSES.length);
  });
});

describe('DUE_KIND_LABELS', () => {
  it('words every kind of deadline, each differently, in German', () => {
    const words = DUE_KINDS.map((kind) => DUE_KIND_LABELS[kind]);
    expect(new Set(words).size).toBe(DUE_KINDS.length);
    for (const word of words) expect(word).toMatch(/^[a-zäöüßA-ZÄÖÜ (),]+$/);
  });
});
