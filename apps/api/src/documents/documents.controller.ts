import { Controller, Get, Header, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/accounts';
import { ResolutionsService } from '@app/tracking';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Roles('secretariat', 'delegate', 'observer')
  @Get(':id')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({
    summary: 'The text a decision was read from (source lines are 1-based lines of it)',
  })
  async text(@Param('id', ParseIntPipe) id: number): Promise<string> {
    return (await this.resolutions.documentText(id)).text;
  }
}
