import {
  describeDue,
  isOwed,
  type ObligationStatus,
  type Session,
  STATUS_LABELS,
} from '@app/domain';
import { toCsv } from '@app/follow-up';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { MandatesService, type MandateView } from '../mandates/mandates.service';
import { isCalendarSession, MeetingsService } from '../meetings/meetings.service';
import type { MandateListQuery } from '../mandates/mandate-list.query';
import { toICalendar, type CalendarEvent } from './icalendar.writer';

const EXPORT_LIMIT = 20_000;

/** A status as people read it ("in Bearbeitung"), not its code. */
function statusText(status: string): string {
  return STATUS_LABELS[status as ObligationStatus] ?? status;
}

/** CSV exports with the list's filters, and iCalendar feeds of open deadlines. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly mandates: MandatesService,
    private readonly meetings: MeetingsService,
  ) {}

  /** The calendar, as the deadline wording needs it (a session's date, moved or cancelled). */
  /** A council's numbered sessions (the first council's by default). */
  private async sessions(councilId?: number): Promise<Session[]> {
    return (await this.meetings.list(councilId === undefined ? undefined : String(councilId)))
      .filter(isCalendarSession)
      .map((m) => ({
        number: m.number,
        date: m.date,
        state: m.state as Session['state'],
      }));
  }

  private async all(query: MandateListQuery, user: AuthUser): Promise<MandateView[]> {
    const items: MandateView[] = [];
    for (let page = 1; items.length < EXPORT_LIMIT; page++) {
      const result = await this.mandates.list({ ...query, page, pageSize: 500 }, user);
      items.push(...result.items);
      if (!result.hasMore) break;
    }
    return items;
  }

  async mandatesCsv(query: MandateListQuery, user: AuthUser): Promise<string> {
    const items = await this.all(query, user);
    const sessions = await this.sessions();
    return toCsv(
      [
        'ID',
        'Sitzung',
        'Beschluss',
        'Punkt',
        'Auftrag',
        'Zuständig',
        'Status',
        'Partner',
        'Frist',
        'Fällig am',
        'Quelle',
      ],
      items.map((m) => [
        m.id,
        m.meeting,
        m.resolution,
        m.point,
        m.action,
        m.owners.map((o) => o.owner).join(', '),
        m.owners.map((o) => `${o.owner}: ${statusText(o.status)}`).join(', '),
        m.partners.join(', '),
        describeDue(m.due, sessions),
        m.due.on ?? '',
        m.source,
      ]),
    );
  }

  async obligationsCsv(query: MandateListQuery, user: AuthUser): Promise<string> {
    const items = await this.all(query, user);
    const sessions = await this.sessions();
    const rows = items.flatMap((m) =>
      m.owners
        .filter(
          (o) =>
            (!query.owner || o.owner === query.owner) &&
            (!query.status || o.status === query.status),
        )
        .filter((o) => user.role !== 'delegate' || o.owner === user.memberCode)
        .map((o) => [
          o.obligationId,
          o.owner,
          statusText(o.status),
          o.overdueSince ?? '',
          m.id,
          m.meeting,
          m.resolution,
          m.point,
          m.action,
          describeDue(m.due, sessions),
          m.due.on ?? '',
          m.source,
        ]),
    );
    return toCsv(
      [
        'ID',
        'Zuständig',
        'Status',
        'Überfällig seit',
        'Auftrag-ID',
        'Sitzung',
        'Beschluss',
        'Punkt',
        'Auftrag',
        'Frist',
        'Fällig am',
        'Quelle',
      ],
      rows,
    );
  }

  /** Open obligations of a member with a dated deadline, as all-day events. */
  async memberCalendar(
    member: { code: string; name: string; councilId?: number },
    user: AuthUser,
    baseUrl: string,
    now = new Date(),
  ): Promise<string> {
    // The member's own council: its decisions, its calendar.
    const council = member.councilId === undefined ? {} : { council: String(member.councilId) };
    const items = await this.all({ owner: member.code, ...council }, user);
    const sessions = await this.sessions(member.councilId);
    const events: CalendarEvent[] = items.flatMap((m) =>
      m.owners
        // Open deadlines with a day, and whatever is overdue (a recurring report missed on the
        // day it became overdue), marked as such as on every page.
        .filter(
          (o) => o.owner === member.code && ((isOwed(o.status) && m.due.on) || o.overdueSince),
        )
        .map((o) => ({
          uid: `obligation-${o.obligationId}@mandate-tracker`,
          date: (m.due.on ?? o.overdueSince) as string,
          summary: `${o.overdueSince ? 'Überfällig: ' : ''}${m.resolution}: ${m.action}`.slice(
            0,
            200,
          ),
          description: `${member.name}, Beschluss ${m.resolution} Punkt ${m.point} (${describeDue(m.due, sessions)})\n${m.source}`,
          url: `${baseUrl}/mandates/${m.id}`,
        })),
    );
    return toICalendar(`mandate-tracker: ${member.name}`, events, now);
  }
}
