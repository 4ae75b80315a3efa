import { effectiveSession, type Session } from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { OverviewRepository } from '@app/persistence';
import { isCalendarSession, memberScope, MembersService, type MeetingView } from '@app/tracking';

export interface MemberCounts {
  code: string;
  name: string;
  open: number;
  inProgress: number;
  reported: number;
  done: number;
  overdue: number;
}

/** Mandates due at a session the calendar has no date for (or does not know). */
export interface UndatedDeadlines {
  number: number;
  mandates: number;
}

/** Owners that are not members of the council (working groups, projects) share one row. */
export const OTHER_OWNERS = 'weitere';

/**
 * Obligation counts per member for the overview, from the grouped reads of `OverviewRepository`
 * (the mandate list has no counts, and reading every page of it to count would load thousands of
 * rows for a dozen numbers).
 */
@Injectable()
export class OverviewData {
  constructor(
    private readonly overview: OverviewRepository,
    private readonly members: MembersService,
  ) {}

  /**
   * Counts of all councils' obligations, or of one council's; a row per member, or with
   * `allOwners` per registry entry (a council followed through OParl: its owners are its
   * organizations).
   */
  async memberCounts(
    user: AuthUser,
    councilId?: number,
    allOwners = false,
  ): Promise<MemberCounts[]> {
    const scope = memberScope(user);
    const rows = await this.overview.obligationCounts(scope, councilId);

    const members = await this.members.list(allOwners, councilId);
    const counts = new Map<string, MemberCounts>();
    const empty = (code: string, name: string): MemberCounts => ({
      code,
      name,
      open: 0,
      inProgress: 0,
      reported: 0,
      done: 0,
      overdue: 0,
    });
    for (const member of members) counts.set(member.code, empty(member.code, member.name));
    const others = empty(OTHER_OWNERS, 'Gremien, Arbeitsgruppen und Projekte');
    for (const row of rows) {
      const target = counts.get(row.owner) ?? others;
      const count = row.count;
      if (row.status === 'open') target.open += count;
      else if (row.status === 'in_progress') target.inProgress += count;
      else if (row.status === 'reported') target.reported += count;
      else if (row.status === 'done') target.done += count;
      target.overdue += row.overdue;
    }
    const result = [...counts.values()];
    if (others.open + others.inProgress + others.reported + others.done > 0) result.push(others);
    // A delegate sees its own member's row only.
    return scope !== undefined ? result.filter((r) => r.code === user.memberCode) : result;
  }

  /**
   * Sessions after the last one held that mandates are due at but that have no date in the
   * calendar: such deadlines never fall due until the secretariat enters the date.
   */
  async undatedDeadlines(
    user: AuthUser,
    meetings: MeetingView[],
    today: string,
    councilId?: number,
  ): Promise<UndatedDeadlines[]> {
    const rows = await this.overview.mandatesDueBySession(memberScope(user), councilId);
    const sessions: Session[] = meetings.filter(isCalendarSession).map((m) => ({
      number: m.number,
      date: m.date,
      state: m.state as Session['state'],
    }));
    const held = sessions
      .filter((s) => s.state !== 'cancelled' && s.date !== null && s.date < today)
      .map((s) => s.number);
    const lastHeld = held.length ? Math.max(...held) : 0;
    return rows
      .map((r) => ({ number: r.session, mandates: r.mandates }))
      .filter(
        (r) => r.number > lastHeld && (effectiveSession(r.number, sessions)?.date ?? null) === null,
      )
      .sort((a, b) => a.number - b.number);
  }
}
