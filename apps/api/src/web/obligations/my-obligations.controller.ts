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
    const rows = user.memberCode
      ? myObligations(
          await allMandates(this.mandates, { owner: user.memberCode, sort: 'due' }, user),
          user.memberCode,
        )
      : [];
    sendPage(
      response,
      myObligationsPage({
        context: context(request),
        user,
        rows,
        status: changeNotice(query, rows),
        returnTo: returnPath(request),
      }),
    );
  }
}
