import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@app/accounts';
import { ResolutionsService, type ResolutionDetail } from '@app/tracking';

@ApiTags('resolutions')
@ApiBearerAuth()
@Controller('resolutions')
export class ResolutionsController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Get(':ref')
  @ApiParam({
    name: 'ref',
    description: 'Id, or decision number with the slash encoded',
    example: '2020%2F28',
  })
  @ApiOperation({
    summary: 'A decision: points, vote, Grüne Liste, protocol notes, mandates, source',
  })
  @ApiQuery({ name: 'council', required: false, description: 'Council, by short name or id' })
  find(
    @Param('ref') ref: string,
    @CurrentUser() user: AuthUser,
    @Query('council') council?: string,
  ): Promise<ResolutionDetail> {
    return this.resolutions.find(ref, user, council);
  }
}
