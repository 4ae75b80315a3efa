import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/accounts';
import { AuditService, type AuditPage } from '@app/audit';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Read-only: the API has no route that changes or deletes audit entries. */
  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first (secretariat)' })
  list(@Query() query: AuditQuery): Promise<AuditPage> {
    return this.audit.list({
      ...query,
      from: query.from ? new Date(query.from).toISOString() : undefined,
      to: query.to ? new Date(query.to).toISOString() : undefined,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 100,
    });
  }
}
