import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan, Not, type EntityManager } from 'typeorm';
import { Mandate } from '../entities/mandate.entity';
import { Meeting, type MeetingKind } from '../entities/meeting.entity';
import { Resolution } from '../entities/resolution.entity';

/** A meeting as the calendar lists it, with what was decided there and what is due there. */
export interface MeetingListRow {
  /** Stable for every meeting; the only key of those without a number. */
  id: number;
  kind: MeetingKind;
  /** The council's session number; null for special sessions, circulation procedures, AL-Runde meetings. */
  number: number | null;
  body: string | null;
  label: string | null;
  date: string | null;
  /** As stored; what people read is derived by date (describeMeetingState). */
  state: string;
  place: string | null;
  approximate: boolean;
  /** Decisions taken there. */
  resolutions: number;
  /** Mandates in force due there (numbered sessions only). */
  dueHere: number;
}

/** The councils' meetings: the session calendar and the meetings outside it. */
@Injectable()
export class MeetingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every meeting of a council, with its counts, in no particular order. */
  async listWithCounts(councilId: number): Promise<MeetingListRow[]> {
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
      .where('meeting.councilId = :council', { council: councilId })
      .getRawMany();
    return rows.map((r) => ({
      id: Number(r.id),
      kind: String(r.kind) as MeetingKind,
      number: r.number === null || r.number === undefined ? null : Number(r.number),
      body: (r.body as string | null) ?? null,
      label: (r.label as string | null) ?? null,
      date: (r.date as string | null) ?? null,
      state: String(r.state),
      place: (r.place as string | null) ?? null,
      approximate: r.approximate === true || r.approximate === 1,
      resolutions: Number(r.resolutions),
      dueHere: Number(r.due_here),
    }));
  }

  async findById(id: number): Promise<Meeting | null> {
    return this.dataSource.manager.findOneBy(Meeting, { id });
  }

  /** A meeting of one council by its id. */
  async findInCouncil(manager: EntityManager, councilId: number, id: number) {
    return manager.findOneBy(Meeting, { councilId, id });
  }

  /** A council's numbered session. */
  async findSession(councilId: number, number: number): Promise<Meeting | null> {
    return this.dataSource.manager.findOneBy(Meeting, { councilId, number, kind: 'session' });
  }

  /** A council already has a meeting like this (same number, or same kind and date). */
  async exists(
    manager: EntityManager,
    councilId: number,
    same: { kind?: MeetingKind; number?: number; date?: string },
  ): Promise<boolean> {
    return manager.existsBy(Meeting, { councilId, ...same });
  }

  /** Some council's calendar has a session of this number. */
  async existsNumber(number: number): Promise<boolean> {
    return this.dataSource.getRepository(Meeting).existsBy({ number });
  }

  /** A council's meeting of this number (of any kind). */
  async numbered(manager: EntityManager, councilId: number, number: number) {
    return manager.findOneBy(Meeting, { councilId, number });
  }

  /** Stores a new meeting without reading it back. */
  async insert(manager: EntityManager, meeting: Partial<Meeting>): Promise<void> {
    await manager.insert(Meeting, meeting);
  }

  /** Stores a new meeting; its id. */
  async add(manager: EntityManager, meeting: Partial<Meeting>): Promise<number> {
    return (await manager.save(Meeting, meeting)).id;
  }

  async update(
    manager: EntityManager,
    id: number,
    values: Partial<Pick<Meeting, 'date' | 'approximate' | 'state' | 'place'>>,
  ): Promise<void> {
    await manager.update(Meeting, id, values);
  }

  /** A council's next numbered session after `number` that is not cancelled. */
  async nextHeldSession(
    manager: EntityManager,
    councilId: number,
    number: number,
  ): Promise<Meeting | null> {
    return manager.findOne(Meeting, {
      where: { councilId, kind: 'session', number: MoreThan(number), state: Not('cancelled') },
      order: { number: 'ASC' },
    });
  }

  /** A council's numbered sessions. */
  async sessionsOf(manager: EntityManager, councilId: number): Promise<Meeting[]> {
    return manager.findBy(Meeting, { councilId, kind: 'session' });
  }
}
