import { Get, Query, Req } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { CouncilsService, MandatesService } from '@app/tracking';
import { allMandates } from '../mandates/all-mandates';
import { PageController } from '../page-controller.decorator';
import type { Page } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import { returnPath, type PageRequest, type WebContext } from '../web-http';
import { changeNotice } from './change-notice';
import { applyMyFilters, dueSessions, readMyFilters } from './my-filters';
import { myObligations, myObligationsPage } from './my-obligations.view';

@PageController('me')
export class MyObligationsController {
  constructor(
    private readonly mandates: MandatesService,
    private readonly councils: CouncilsService,
  ) {}

  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
    @Req() request: PageRequest,
  ): Promise<Page> {
    const read = readMyFilters(query);
    const council = 'filters' in read ? read.filters.council : undefined;
    // A council that is not kept is refused (400, in German).
    if (council) await this.councils.find(council);
    const all = user.memberCode
      ? myObligations(
          await allMandates(
            this.mandates,
            { owner: user.memberCode, sort: 'due', ...(council ? { council } : {}) },
            user,
          ),
          user.memberCode,
        )
      : [];
    const filters = 'filters' in read ? read.filters : {};
    const rows = applyMyFilters(all, filters);
    return myObligationsPage({
      context,
      user,
      rows,
      total: all.length,
      filters,
      sessions: dueSessions(all),
      filterError: 'error' in read ? read.error : undefined,
      status: changeNotice(query, all),
      returnTo: returnPath(request),
    }).withStatus('error' in read ? 400 : 200);
  }
}
