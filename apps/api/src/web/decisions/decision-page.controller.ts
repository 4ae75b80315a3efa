import { Get, Param, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { ResolutionsService } from '@app/tracking';
import type { Page } from '../page';
import { PageController } from '../page-controller.decorator';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { decisionPage } from './decision.view';

@PageController('decisions')
export class DecisionPageController {
  constructor(private readonly resolutions: ResolutionsService) {}

  /** A decision by its id or its number ("2020/28" written as 2020%2F28). */
  @Get(':ref')
  async show(
    @Param('ref') ref: string,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
    @Query('council') council?: string,
  ): Promise<Page> {
    const resolution = await this.resolutions.find(ref, user, council);
    return decisionPage({ context, user, resolution });
  }
}
