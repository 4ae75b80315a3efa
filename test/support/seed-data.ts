import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarSession, Registry } from '@app/extraction';

export const ROOT = join(__dirname, '..', '..');

export function loadRegistry(): Registry {
  return JSON.parse(
    readFileSync(join(ROOT, 'seeds', 'itplr', 'registry.json'), 'utf8'),
  ) as Registry;
}

export function loadCalendar(): CalendarSession[] {
  return (
    JSON.parse(readFileSync(join(ROOT, 'seeds', 'itplr', 'sessions.json'), 'utf8')) as {
      sessions: CalendarSession[];
    }
  ).sessions;
}
