import { Get, Query, Req, Res } from '@nestjs/common';
import {
  CouncilsService,
  isCalendarSession,
  MandatesService,
  MeetingsService,
  MembersService,
} from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { calendarDay, nextSession } from '../sessions/next-session';
import { context, sendPage, signedIn, type WebRequest, type WebResponse } from '../web-http';
import { OverviewData } from './overview-data';
import { readOverviewFilters, toListQuery } from './overview-filters';
import { overviewPage } from './overview.view';

const PAGE_SIZE = 50;

@PageController('overview')
export class OverviewController {
  constructor(
    private readonly mandates: MandatesService,
    private readonly meetings: MeetingsService,
    private readonly members: MembersService,
    private readonly data: OverviewData,
    private readonly councils: CouncilsService,
  ) {}

  @Get()
  async overview(
    @Query() query: Record<string, unknown>,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const [members, meetings, counts, councils] = await Promise.all([
      this.members.list(),
      this.meetings.list(),
      this.data.memberCounts(user),
      this.councils.list(),
    ]);
    // A delegate's lists hold only its own member's obligations: no other member to pick.
    const choosable =
      user.role === 'delegate' ? members.filter((m) => m.code === user.memberCode) : members;
    const filters = readOverviewFilters(query, {
      owners: choosable.map((m) => m.code),
      meetings: meetings.filter(isCalendarSession).map((m) => m.number),
      decidedIn: meetings.filter((m) => m.resolutions > 0).map((m) => m.id),
      councils: councils.map((c) => c.code),
    });
    const page = await this.mandates.list(toListQuery(filters, PAGE_SIZE), user);
    const councilOf = await this.councils.namesOf(page.items.map((m) => m.resolutionId));
    const now = new Date();
    const upcoming = nextSession(meetings, now);
    const next = upcoming
      ? { meeting: upcoming, due: (await this.meetings.detail(upcoming.number, user)).due }
      : undefined;
    sendPage(
      response,
      overviewPage({
        context: context(request),
        user,
        filters,
        councils,
        councilOf,
        members: choosable,
        meetings,
        counts,
        page,
        next,
        undated: await this.data.undatedDeadlines(user, meetings, calendarDay(now)),
      }),
    );
  }
}
