import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import {
  REPORT_FORMATS,
  REPORTS_KEPT,
  ReportsService,
  type RenderedReport,
  type ReportFormat,
} from '@app/jobs';
import { CouncilsService, MembersService, memberScope, refuse } from '@app/tracking';
import { Clock, publicUrl } from '@app/config';

function format(value: string | undefined): ReportFormat {
  const f = (value ?? 'html') as ReportFormat;
  if (!REPORT_FORMATS.includes(f))
    throw new BadRequestException(`format: erlaubt sind ${REPORT_FORMATS.join(', ')}.`);
  return f;
}

/** A rendered report as the answer, shown in the browser (inline) under its file name. */
function file(rendered: RenderedReport): StreamableFile {
  return new StreamableFile(Buffer.from(rendered.body, 'utf8'), {
    type: rendered.contentType,
    disposition: `inline; filename="${rendered.fileName}"`,
  });
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
    private readonly councils: CouncilsService,
  ) {}

  private async allowed(code: string, user: AuthUser, council?: number): Promise<void> {
    const member = await this.members.byCode(code, council);
    const scope = memberScope(user);
    if (scope !== undefined && scope !== member.id) refuse(`Member ${code}'s report`);
  }

  @Get('members/:code/report')
  @ApiQuery({ name: 'format', enum: REPORT_FORMATS, required: false })
  @ApiOperation({
    summary:
      "A member's status report as of now; reading it stores nothing (POST .../reports keeps one)",
  })
  async memberReport(
    @Param('code') code: string,
    @Query('format') f: string | undefined,
    @CurrentUser() user: AuthUser,
    @Query('council') council?: string,
  ): Promise<StreamableFile> {
    const chosen = format(f);
    const councilId = await this.councils.idOf(council);
    await this.allowed(code, user, councilId);
    return file(
      this.reports.render(
        await this.reports.memberReport(code, this.clock.now(), publicUrl(), false, councilId),
        chosen,
      ),
    );
  }

  @Roles('secretariat', 'delegate')
  @Post('members/:code/reports')
  @HttpCode(201)
  @ApiOperation({
    summary: `Keep a member's status report as of now, to download later (the last ${REPORTS_KEPT} are kept)`,
  })
  async keepMemberReport(
    @Param('code') code: string,
    @CurrentUser() user: AuthUser,
    @Query('council') council?: string,
  ): Promise<{ id: number | null; generatedAt: string }> {
    const councilId = await this.councils.idOf(council);
    await this.allowed(code, user, councilId);
    const kept = await this.reports.memberReport(
      code,
      this.clock.now(),
      publicUrl(),
      true,
      councilId,
    );
    return { id: kept.id, generatedAt: kept.generatedAt };
  }

  @Get('members/:code/reports')
  @ApiOperation({ summary: 'Earlier status reports of a member (ids to download)' })
  async history(
    @Param('code') code: string,
    @CurrentUser() user: AuthUser,
    @Query('council') council?: string,
  ) {
    await this.allowed(code, user, await this.councils.idOf(council));
    return this.reports.history('member', code);
  }

  @Get('reports/:id')
  @ApiQuery({ name: 'format', enum: REPORT_FORMATS, required: false })
  @ApiOperation({ summary: 'Download a stored report' })
  async download(
    @Param('id', ParseIntPipe) id: number,
    @Query('format') f: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    const chosen = format(f);
    const stored = await this.reports.find(id);
    if (stored.kind === 'member') await this.allowed(stored.subject, user);
    else if (user.role === 'delegate') refuse('The session preparation report');
    return file(this.reports.render(stored, chosen));
  }

  @Roles('secretariat', 'observer')
  @Get('meetings/:number/preparation')
  @ApiQuery({ name: 'format', enum: REPORT_FORMATS, required: false })
  @ApiOperation({
    summary: 'Session preparation: everything due at session N, by member and status',
  })
  async preparation(
    @Param('number', ParseIntPipe) number: number,
    @Query('format') f: string | undefined,
  ): Promise<StreamableFile> {
    const chosen = format(f);
    return file(
      this.reports.render(
        await this.reports.sessionPreparation(number, this.clock.now(), publicUrl(), false),
        chosen,
      ),
    );
  }
}
