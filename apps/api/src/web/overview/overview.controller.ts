import { Get, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { Clock } from '@app/config';
import {
  CouncilsService,
  isCalendarSession,
  MandatesService,
  MeetingsService,
  MembersService,
} from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { calendarDay, nextSession } from '../sessions/next-session';
import type { Page } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
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
    private readonly clock: Clock,
  ) {}

  @Get()
  async overview(
    @Query() query: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const councils = await this.councils.list();
    // With a council chosen, its registry, its calendar and its counts; else the first council's
    // (the seeded one), as before there were several.
    const chosen = councils.length > 1 ? councils.find((c) => c.code === query.council) : undefined;
    // Another council's session numbers are its own (its sessions are addressed by id), and
    // its owners are its registry's entries, whatever their kind.
    const other = chosen !== undefined && chosen.id !== councils[0]?.id;
    const [members, meetings, counts] = await Promise.all([
      this.members.list(other, chosen?.id),
      this.meetings.list(chosen?.code),
      this.data.memberCounts(user, chosen?.id, other),
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
    const now = this.clock.now();
    const upcoming = nextSession(meetings, now);
    const next = upcoming
      ? {
          meeting: upcoming,
          due: (await this.meetings.detailById(upcoming.id, user)).due,
          ...(other ? { href: `/sessions/s/${upcoming.id}` } : {}),
          ...(chosen ? { council: chosen.name } : {}),
        }
      : undefined;
    return overviewPage({
      context,
      user,
      filters,
      councils,
      councilOf,
      members: choosable,
      meetings,
      counts,
      page,
      next,
      undated: await this.data.undatedDeadlines(user, meetings, calendarDay(now), chosen?.id),
    });
  }
}
