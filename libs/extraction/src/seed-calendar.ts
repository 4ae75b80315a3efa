import type { CalendarSession } from './extraction.types';

/**
 * A session as the calendar seed file lists it: sessions ahead may stand there before their date
 * is known ("Termin offen"), so a fresh install has a next session.
 */
export interface SeedSession extends Omit<CalendarSession, 'date'> {
  date: string | null;
}

/** The sessions texts and deadlines can be placed by: those with a date. */
export function datedSessions(sessions: SeedSession[]): CalendarSession[] {
  return sessions.filter((session): session is CalendarSession => session.date !== null);
}
