import { Get, Param, Req, Res } from '@nestjs/common';
import { ResolutionsService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { context, sendPage, signedIn, type WebRequest, type WebResponse } from '../web-http';
import { decisionPage } from './decision.view';

@PageController('decisions')
export class DecisionPageController {
  constructor(private readonly resolutions: ResolutionsService) {}

  /** A decision by its id or its number ("2020/28" written as 2020%2F28). */
  @Get(':ref')
  async show(
    @Param('ref') ref: string,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const resolution = await this.resolutions.find(ref, user);
    sendPage(response, decisionPage({ context: context(request), user, resolution }));
  }
}
