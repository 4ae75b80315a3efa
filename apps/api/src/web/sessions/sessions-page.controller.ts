import { Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { CouncilsService, MeetingsService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { context, sendPage, signedIn, type WebRequest, type WebResponse } from '../web-http';
import { calendarDay, nextSession } from './next-session';
import { sessionPage, sessionsPage } from './sessions.view';

@PageController('sessions')
export class SessionsPageController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly councils: CouncilsService,
  ) {}

  @Get()
  async list(
    @Query('council') asked: unknown,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const councils = await this.councils.list();
    // The first council's calendar unless another is asked for (by short name or id).
    const council =
      typeof asked === 'string' && asked !== '' ? await this.councils.find(asked) : councils[0];
    const meetings = await this.meetings.list(council ? String(council.id) : undefined);
    const now = new Date();
    sendPage(
      response,
      sessionsPage({
        context: context(request),
        councils,
        council,
        meetings,
        next: nextSession(meetings, now),
        today: calendarDay(now),
      }),
    );
  }

  /** A meeting without a number (special session, circulation, AL-Runde) by its id. */
  @Get('s/:id')
  async byId(
    @Param('id', ParseIntPipe) id: number,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const detail = await this.meetings.detailById(id, user);
    const today = calendarDay(new Date());
    sendPage(response, sessionPage({ context: context(request), user, today, ...detail }));
  }

  @Get(':number')
  async detail(
    @Param('number', ParseIntPipe) number: number,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const detail = await this.meetings.detail(number, user);
    const today = calendarDay(new Date());
    sendPage(response, sessionPage({ context: context(request), user, today, ...detail }));
  }
}
