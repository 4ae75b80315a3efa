import { germanDate } from '@app/domain';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import { Clock } from '@app/config';
import { describeDecidedIn } from '@app/follow-up';
import {
  CouncilRepository,
  MandateRepository,
  MeetingRepository,
  refreshOverdueFlags,
  ResolutionRepository,
  Transactions,
  type Council,
  type Meeting,
  type MeetingKind,
  type MeetingListRow,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { MandatesService, type MandateView } from '../mandates/mandates.service';
import type {
  CreateMeetingDto,
  CreateSpecialMeetingDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';

export interface MeetingView extends Omit<MeetingListRow, 'label'> {
  /** How people name it: "34. Sitzung", "Sondersitzung am 18.09.2020". */
  name: string;
}

/** A numbered session of the council's calendar: the only meetings deadlines can name. */
export type SessionView = MeetingView & { number: number };

export function isCalendarSession(meeting: MeetingView): meeting is SessionView {
  return meeting.kind === 'session' && meeting.number !== null;
}

export interface MeetingDetail {
  meeting: MeetingView;
  decided: MandateView[];
  due: MandateView[];
  resolutions: Array<{ id: number; code: string; title: string | null; agendaItem: string | null }>;
}

/** Calendar order: by date, dateless sessions after the dated ones by number. */
function calendarOrder(a: MeetingView, b: MeetingView): number {
  const day = (m: MeetingView) => m.date ?? '9999-12-31';
  return day(a).localeCompare(day(b)) || (a.number ?? 0) - (b.number ?? 0) || a.id - b.id;
}

const sessionName = (number: number) => describeDecidedIn({ number, kind: 'session', date: null });

/**
 * The council's meetings: the session calendar (deadlines that name a session follow its date)
 * and the meetings outside it, each known by its id, kind and date.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly councils: CouncilRepository,
    private readonly resolutions: ResolutionRepository,
    private readonly mandateRows: MandateRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly mandates: MandatesService,
    private readonly clock: Clock,
  ) {}

  private async council(manager?: EntityManager, code?: string): Promise<Council> {
    if (code !== undefined) {
      const named = await this.councils.named(code, manager);
      if (!named)
        throw new BadRequestException(
          `council: Ein Gremium „${code}“ gibt es nicht; nennen Sie es mit seinem Kürzel (z. B. itplr) oder seiner Nummer.`,
        );
      return named;
    }
    const council = await this.councils.first(manager);
    if (!council)
      throw new NotFoundException('Es ist noch kein Gremium eingerichtet (tracker seed).');
    return council;
  }

  /**
   * Every meeting of a council (the first by default; by short name or id) in calendar order,
   * numbered sessions and the others alike.
   */
  async list(councilCode?: string): Promise<MeetingView[]> {
    const council = await this.council(undefined, councilCode);
    return (await this.meetings.listWithCounts(council.id))
      .map((row) => {
        const { label: _label, ...view } = row;
        return { ...view, name: describeDecidedIn(row) };
      })
      .sort(calendarOrder);
  }

  /** A numbered session of the calendar. */
  async detail(number: number, user: AuthUser): Promise<MeetingDetail> {
    const meeting = (await this.list()).find((m) => isCalendarSession(m) && m.number === number);
    if (!meeting)
      throw new NotFoundException(`Die ${sessionName(number)} steht nicht im Sitzungskalender.`);
    return this.detailOf(meeting, user);
  }

  /** Any meeting by its id: the address of those without a number. */
  async detailById(id: number, user: AuthUser): Promise<MeetingDetail> {
    // Of whichever council it is.
    const row = await this.meetings.findById(id);
    const meeting = row
      ? (await this.list(String(row.councilId))).find((m) => m.id === id)
      : undefined;
    if (!meeting) throw new NotFoundException(`Eine Sitzung mit der Kennung ${id} gibt es nicht.`);
    return this.detailOf(meeting, user);
  }

  private async detailOf(meeting: MeetingView, user: AuthUser): Promise<MeetingDetail> {
    const resolutions = await this.resolutions.ofMeeting(meeting.id);
    const decided = await this.mandates.list(
      { meetingId: meeting.id, pageSize: 500, sort: 'resolution' },
      user,
    );
    // Due at this session of its own council: each council numbers its sessions.
    const councilId = ((await this.meetings.findById(meeting.id)) as Meeting).councilId;
    const due = isCalendarSession(meeting)
      ? (
          await this.mandates.list(
            {
              dueMeeting: meeting.number,
              council: String(councilId),
              pageSize: 500,
              sort: 'resolution',
            },
            user,
          )
        ).items
      : [];
    return {
      meeting,
      resolutions: resolutions.map((r) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        agendaItem: r.agendaItem,
      })),
      decided: decided.items,
      due,
    };
  }

  /** A numbered session; without a date it is planned with its date open. */
  async create(dto: CreateMeetingDto, user: AuthUser): Promise<MeetingView> {
    return this.add(
      { kind: 'session', number: dto.number, date: dto.date ?? null, place: dto.place ?? null },
      { number: dto.number },
      `Die ${sessionName(dto.number)} steht schon im Kalender; verschieben Sie sie stattdessen.`,
      user,
    );
  }

  /** A special session: no number, known by its date. */
  async createSpecial(dto: CreateSpecialMeetingDto, user: AuthUser): Promise<MeetingView> {
    return this.add(
      { kind: 'special', number: null, date: dto.date, place: dto.place ?? null },
      { kind: 'special', date: dto.date },
      `Eine Sondersitzung am ${germanDate(dto.date)} steht schon im Kalender.`,
      user,
    );
  }

  /** Adds a planned meeting unless one matching `same` exists (then `taken` is the refusal). */
  private async add(
    meeting: Pick<Meeting, 'kind' | 'number' | 'date' | 'place'>,
    same: { kind?: MeetingKind; number?: number; date?: string },
    taken: string,
    user: AuthUser,
  ): Promise<MeetingView> {
    const id = await this.transactions.run(async (manager) => {
      const council = await this.council(manager);
      if (await this.meetings.exists(manager, council.id, same)) {
        throw new ConflictException(taken);
      }
      const row = {
        councilId: council.id,
        ...meeting,
        body: null,
        label: null,
        state: 'planned' as const,
        approximate: false,
      };
      const savedId = await this.meetings.add(manager, row);
      await refreshOverdueFlags(manager, this.clock.now());
      await this.audit.record(
        user,
        {
          action: 'meeting.create',
          entity: 'meeting',
          entityId: meeting.number ?? savedId,
          after: row,
        },
        manager,
      );
      return savedId;
    });
    return this.view(id);
  }

  /** A numbered session, moved or cancelled (see updateById). */
  async update(
    number: number,
    dto: UpdateMeetingDto,
    user: AuthUser,
  ): Promise<MeetingView & { movedDeadlines?: number }> {
    const council = await this.council();
    const meeting = await this.meetings.findSession(council.id, number);
    if (!meeting)
      throw new NotFoundException(`Die ${sessionName(number)} steht nicht im Sitzungskalender.`);
    return this.updateById(meeting.id, dto, user);
  }

  /** Moving a session moves every deadline that names it; cancelling hands them to the next session. */
  async updateById(
    id: number,
    dto: UpdateMeetingDto,
    user: AuthUser,
  ): Promise<MeetingView & { movedDeadlines?: number }> {
    if (dto.date === undefined && dto.state === undefined && dto.place === undefined) {
      throw new UnprocessableEntityException(
        'Nichts zu ändern: geben Sie ein Datum (date), einen Stand (state) oder einen Ort (place) an.',
      );
    }
    let moved: number | undefined;
    await this.transactions.run(async (manager) => {
      const council = await this.council(manager);
      const meeting = await this.meetings.findInCouncil(manager, council.id, id);
      if (!meeting)
        throw new NotFoundException(`Eine Sitzung mit der Kennung ${id} gibt es nicht.`);
      const before = { date: meeting.date, state: meeting.state, place: meeting.place };
      const values = {
        ...(dto.date !== undefined ? { date: dto.date, approximate: false } : {}),
        ...(dto.state !== undefined ? { state: dto.state } : {}),
        ...(dto.place !== undefined ? { place: dto.place } : {}),
      };
      await this.meetings.update(manager, meeting.id, values);
      const number = meeting.kind === 'session' ? meeting.number : null;
      if (number !== null && dto.state === 'cancelled' && meeting.state !== 'cancelled') {
        moved = await this.handOver(manager, council, number);
      }
      // A moved or cancelled session moves every deadline that names it: judged again at once.
      await refreshOverdueFlags(manager, this.clock.now());
      await this.audit.record(
        user,
        {
          action: 'meeting.update',
          entity: 'meeting',
          entityId: number ?? meeting.id,
          before,
          after: {
            ...before,
            ...values,
            ...(moved !== undefined ? { deadlinesMovedTo: 'next session', count: moved } : {}),
          },
        },
        manager,
      );
    });
    const view = await this.view(id);
    return moved !== undefined ? { ...view, movedDeadlines: moved } : view;
  }

  /** A cancelled session's deadlines go to the next session that takes place. */
  private async handOver(
    manager: EntityManager,
    council: Council,
    number: number,
  ): Promise<number> {
    const next = await this.meetings.nextHeldSession(manager, council.id, number);
    if (!next)
      throw new ConflictException(
        `Die ${sessionName(number)} kann erst abgesagt werden, wenn eine spätere Sitzung im Kalender steht: Ihre Fristen gehen auf diese über.`,
      );
    return this.mandateRows.moveDueSession(
      manager,
      council.id,
      number,
      next.number as number,
      `verschoben von der ${sessionName(number)}`,
    );
  }

  private async view(id: number): Promise<MeetingView> {
    return (await this.list()).find((m) => m.id === id) as MeetingView;
  }
}
