import { Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { Clock } from '@app/config';
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
import { PageUser } from '../page-params.decorators';

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
    private readonly clock: Clock,
  ) {}

  @Get(':file')
  @Header('Cache-Control', 'no-store')
  async download(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @PageUser() user: AuthUser,
  ): Promise<StreamableFile> {
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
    const name = `${FILES[file as keyof typeof FILES]}${filters.owner ? `-${filters.owner}` : ''}-${this.clock.now().toISOString().slice(0, 10)}.csv`;
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}"`,
    });
  }
}
