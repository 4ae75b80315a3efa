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
  Council,
  Mandate,
  Meeting,
  refreshOverdueFlags,
  Resolution,
  type MeetingKind,
} from '@app/persistence';
import { DataSource, MoreThan, Not, type EntityManager } from 'typeorm';
import { councilIdOf, MandatesService, type MandateView } from '../mandates/mandates.service';
import type {
  CreateMeetingDto,
  CreateSpecialMeetingDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';

export interface MeetingView {
  /** Stable for every meeting; the only key of those without a number. */
  id: number;
  kind: MeetingKind;
  /** The council's session number; null for special sessions, circulation procedures, AL-Runde meetings. */
  number: number | null;
  /** How people name it: "34. Sitzung", "Sondersitzung am 18.09.2020". */
  name: string;
  body: string | null;
  date: string | null;
  /** As stored; what people read is derived by date (describeMeetingState). */
  state: string;
  place: string | null;
  approximate: boolean;
  resolutions: number;
  dueHere: number;
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
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mandates: MandatesService,
    private readonly clock: Clock,
  ) {}

  private async council(
    manager: EntityManager = this.dataSource.manager,
    code?: string,
  ): Promise<Council> {
    if (code !== undefined) {
      const named = await manager.findOne(Council, {
        where: [{ code }, { id: councilIdOf(code) }],
      });
      if (!named)
        throw new BadRequestException(
          `council: Ein Gremium „${code}“ gibt es nicht; nennen Sie es mit seinem Kürzel (z. B. itplr) oder seiner Nummer.`,
        );
      return named;
    }
    const council = (await manager.find(Council, { order: { id: 'ASC' }, take: 1 }))[0];
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
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .createQueryBuilder(Meeting, 'meeting')
      .select([
        'meeting.id AS id',
        'meeting.kind AS kind',
        'meeting.number AS number',
        'meeting.body AS body',
        'meeting.label AS label',
        'meeting.date AS date',
        'meeting.state AS state',
        'meeting.place AS place',
        'meeting.approximate AS approximate',
      ])
      .addSelect(
        (sq) => sq.select('COUNT(*)').from(Resolution, 'r').where('r.meetingId = meeting.id'),
        'resolutions',
      )
      .addSelect(
        (sq) =>
          sq
            .select('COUNT(*)')
            .from(Mandate, 'm')
            // Each council numbers its own sessions.
            .innerJoin(
              Resolution,
              'mr',
              'mr.id = m.resolutionId AND mr.councilId = meeting.councilId',
            )
            .where("meeting.kind = 'session'")
            .andWhere('m.dueMeeting = meeting.number')
            .andWhere('m.withdrawnAt IS NULL'),
        'due_here',
      )
      .where('meeting.councilId = :council', { council: council.id })
      .getRawMany();
    return rows
      .map((r) => {
        const number = r.number === null || r.number === undefined ? null : Number(r.number);
        const meeting = {
          number,
          kind: String(r.kind),
          body: (r.body as string | null) ?? null,
          label: (r.label as string | null) ?? null,
          date: (r.date as string | null) ?? null,
        };
        return {
          id: Number(r.id),
          kind: meeting.kind as MeetingKind,
          number,
          name: describeDecidedIn(meeting),
          body: meeting.body,
          date: meeting.date,
          state: String(r.state),
          place: (r.place as string | null) ?? null,
          approximate: r.approximate === true || r.approximate === 1,
          resolutions: Number(r.resolutions),
          dueHere: Number(r.due_here),
        };
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
    const row = await this.dataSource.manager.findOneBy(Meeting, { id });
    const meeting = row
      ? (await this.list(String(row.councilId))).find((m) => m.id === id)
      : undefined;
    if (!meeting) throw new NotFoundException(`Eine Sitzung mit der Kennung ${id} gibt es nicht.`);
    return this.detailOf(meeting, user);
  }

  private async detailOf(meeting: MeetingView, user: AuthUser): Promise<MeetingDetail> {
    const resolutions = await this.dataSource.manager.find(Resolution, {
      where: { meetingId: meeting.id },
      order: { code: 'ASC' },
    });
    const decided = await this.mandates.list(
      { meetingId: meeting.id, pageSize: 500, sort: 'resolution' },
      user,
    );
    // Due at this session of its own council: each council numbers its sessions.
    const councilId = (await this.dataSource.manager.findOneByOrFail(Meeting, { id: meeting.id }))
      .councilId;
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
    const id = await this.dataSource.transaction(async (manager) => {
      const council = await this.council(manager);
      if (await manager.existsBy(Meeting, { councilId: council.id, ...same })) {
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
      const saved = await manager.save(Meeting, row);
      await refreshOverdueFlags(manager, this.clock.now());
      await this.audit.record(
        user,
        {
          action: 'meeting.create',
          entity: 'meeting',
          entityId: meeting.number ?? saved.id,
          after: row,
        },
        manager,
      );
      return saved.id;
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
    const meeting = await this.dataSource.manager.findOneBy(Meeting, {
      councilId: council.id,
      number,
      kind: 'session',
    });
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
    await this.dataSource.transaction(async (manager) => {
      const council = await this.council(manager);
      const meeting = await manager.findOneBy(Meeting, { councilId: council.id, id });
      if (!meeting)
        throw new NotFoundException(`Eine Sitzung mit der Kennung ${id} gibt es nicht.`);
      const before = { date: meeting.date, state: meeting.state, place: meeting.place };
      const values = {
        ...(dto.date !== undefined ? { date: dto.date, approximate: false } : {}),
        ...(dto.state !== undefined ? { state: dto.state } : {}),
        ...(dto.place !== undefined ? { place: dto.place } : {}),
      };
      await manager.update(Meeting, meeting.id, values);
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
    const next = await manager.findOne(Meeting, {
      where: {
        councilId: council.id,
        kind: 'session',
        number: MoreThan(number),
        state: Not('cancelled'),
      },
      order: { number: 'ASC' },
    });
    if (!next)
      throw new ConflictException(
        `Die ${sessionName(number)} kann erst abgesagt werden, wenn eine spätere Sitzung im Kalender steht: Ihre Fristen gehen auf diese über.`,
      );
    const result = await manager
      .createQueryBuilder()
      .update(Mandate)
      .set({
        dueMeeting: next.number,
        dueText: `verschoben von der ${sessionName(number)}`,
        updatedAt: new Date().toISOString(),
      })
      .where('dueMeeting = :number', { number })
      .andWhere("dueKind = 'meeting'")
      .andWhere(
        'resolutionId IN (SELECT "r"."id" FROM "resolution" "r" WHERE "r"."councilId" = :council)',
        { council: council.id },
      )
      .execute();
    return result.affected ?? 0;
  }

  private async view(id: number): Promise<MeetingView> {
    return (await this.list()).find((m) => m.id === id) as MeetingView;
  }
}
