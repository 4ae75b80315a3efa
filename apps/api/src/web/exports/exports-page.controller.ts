import { Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  CouncilsService,
  ExportsService,
  isCalendarSession,
  MeetingsService,
  MembersService,
} from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { readOverviewFilters, toListQuery } from '../overview/overview-filters';
import { signedIn, type WebRequest, type WebResponse } from '../web-http';

/** The two CSV files, each with its file name. */
const FILES = {
  'mandates.csv': 'auftraege',
  'obligations.csv': 'pflichten',
} as const;

/**
 * The CSV exports for the pages, with the filters of the list they are linked from (the
 * overview's, or a delegate's own member). The API's exports take bearer tokens; a browser
 * signed in to the pages has its session instead.
 */
@PageController('exports')
export class ExportsPageController {
  constructor(
    private readonly exports: ExportsService,
    private readonly members: MembersService,
    private readonly meetings: MeetingsService,
    private readonly councils: CouncilsService,
  ) {}

  @Get(':file')
  async download(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    if (!(file in FILES)) throw new PageError(404, 'Diese Datei gibt es nicht.');
    const members = await this.members.list();
    const meetings = await this.meetings.list();
    const filters = readOverviewFilters(query, {
      owners: (user.role === 'delegate'
        ? members.filter((m) => m.code === user.memberCode)
        : members
      ).map((m) => m.code),
      meetings: meetings.filter(isCalendarSession).map((m) => m.number),
      decidedIn: meetings.filter((m) => m.resolutions > 0).map((m) => m.id),
      councils: (await this.councils.list()).map((c) => c.code),
    });
    const { page: _page, pageSize: _size, includeTotal: _total, ...list } = toListQuery(filters, 1);
    const csv =
      file === 'mandates.csv'
        ? await this.exports.mandatesCsv(list, user)
        : await this.exports.obligationsCsv(list, user);
    const name = `${FILES[file as keyof typeof FILES]}${filters.owner ? `-${filters.owner}` : ''}-${new Date().toISOString().slice(0, 10)}.csv`;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.send(csv);
  }
}
