import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@app/accounts';
import { ExportsService, ListFiltersCheck, MandateListQuery } from '@app/tracking';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly filters: ListFiltersCheck,
  ) {}

  @Get('mandates.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="mandate.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Mandates as CSV for Excel (UTF-8 with BOM, ";"), with the list\'s filters',
  })
  async mandates(@Query() query: MandateListQuery, @CurrentUser() user: AuthUser): Promise<string> {
    await this.filters.check(query);
    return this.exports.mandatesCsv(query, user);
  }

  @Get('obligations.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="verpflichtungen.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "Obligations (one row per owner) as CSV, with the list's filters" })
  async obligations(
    @Query() query: MandateListQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<string> {
    await this.filters.check(query);
    return this.exports.obligationsCsv(query, user);
  }
}
