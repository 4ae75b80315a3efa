import { Injectable } from '@nestjs/common';
import { Mandate, Meeting, Obligation, Resolution } from '@app/persistence';
import { DataSource, In } from 'typeorm';
import type { MandateListQuery } from './mandate-list.query';

export interface MandateView {
  id: number;
  resolution: string;
  meeting: number;
  point: number;
  action: string;
  due: {
    kind: string;
    meeting?: number;
    date?: string;
    fromMeeting?: number;
    soft?: boolean;
    text: string;
  };
  owners: Array<{ owner: string; status: string; obligationId: number }>;
  partners: string[];
  source: string;
  sourceLine: number;
}

export interface MandatePage {
  items: MandateView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Reads mandates with their obligations, filtered as users ask ("what does HB owe for 34?"). */
@Injectable()
export class MandatesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: MandateListQuery): Promise<MandatePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.dataSource
      .createQueryBuilder(Mandate, 'mandate')
      .innerJoin(Resolution, 'resolution', 'resolution.id = mandate.resolutionId')
      .innerJoin(Meeting, 'meeting', 'meeting.id = resolution.meetingId')
      .where('mandate.withdrawnAt IS NULL');
    if (query.dueMeeting !== undefined)
      qb.andWhere('mandate.dueMeeting = :dueMeeting', { dueMeeting: query.dueMeeting });
    if (query.resolution)
      qb.andWhere('resolution.code = :code', { code: query.resolution.replace(/\s+/g, '') });
    if (query.owner !== undefined || query.status !== undefined) {
      const conditions = ['"o"."mandateId" = "mandate"."id"'];
      if (query.owner !== undefined) conditions.push('"o"."owner" = :owner');
      if (query.status !== undefined) conditions.push('"o"."status" = :status');
      qb.andWhere(`EXISTS (SELECT 1 FROM "obligation" "o" WHERE ${conditions.join(' AND ')})`, {
        owner: query.owner,
        status: query.status,
      });
    }
    const total = await qb.getCount();
    const rows = await qb
      .select(['mandate', 'resolution.code', 'meeting.number'])
      .addSelect('resolution.code', 'resolution_code')
      .addSelect('meeting.number', 'meeting_number')
      .orderBy('meeting.number', 'DESC')
      .addOrderBy('resolution.code', 'ASC')
      .addOrderBy('mandate.point', 'ASC')
      .addOrderBy('mandate.ordinal', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities();
    const ids = rows.entities.map((m) => m.id);
    const obligations = ids.length
      ? await this.dataSource
          .getRepository(Obligation)
          .find({ where: { mandateId: In(ids) }, order: { id: 'ASC' } })
      : [];
    const items = rows.entities.map((mandate, i) => {
      const raw = rows.raw[i] as Record<string, unknown>;
      return toView(
        mandate,
        String(raw.resolution_code),
        Number(raw.meeting_number),
        obligations.filter((o) => o.mandateId === mandate.id),
      );
    });
    return { items, total, page, pageSize };
  }
}

function toView(
  m: Mandate,
  resolution: string,
  meeting: number,
  obligations: Obligation[],
): MandateView {
  return {
    id: m.id,
    resolution,
    meeting,
    point: m.point,
    action: m.action,
    due: {
      kind: m.dueKind,
      ...(m.dueMeeting !== null ? { meeting: m.dueMeeting } : {}),
      ...(m.dueDate !== null ? { date: m.dueDate } : {}),
      ...(m.dueFromMeeting !== null ? { fromMeeting: m.dueFromMeeting } : {}),
      ...(m.dueSoft ? { soft: true } : {}),
      text: m.dueText,
    },
    owners: obligations.map((o) => ({ owner: o.owner, status: o.status, obligationId: o.id })),
    partners: m.partners,
    source: m.source,
    sourceLine: m.sourceLine,
  };
}
