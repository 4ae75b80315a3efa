import { Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { Clock } from '@app/config';
import { CouncilsService, MeetingsService } from '@app/tracking';
import type { Page } from '../page';
import { PageController } from '../page-controller.decorator';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { calendarDay, nextSession } from './next-session';
import { sessionPage, sessionsPage } from './sessions.view';

@PageController('sessions')
export class SessionsPageController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly councils: CouncilsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Query('council') asked: unknown, @PageContext() context: WebContext): Promise<Page> {
    const councils = await this.councils.list();
    // The first council's calendar unless another is asked for (by short name or id).
    const council =
      typeof asked === 'string' && asked !== '' ? await this.councils.find(asked) : councils[0];
    const meetings = await this.meetings.list(council ? String(council.id) : undefined);
    const now = this.clock.now();
    return sessionsPage({
      context,
      councils,
      council,
      meetings,
      next: nextSession(meetings, now),
      today: calendarDay(now),
    });
  }

  /** A meeting without a number (special session, circulation, AL-Runde) by its id. */
  @Get('s/:id')
  async byId(
    @Param('id', ParseIntPipe) id: number,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const detail = await this.meetings.detailById(id, user);
    return sessionPage({ context, user, today: calendarDay(this.clock.now()), ...detail });
  }

  @Get(':number')
  async detail(
    @Param('number', ParseIntPipe) number: number,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const detail = await this.meetings.detail(number, user);
    return sessionPage({ context, user, today: calendarDay(this.clock.now()), ...detail });
  }
}
