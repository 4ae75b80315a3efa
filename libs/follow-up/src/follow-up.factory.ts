import type { Session } from '@app/domain';
import type { ObligationFacts } from './follow-up.types';

// Scenario data for the specs: the IT-Planungsrat's real session dates around 2020/2021.

export const SESSIONS: Session[] = [
  { number: 32, date: '2020-06-24', state: 'held' },
  { number: 33, date: '2020-10-23', state: 'held' },
  { number: 34, date: '2021-03-17', state: 'held' },
  { number: 35, date: '2021-06-23', state: 'held' },
  { number: 36, date: '2021-10-29', state: 'planned' },
  { number: 37, date: '2022-03-09', state: 'planned' },
];

/** The calendar with some sessions changed (moved, cancelled, undated). */
export function sessionsWith(...changes: Session[]): Session[] {
  return SESSIONS.map(
    (session) => changes.find((change) => change.number === session.number) ?? session,
  );
}

export function obligation(overrides: Partial<ObligationFacts> = {}): ObligationFacts {
  return {
    id: 1,
    owner: 'HB',
    status: 'open',
    due: { kind: 'meeting', meeting: 34 },
    decidedAt: '2020-10-23',
    reports: [],
    resolution: '2020/28',
    point: 1,
    action: 'Bericht zum Umsetzungsstand vorlegen',
    source: 'Der IT-Planungsrat bittet die Länder, zur 34. Sitzung zu berichten.',
    mandateId: 10,
    ...overrides,
  };
}
