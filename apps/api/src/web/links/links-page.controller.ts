import { Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { LinksService, type LinkView } from '@app/links';
import { CouncilsService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { PageRoles } from '../session/page-access.decorators';
import { seeOther, type Page, type SeeOther } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { linksPage } from './links.view';

const STATES = ['proposed', 'confirmed', 'rejected', 'all'] as const;

/** The secretariat's review of links between decisions; observers read along. */
@PageRoles('secretariat', 'observer')
@PageController('links')
export class LinksPageController {
  constructor(
    private readonly links: LinksService,
    private readonly councils: CouncilsService,
  ) {}

  @Get()
  async list(
    @Query('state') stateParam: unknown,
    @Query('meeting') meetingParam: unknown,
    @Query('done') done: unknown,
    @Query('council') council: unknown,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    // An unknown filter value from an old bookmark shows the default, not an error.
    const state = (STATES as readonly unknown[]).includes(stateParam)
      ? (stateParam as (typeof STATES)[number])
      : 'proposed';
    const number = Number(meetingParam);
    const meeting =
      Number.isInteger(number) && number >= 1 && number <= 10_000 ? number : undefined;
    // An unknown council is refused (400), as on the other pages.
    const councilId = await this.councils.idOf(typeof council === 'string' ? council : undefined);
    const links = await this.links.list(
      {
        ...(state === 'all' ? {} : { state: state as LinkView['state'] }),
        ...(meeting ? { meeting } : {}),
      },
      councilId,
    );
    const status =
      typeof done === 'string' && /^(confirmed|rejected)-\d+$/.test(done)
        ? done.startsWith('confirmed')
          ? `Verknüpfung ${done.split('-')[1]} bestätigt und auf die Aufträge angewendet.`
          : `Verknüpfung ${done.split('-')[1]} verworfen; an den Aufträgen hat sich nichts geändert.`
        : undefined;
    return linksPage({ context, user, links, state, meeting, status });
  }

  @PageRoles('secretariat')
  @Post(':id/confirm')
  async confirm(
    @Param('id', ParseIntPipe) id: number,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const link = await this.links.confirm(id, user);
    return seeOther(`/links?done=confirmed-${id}${this.back(link)}`);
  }

  @PageRoles('secretariat')
  @Post(':id/reject')
  async reject(
    @Param('id', ParseIntPipe) id: number,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const link = await this.links.reject(id, user);
    return seeOther(`/links?done=rejected-${id}${this.back(link)}`);
  }

  private back(link: LinkView): string {
    return link.from.meeting !== null ? `&meeting=${link.from.meeting}` : '';
  }
}
