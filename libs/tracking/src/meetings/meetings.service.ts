import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import { Council, Mandate, Meeting, refreshOverdueFlags, Resolution } from '@app/persistence';
import { DataSource, MoreThan, Not, type EntityManager } from 'typeorm';
import { MandatesService, type MandateView } from '../mandates/mandates.service';
import type { CreateMeetingDto, UpdateMeetingDto } from './dto/meeting.dto';

export interface MeetingView {
  number: number;
  date: string | null;
  state: string;
  place: string | null;
  approximate: boolean;
  resolutions: number;
  dueHere: number;
}

/** The session calendar: deadlines that name a session follow its date. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mandates: MandatesService,
  ) {}

  private async council(manager: EntityManager = this.dataSource.manager): Promise<Council> {
    const council = (await manager.find(Council, { order: { id: 'ASC' }, take: 1 }))[0];
    if (!council) throw new NotFoundException('no council is seeded yet');
    return council;
  }

  async list(): Promise<MeetingView[]> {
    const council = await this.council();
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .createQueryBuilder(Meeting, 'meeting')
      .select([
        'meeting.number AS number',
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
            .where('m.dueMeeting = meeting.number')
            .andWhere('m.withdrawnAt IS NULL'),
        'due_here',
      )
      .where('meeting.councilId = :council', { council: council.id })
      .orderBy('meeting.number', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      number: Number(r.number),
      date: (r.date as string | null) ?? null,
      state: String(r.state),
      place: (r.place as string | null) ?? null,
      approximate: r.approximate === true || r.approximate === 1,
      resolutions: Number(r.resolutions),
      dueHere: Number(r.due_here),
    }));
  }

  async detail(
    number: number,
    user: AuthUser,
  ): Promise<{
    meeting: MeetingView;
    decided: MandateView[];
    due: MandateView[];
    resolutions: Array<{
      id: number;
      code: string;
      title: string | null;
      agendaItem: string | null;
    }>;
  }> {
    const meeting = (await this.list()).find((m) => m.number === number);
    if (!meeting) throw new NotFoundException(`no session ${number} in the calendar`);
    const council = await this.council();
    const row = await this.dataSource.manager.findOneByOrFail(Meeting, {
      councilId: council.id,
      number,
    });
    const resolutions = await this.dataSource.manager.find(Resolution, {
      where: { meetingId: row.id },
      order: { code: 'ASC' },
    });
    const decided = await this.mandates.list(
      { meeting: number, pageSize: 500, sort: 'resolution' },
      user,
    );
    const due = await this.mandates.list(
      { dueMeeting: number, pageSize: 500, sort: 'resolution' },
      user,
    );
    return {
      meeting,
      resolutions: resolutions.map((r) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        agendaItem: r.agendaItem,
      })),
      decided: decided.items,
      due: due.items,
    };
  }

  async create(dto: CreateMeetingDto, user: AuthUser): Promise<MeetingView> {
    await this.dataSource.transaction(async (manager) => {
      const council = await this.council(manager);
      if (await manager.existsBy(Meeting, { councilId: council.id, number: dto.number })) {
        throw new ConflictException(`session ${dto.number} exists already; change it with PATCH`);
      }
      const row = {
        councilId: council.id,
        number: dto.number,
        date: dto.date,
        place: dto.place ?? null,
        state: 'planned' as const,
        approximate: false,
      };
      await manager.insert(Meeting, row);
      await refreshOverdueFlags(manager, new Date());
      await this.audit.record(
        user,
        { action: 'meeting.create', entity: 'meeting', entityId: dto.number, after: row },
        manager,
      );
    });
    return (await this.list()).find((m) => m.number === dto.number) as MeetingView;
  }

  /** Moving a session moves every deadline that names it; cancelling hands them to the next session. */
  async update(
    number: number,
    dto: UpdateMeetingDto,
    user: AuthUser,
  ): Promise<MeetingView & { movedDeadlines?: number }> {
    if (dto.date === undefined && dto.state === undefined && dto.place === undefined) {
      throw new UnprocessableEntityException('nothing to change: give date, state or place');
    }
    let moved: number | undefined;
    await this.dataSource.transaction(async (manager) => {
      const council = await this.council(manager);
      const meeting = await manager.findOneBy(Meeting, { councilId: council.id, number });
      if (!meeting) throw new NotFoundException(`no session ${number} in the calendar`);
      const before = { date: meeting.date, state: meeting.state, place: meeting.place };
      const values = {
        ...(dto.date !== undefined ? { date: dto.date, approximate: false } : {}),
        ...(dto.state !== undefined ? { state: dto.state } : {}),
        ...(dto.place !== undefined ? { place: dto.place } : {}),
      };
      await manager.update(Meeting, meeting.id, values);
      if (dto.state === 'cancelled' && meeting.state !== 'cancelled') {
        const next = await manager.findOne(Meeting, {
          where: { councilId: council.id, number: MoreThan(number), state: Not('cancelled') },
          order: { number: 'ASC' },
        });
        if (!next)
          throw new ConflictException(
            `session ${number} cannot be cancelled before a later session is in the calendar (its deadlines need one)`,
          );
        const result = await manager
          .createQueryBuilder()
          .update(Mandate)
          .set({
            dueMeeting: next.number,
            dueText: `verschoben von der ${number}. Sitzung`,
            updatedAt: new Date().toISOString(),
          })
          .where('dueMeeting = :number', { number })
          .andWhere("dueKind = 'meeting'")
          .andWhere(
            'resolutionId IN (SELECT "r"."id" FROM "resolution" "r" WHERE "r"."councilId" = :council)',
            { council: council.id },
          )
          .execute();
        moved = result.affected ?? 0;
      }
      // A moved or cancelled session moves every deadline that names it: judged again at once.
      await refreshOverdueFlags(manager, new Date());
      await this.audit.record(
        user,
        {
          action: 'meeting.update',
          entity: 'meeting',
          entityId: number,
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
    const view = (await this.list()).find((m) => m.number === number) as MeetingView;
    return moved !== undefined ? { ...view, movedDeadlines: moved } : view;
  }
}
