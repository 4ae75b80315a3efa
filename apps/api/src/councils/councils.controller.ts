import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CouncilsService, type CouncilView } from '@app/tracking';

@ApiTags('councils')
@ApiBearerAuth()
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Get()
  @ApiOperation({
    summary:
      'The councils kept side by side (the IT-Planungsrat, and each one followed through OParl); lists take council=<code or id>',
  })
  list(): Promise<CouncilView[]> {
    return this.councils.list();
  }
}
