import { Get, Query, Req, Res } from '@nestjs/common';
import { MandatesService } from '@app/tracking';
import { allMandates } from '../mandates/all-mandates';
import { PageController } from '../page-controller.decorator';
import {
  context,
  returnPath,
  sendPage,
  signedIn,
  type WebRequest,
  type WebResponse,
} from '../web-http';
import { changeNotice } from './change-notice';
import { applyMyFilters, dueSessions, readMyFilters } from './my-filters';
import { myObligations, myObligationsPage } from './my-obligations.view';

@PageController('me')
export class MyObligationsController {
  constructor(private readonly mandates: MandatesService) {}

  @Get()
  async list(
    @Req() request: WebRequest,
    @Res() response: WebResponse,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const user = signedIn(request);
    const read = readMyFilters(query);
    const all = user.memberCode
      ? myObligations(
          await allMandates(this.mandates, { owner: user.memberCode, sort: 'due' }, user),
          user.memberCode,
        )
      : [];
    const filters = 'filters' in read ? read.filters : {};
    const rows = applyMyFilters(all, filters);
    sendPage(
      response,
      myObligationsPage({
        context: context(request),
        user,
        rows,
        total: all.length,
        filters,
        sessions: dueSessions(all),
        filterError: 'error' in read ? read.error : undefined,
        status: changeNotice(query, all),
        returnTo: returnPath(request),
      }),
      'error' in read ? 400 : 200,
    );
  }
}
