/** A numbered session of the council's calendar. */
export interface Session {
  number: number;
  /** YYYY-MM-DD; null while the session is not yet scheduled. */
  date: string | null;
  state: 'planned' | 'held' | 'cancelled';
}

/** A session as a report names it: only sessions with a date are ever "next" or "last". */
export interface SessionRef {
  number: number;
  date: string;
}

/**
 * The session a deadline "zur N. Sitzung" points at. When session N is cancelled its business
 * moves to the next session that takes place; undefined when no such session is known.
 */
export function effectiveSession(
  number: number,
  sessions: readonly Session[],
): Session | undefined {
  const named = sessions.find((session) => session.number === number);
  if (named?.state !== 'cancelled') return named;
  return sessions
    .filter((session) => session.number > number && session.state !== 'cancelled')
    .sort((a, b) => a.number - b.number)[0];
}
