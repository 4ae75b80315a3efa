import { Get, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import {
  composeMemberReport,
  composeSessionPreparation,
  renderReportCsv,
  renderReportHtml,
  renderReportMarkdown,
  renderSessionPreparationCsv,
  renderSessionPreparationHtml,
  renderSessionPreparationMarkdown,
} from '@app/follow-up';
import { isCalendarSession, MeetingsService, MembersService } from '@app/tracking';
import { publicUrl } from '@app/config';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { nextSession } from '../sessions/next-session';
import type { Page } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { FollowUpDataRepository } from '@app/jobs';
import { REPORT_FORMATS, reportsPage, type ReportFormat } from './reports.view';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

function formatOf(value: unknown): ReportFormat {
  return typeof value === 'string' && value in REPORT_FORMATS ? (value as ReportFormat) : 'html';
}

/** A file name without anything a header or a file system could trip over. */
function fileName(stem: string, format: ReportFormat, now: Date): string {
  return `${stem.replace(/[^A-Za-z0-9-]+/g, '_')}-${now.toISOString().slice(0, 10)}.${format}`;
}

/** A composed report as the whole answer (its headers only on success, not on an error page). */
function reportFile(body: string, format: ReportFormat, name: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      // HTML opens in the browser (to read and print), the others are saved.
      'Content-Disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`,
      'Cache-Control': 'no-store',
      // The composed report brings its own inline styles and runs no script.
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    },
  });
}

@PageController('reports')
export class ReportsPageController {
  constructor(
    private readonly data: FollowUpDataRepository,
    private readonly members: MembersService,
    private readonly meetings: MeetingsService,
  ) {}

  @Get()
  async page(
    @Query('session') session: unknown,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    // A session preparation is for the calendar's numbered sessions: deadlines name only those.
    const meetings = (await this.meetings.list()).filter(isCalendarSession);
    const wanted = Number(session);
    const chosen = meetings.some((m) => m.number === wanted)
      ? wanted
      : (nextSession(meetings, new Date()) ?? meetings[meetings.length - 1])?.number;
    return reportsPage({
      context,
      user,
      members: await this.members.list(),
      meetings,
      session: chosen,
    });
  }

  @Get('member')
  async memberReport(
    @Query('member') code: unknown,
    @Query('format') format: unknown,
    @PageUser() user: AuthUser,
  ): Promise<Response> {
    const member = (await this.members.list()).find((m) => m.code === code);
    if (!member) throw new PageError(404, 'Dieses Mitglied gibt es nicht.');
    if (user.role === 'delegate' && member.code !== user.memberCode)
      throw new PageError(403, 'Den Bericht eines anderen Mitglieds können Sie nicht abrufen.');
    const now = new Date();
    const report = composeMemberReport({
      member: { code: member.code, name: member.name },
      obligations: await this.data.obligations({ owner: member.code }),
      sessions: await this.data.sessions(),
      now,
      baseUrl: publicUrl(),
    });
    const chosen = formatOf(format);
    const render = { html: renderReportHtml, md: renderReportMarkdown, csv: renderReportCsv };
    return reportFile(
      render[chosen](report),
      chosen,
      fileName(`auftraege-${member.code}`, chosen, now),
    );
  }

  @Get('session')
  async sessionReport(
    @Query('session') session: unknown,
    @Query('format') format: unknown,
    @PageUser() user: AuthUser,
  ): Promise<Response> {
    const number = Number(session);
    const sessions = await this.data.sessions();
    if (!sessions.some((s) => s.number === number))
      throw new PageError(404, 'Diese Sitzung steht nicht im Kalender.');
    const names = new Map((await this.members.list(true)).map((m) => [m.code, m.name]));
    const now = new Date();
    const obligations = await this.data.obligations(scopeOf(user));
    const preparation = composeSessionPreparation({
      session: number,
      obligations: obligations.map((o) => ({ ...o, memberName: names.get(o.owner) })),
      sessions,
      now,
      baseUrl: publicUrl(),
    });
    const chosen = formatOf(format);
    const render = {
      html: renderSessionPreparationHtml,
      md: renderSessionPreparationMarkdown,
      csv: renderSessionPreparationCsv,
    };
    return reportFile(
      render[chosen](preparation),
      chosen,
      fileName(`sitzungsvorbereitung-${number}`, chosen, now),
    );
  }
}

/** A delegate prepares a session for its own member only. */
function scopeOf(user: AuthUser): { memberId?: number } {
  return user.role === 'delegate' ? { memberId: user.memberId ?? -1 } : {};
}
