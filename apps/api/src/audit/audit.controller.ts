import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/accounts';
import { AuditEvent } from '@app/persistence';
import { DataSource } from 'typeorm';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  /** Read-only: the API has no route that changes or deletes audit entries. */
  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first (secretariat)' })
  async list(
    @Query() query: AuditQuery,
  ): Promise<{ items: AuditEvent[]; total: number; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.actor) qb.andWhere('event.actor = :actor', { actor: query.actor.toLowerCase() });
    if (query.action) qb.andWhere('event.action = :action', { action: query.action });
    if (query.entity) qb.andWhere('event.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('event.entityId = :entityId', { entityId: query.entityId });
    if (query.from) qb.andWhere('event.at >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) qb.andWhere('event.at <= :to', { to: new Date(query.to).toISOString() });
    const [items, total] = await qb
      .orderBy('event.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }
}
