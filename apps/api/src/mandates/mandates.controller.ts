import { Body, Controller, Get, Param, ParseIntPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import {
  CorrectMandateDto,
  MandateListQuery,
  ListFiltersCheck,
  MandatesService,
  type MandateDetail,
  type MandatePage,
} from '@app/tracking';

@ApiTags('mandates')
@ApiBearerAuth()
@Controller('mandates')
export class MandatesController {
  constructor(
    private readonly mandates: MandatesService,
    private readonly filters: ListFiltersCheck,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Mandates with their owners; filters, sorting, pagination. Delegates see their member's. " +
      "Filtered by owner, each item carries that owner's obligation (allOwners names them all).",
  })
  async list(
    @Query() query: MandateListQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<MandatePage> {
    await this.filters.check(query);
    return this.mandates.list(query, user, { obligations: 'matching' });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A mandate with every obligation and its history, and the original extraction',
  })
  detail(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<MandateDetail> {
    return this.mandates.detail(id, user);
  }

  @Roles('secretariat')
  @Patch(':id')
  @ApiOperation({ summary: 'Correct owners, deadline or action; a re-ingest keeps the correction' })
  correct(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CorrectMandateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MandateDetail> {
    return this.mandates.correct(id, dto, user);
  }
}
