import { Injectable } from '@nestjs/common';
import type { CalendarSession, Registry } from '@app/extraction';
import { Council } from '../entities/council.entity';
import { Meeting } from '../entities/meeting.entity';
import { Member, MEMBER_KINDS } from '../entities/member.entity';
import { DataSource, type EntityManager } from 'typeorm';

/** The registry and calendar of a council as stored, in the shape the extractor takes. */
@Injectable()
export class CouncilRegistryRepository {
  /**
   * The registry last built for each council, handed out again while what is stored gives the
   * same one: the extractor keeps its name matcher (large patterns, compiled on first use) per
   * registry object, and an ingest of many files then builds it once, not once per file.
   */
  private readonly built = new Map<number, { json: string; registry: Registry }>();

  constructor(private readonly dataSource: DataSource) {}

  async findCouncil(
    code?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Council | null> {
    const councils = await manager.find(Council, {
      where: code ? { code } : {},
      order: { id: 'ASC' },
      take: 1,
    });
    return councils[0] ?? null;
  }

  async load(
    council: Council,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ registry: Registry; calendar: CalendarSession[] }> {
    const members = await manager.find(Member, {
      where: { councilId: council.id, active: true },
      order: { id: 'ASC' },
    });
    // Plain rows of the columns the extractor reads: hydrating whole entities cost an ingest more
    // than the rest of this read (the calendar holds every session the council ever had).
    const meetings = await manager
      .createQueryBuilder()
      .select(['"m"."number" AS "number"', '"m"."date" AS "date"'])
      .addSelect(['"m"."approximate" AS "approximate"', '"m"."state" AS "state"'])
      .from(Meeting, 'm')
      .where(`"m"."councilId" = :councilId AND "m"."kind" = 'session'`, { councilId: council.id })
      .andWhere('"m"."number" IS NOT NULL AND "m"."date" IS NOT NULL')
      .orderBy('"m"."number"', 'ASC')
      .getRawMany<{ number: number; date: string; approximate: boolean | number; state: string }>();
    const isMember = (kind: string) => (MEMBER_KINDS as readonly string[]).includes(kind);
    const registry: Registry = {
      council: {
        code: council.code,
        name: council.name,
        aliases: council.aliases,
        fileNumberPattern: council.fileNumberPattern ?? undefined,
      },
      members: members
        .filter((m) => isMember(m.kind))
        .map((m) => ({
          code: m.code,
          name: m.name,
          kind: m.kind as Registry['members'][number]['kind'],
          aliases: m.aliases,
        })),
      groups: members
        .filter((m) => m.kind === 'group')
        .map((m) => ({ name: m.code, aliases: m.aliases, expandsTo: m.expandsTo ?? [] })),
      bodies: members
        .filter((m) => !isMember(m.kind) && m.kind !== 'group')
        .map((m) => ({ name: m.code, kind: m.kind, aliases: m.aliases })),
    };
    const json = JSON.stringify(registry);
    const known = this.built.get(council.id);
    if (known?.json !== json) this.built.set(council.id, { json, registry });
    return {
      registry: known?.json === json ? known.registry : registry,
      calendar: meetings.map((m) => ({
        number: Number(m.number),
        date: m.date,
        ...(m.approximate ? { approximate: true } : {}),
        ...(m.state === 'cancelled' ? { cancelled: true } : {}),
      })),
    };
  }
}
