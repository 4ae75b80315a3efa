import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import {
  CorrectMandateDto,
  CreateMandateDto,
  MandateEditsService,
  MandateListQuery,
  ListFiltersCheck,
  MandatesService,
  WithdrawMandateDto,
  type MandateDetail,
  type MandatePage,
} from '@app/tracking';

@ApiTags('mandates')
@ApiBearerAuth()
@Controller('mandates')
export class MandatesController {
  constructor(
    private readonly mandates: MandatesService,
    private readonly edits: MandateEditsService,
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
    // The filters are checked after the read: a page with rows proves the owner and council it
    // names exist, so only an empty one costs the registry reads (and gets the 400 for a typo).
    const page = await this.mandates.list(query, user, { obligations: 'matching' });
    await this.filters.check(query, page.items.length > 0);
    return page;
  }

  @Roles('secretariat')
  @Post()
  @ApiOperation({
    summary: 'Add a mandate the extractor missed to a stored decision (secretariat)',
    description:
      'Owners are member codes, registry names or aliases; a name the registry does not know is ' +
      'kept by that name. A session in `due` must be in the calendar, the point one of the ' +
      "decision's. Each owner gets an open obligation with a history entry; a re-ingest of the " +
      'text keeps the mandate.',
  })
  create(@Body() dto: CreateMandateDto, @CurrentUser() user: AuthUser): Promise<MandateDetail> {
    return this.edits.create(dto, user);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A mandate with every obligation and its history, and the original extraction',
    description: 'A withdrawn mandate is still readable here, with `withdrawn` (when, who, why).',
  })
  detail(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<MandateDetail> {
    return this.mandates.detail(id, user);
  }

  @Roles('secretariat')
  @Patch(':id')
  @ApiOperation({
    summary: 'Correct owners, deadline, action, point or source sentence; a re-ingest keeps it',
  })
  correct(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CorrectMandateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MandateDetail> {
    return this.edits.correct(id, dto, user);
  }

  @Roles('secretariat')
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a wrong mandate (secretariat)',
    description:
      'Takes it out of every list, report, digest, export and calendar feed and lifts its ' +
      'overdue flags; it stays readable on its own with the reason. A re-ingest does not bring ' +
      'it back. 409 when it is withdrawn already.',
  })
  withdraw(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: WithdrawMandateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MandateDetail> {
    return this.edits.withdraw(id, dto, user);
  }
}
