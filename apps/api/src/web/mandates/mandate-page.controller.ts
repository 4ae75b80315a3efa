import { Get, NotFoundException, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { MandatesService, ResolutionsService, type ResolutionDetail } from '@app/tracking';
import { changeNotice, obligationLabel } from '../obligations/change-notice';
import { PageController } from '../page-controller.decorator';
import {
  context,
  returnPath,
  sendPage,
  signedIn,
  type WebRequest,
  type WebResponse,
} from '../web-http';
import { mandateDetailPage, visibleObligations } from './mandate-detail.view';

@PageController('mandates')
export class MandatePageController {
  constructor(
    private readonly mandates: MandatesService,
    private readonly resolutions: ResolutionsService,
  ) {}

  @Get(':id')
  async detail(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: Record<string, unknown>,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const mandate = await this.mandates.detail(id, user);
    let resolution: ResolutionDetail | undefined;
    try {
      resolution = await this.resolutions.find(String(mandate.resolutionId), user);
    } catch (error) {
      // The mandate is worth showing without its decision's text.
      if (!(error instanceof NotFoundException)) throw error;
    }
    const labelled = visibleObligations(mandate.obligations, user).map((o) => ({
      ...o,
      label: obligationLabel(o.owner, mandate.resolution, mandate.point),
    }));
    sendPage(
      response,
      mandateDetailPage({
        context: context(request),
        user,
        mandate,
        resolution,
        status: changeNotice(query, labelled),
        returnTo: returnPath(request),
      }),
    );
  }
}
