import { Get, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { Clock, publicUrl } from '@app/config';
import { ReportsService, type ComposedReport, type ReportFormat } from '@app/jobs';
import { CouncilsService, isCalendarSession, MeetingsService, MembersService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { nextSession } from '../sessions/next-session';
import type { Page } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { REPORT_FORMAT_LABELS, reportsPage } from './reports.view';

/** A file name without anything a header or a file system could trip over. */
function fileName(stem: string, format: ReportFormat, generatedAt: string): string {
  return `${stem.replace(/[^A-Za-z0-9-]+/g, '_')}-${generatedAt.slice(0, 10)}.${format}`;
}

/**
 * The reports page: a member's status report and a session preparation, composed and rendered by
 * `ReportsService` as for the API and the jobs, read only (nothing is kept).
 */
@PageController('reports')
export class ReportsPageController {
  constructor(
    private readonly reports: ReportsService,
    private readonly members: MembersService,
    private readonly meetings: MeetingsService,
    private readonly councils: CouncilsService,
    private readonly clock: Clock,
  ) {}

  /** The council a `council=` filter names (unknown: 400, as on the other pages); none without. */
  private async council(value: unknown): Promise<{ id: number; code: string } | undefined> {
    return typeof value === 'string' && value !== '' ? this.councils.find(value) : undefined;
  }

  @Get()
  async page(
    @Query('session') session: unknown,
    @Query('council') asked: unknown,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const council = await this.council(asked);
    // A session preparation is for the calendar's numbered sessions: deadlines name only those.
    const meetings = (await this.meetings.list(council ? String(council.id) : undefined)).filter(
      isCalendarSession,
    );
    const wanted = Number(session);
    const chosen = meetings.some((m) => m.number === wanted)
      ? wanted
      : (nextSession(meetings, this.clock.now()) ?? meetings[meetings.length - 1])?.number;
    return reportsPage({
      context,
      user,
      members: await this.members.list(false, council?.id),
      meetings,
      session: chosen,
      council: council?.code,
    });
  }

  @Get('member')
  async memberReport(
    @Query('member') code: unknown,
    @Query('format') format: unknown,
    @Query('council') asked: unknown,
    @PageUser() user: AuthUser,
  ): Promise<Response> {
    const council = await this.council(asked);
    const member = (await this.members.list(false, council?.id)).find((m) => m.code === code);
    if (!member) throw new PageError(404, 'Dieses Mitglied gibt es nicht.');
    if (user.role === 'delegate' && member.code !== user.memberCode)
      throw new PageError(403, 'Den Bericht eines anderen Mitglieds können Sie nicht abrufen.');
    const report = await this.reports.memberReport(
      member.code,
      this.clock.now(),
      publicUrl(),
      false,
      council?.id,
    );
    return this.download(report, format, `auftraege-${member.code}`);
  }

  @Get('session')
  async sessionReport(
    @Query('session') session: unknown,
    @Query('format') format: unknown,
    @Query('council') asked: unknown,
    @PageUser() user: AuthUser,
  ): Promise<Response> {
    const council = await this.council(asked);
    const number = Number(session);
    if (!(await this.reports.isCalendarSession(number, council?.id)))
      throw new PageError(404, 'Diese Sitzung steht nicht im Kalender.');
    // A delegate prepares a session for its own member only; with a council, of its decisions only.
    const scope = {
      ...(user.role === 'delegate' ? { memberId: user.memberId ?? -1 } : {}),
      ...(council ? { councilId: council.id } : {}),
    };
    const preparation = await this.reports.sessionPreparation(
      number,
      this.clock.now(),
      publicUrl(),
      false,
      scope,
    );
    return this.download(preparation, format, `sitzungsvorbereitung-${number}`);
  }

  /**
   * A composed report as the whole answer, in the format asked for (HTML without one): HTML opens
   * in the browser to read and print, the others are saved; its headers only on success, not on
   * an error page.
   */
  private download(report: ComposedReport, format: unknown, stem: string): Response {
    const chosen: ReportFormat =
      typeof format === 'string' && format in REPORT_FORMAT_LABELS
        ? (format as ReportFormat)
        : 'html';
    const rendered = this.reports.render(report, chosen);
    return new Response(rendered.body, {
      headers: {
        'Content-Type': rendered.contentType,
        'Content-Disposition': `${chosen === 'html' ? 'inline' : 'attachment'}; filename="${fileName(stem, chosen, rendered.generatedAt)}"`,
        'Cache-Control': 'no-store',
        // The composed report brings its own inline styles and runs no script.
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      },
    });
  }
}
