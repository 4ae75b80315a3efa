import { Get, Param, ParseIntPipe, Req, Res } from '@nestjs/common';
import { MeetingsService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { context, sendPage, signedIn, type WebRequest, type WebResponse } from '../web-http';
import { nextSession } from './next-session';
import { sessionPage, sessionsPage } from './sessions.view';

@PageController('sessions')
export class SessionsPageController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  async list(@Req() request: WebRequest, @Res() response: WebResponse): Promise<void> {
    const meetings = await this.meetings.list();
    sendPage(
      response,
      sessionsPage({
        context: context(request),
        meetings,
        next: nextSession(meetings, new Date()),
      }),
    );
  }

  @Get(':number')
  async detail(
    @Param('number', ParseIntPipe) number: number,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const detail = await this.meetings.detail(number, user);
    sendPage(response, sessionPage({ context: context(request), user, ...detail }));
  }
}
