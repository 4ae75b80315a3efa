import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  ServiceUnavailableException,
  UseFilters,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import {
  JOB_NAMES,
  JOB_STATES,
  JobQueue,
  QueueUnavailableError,
  type JobInfo,
  type JobName,
  type JobStateName,
} from '@app/jobs';
import { enqueueAudited } from './audited-job-run';
import { RetryAfterFilter } from './retry-after.filter';
import { RunJobDto } from './dto/run-job.dto';

async function available<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof QueueUnavailableError)
      throw new ServiceUnavailableException(error.message);
    throw error;
  }
}

@ApiTags('jobs')
@ApiBearerAuth()
@Roles('secretariat')
@UseFilters(RetryAfterFilter)
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiQuery({ name: 'state', enum: JOB_STATES, required: false })
  @ApiOperation({ summary: 'Jobs by state (default failed), to inspect and retry' })
  list(@Query('state') state: string = 'failed'): Promise<JobInfo[]> {
    if (!(JOB_STATES as readonly string[]).includes(state))
      throw new BadRequestException(`state: erlaubt sind ${JOB_STATES.join(', ')}.`);
    return available(() => this.queue.list(state as JobStateName));
  }

  @Get('schedules')
  @ApiOperation({ summary: 'The recurring jobs and their next run' })
  schedules() {
    return available(() => this.queue.schedules());
  }

  @Post(':name/run')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Run a job now (overdue-scan, member-reports, digests-weekly, digests-daily, report-notices)',
  })
  async run(
    @Param('name') name: string,
    @Body() dto: RunJobDto,
    @CurrentUser() user: AuthUser,
  ): Promise<JobInfo> {
    if (!(JOB_NAMES as readonly string[]).includes(name))
      throw new BadRequestException(`job: erlaubt sind ${JOB_NAMES.join(', ')}.`);
    const data = dto.now ? { now: new Date(dto.now).toISOString() } : {};
    return available(() => enqueueAudited(this.queue, this.audit, user, name as JobName, data));
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Retry a failed job' })
  async retry(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<JobInfo> {
    const job = await available(() => this.queue.retry(id));
    await this.audit.record(user, { action: 'job.retry', entity: 'job', entityId: id });
    return job;
  }
}
