import { Injectable } from '@nestjs/common';
import type { CalendarSession, Registry } from '@app/extraction';
import { Council } from '../entities/council.entity';
import { Meeting } from '../entities/meeting.entity';
import { Member, MEMBER_KINDS } from '../entities/member.entity';
import { DataSource, type EntityManager } from 'typeorm';

/** The registry and calendar of a council as stored, in the shape the extractor takes. */
@Injectable()
export class CouncilRegistryRepository {
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
    const meetings = await manager.find(Meeting, {
      where: { councilId: council.id, kind: 'session' },
      order: { number: 'ASC' },
    });
    const isMember = (kind: string) => (MEMBER_KINDS as readonly string[]).includes(kind);
    return {
      registry: {
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
      },
      calendar: meetings
        .filter((m): m is Meeting & { number: number } => m.date !== null && m.number !== null)
        .map((m) => ({
          number: m.number,
          date: m.date as string,
          ...(m.approximate ? { approximate: true } : {}),
          ...(m.state === 'cancelled' ? { cancelled: true } : {}),
        })),
    };
  }
}
