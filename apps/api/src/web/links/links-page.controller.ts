import { Get, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { LinksService, type LinkView } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { PageRoles } from '../session/page-access.decorators';
import {
  context,
  redirectAfterPost,
  sendPage,
  signedIn,
  type WebRequest,
  type WebResponse,
} from '../web-http';
import { linksPage } from './links.view';

const STATES = ['proposed', 'confirmed', 'rejected', 'all'] as const;

/** The secretariat's review of links between decisions; observers read along. */
@PageRoles('secretariat', 'observer')
@PageController('links')
export class LinksPageController {
  constructor(private readonly links: LinksService) {}

  @Get()
  async list(
    @Query('state') stateParam: unknown,
    @Query('meeting') meetingParam: unknown,
    @Query('done') done: unknown,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    // An unknown filter value from an old bookmark shows the default, not an error.
    const state = (STATES as readonly unknown[]).includes(stateParam)
      ? (stateParam as (typeof STATES)[number])
      : 'proposed';
    const number = Number(meetingParam);
    const meeting =
      Number.isInteger(number) && number >= 1 && number <= 10_000 ? number : undefined;
    const links = await this.links.list({
      ...(state === 'all' ? {} : { state: state as LinkView['state'] }),
      ...(meeting ? { meeting } : {}),
    });
    const status =
      typeof done === 'string' && /^(confirmed|rejected)-\d+$/.test(done)
        ? done.startsWith('confirmed')
          ? `Verknüpfung ${done.split('-')[1]} bestätigt und auf die Aufträge angewendet.`
          : `Verknüpfung ${done.split('-')[1]} verworfen; an den Aufträgen hat sich nichts geändert.`
        : undefined;
    sendPage(
      response,
      linksPage({ context: context(request), user, links, state, meeting, status }),
    );
  }

  @PageRoles('secretariat')
  @Post(':id/confirm')
  async confirm(
    @Param('id', ParseIntPipe) id: number,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const link = await this.links.confirm(id, user);
    redirectAfterPost(response, `/links?done=confirmed-${id}${this.back(link)}`);
  }

  @PageRoles('secretariat')
  @Post(':id/reject')
  async reject(
    @Param('id', ParseIntPipe) id: number,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const link = await this.links.reject(id, user);
    redirectAfterPost(response, `/links?done=rejected-${id}${this.back(link)}`);
  }

  private back(link: LinkView): string {
    return link.from.meeting !== null ? `&meeting=${link.from.meeting}` : '';
  }
}
