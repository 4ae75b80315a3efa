import { Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { ResolutionsService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { context, sendPage, type WebRequest, type WebResponse } from '../web-http';
import { documentPage } from './document.view';

@PageController('documents')
export class DocumentPageController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Get(':id')
  async show(
    @Param('id', ParseIntPipe) id: number,
    @Query('line') line: unknown,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const document = await this.resolutions.documentText(id);
    const wanted = typeof line === 'string' && /^\d{1,7}$/.test(line) ? Number(line) : undefined;
    sendPage(response, documentPage({ context: context(request), ...document, line: wanted }));
  }
}
