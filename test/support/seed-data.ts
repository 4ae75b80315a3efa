import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  datedSessions,
  type CalendarSession,
  type Registry,
  type SeedSession,
} from '@app/extraction';

export const ROOT = join(__dirname, '..', '..');

/** The codes of the 16 Länder, in the order the council lists them (README, glossary). */
export const LAENDER: string[] = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
];

export function loadRegistry(): Registry {
  return JSON.parse(
    readFileSync(join(ROOT, 'seeds', 'itplr', 'registry.json'), 'utf8'),
  ) as Registry;
}

export function loadCalendar(): CalendarSession[] {
  return datedSessions(
    (
      JSON.parse(readFileSync(join(ROOT, 'seeds', 'itplr', 'sessions.json'), 'utf8')) as {
        sessions: SeedSession[];
      }
    ).sessions,
  );
}
