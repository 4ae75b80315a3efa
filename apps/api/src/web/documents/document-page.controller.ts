import { Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ResolutionsService } from '@app/tracking';
import type { Page } from '../page';
import { PageController } from '../page-controller.decorator';
import { PageContext } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { documentPage } from './document.view';

@PageController('documents')
export class DocumentPageController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Get(':id')
  async show(
    @Param('id', ParseIntPipe) id: number,
    @Query('line') line: unknown,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const document = await this.resolutions.documentText(id);
    const wanted = typeof line === 'string' && /^\d{1,7}$/.test(line) ? Number(line) : undefined;
    return documentPage({ context, ...document, line: wanted });
  }
}
