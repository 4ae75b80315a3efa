import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import {
  CreateMeetingDto,
  CreateSpecialMeetingDto,
  MeetingsService,
  UpdateMeetingDto,
  type MeetingView,
} from '@app/tracking';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Every meeting in calendar order: numbered sessions, special sessions, circulation procedures, AL-Runde meetings (number null), with counts of decisions and of mandates due',
  })
  @ApiQuery({
    name: 'council',
    required: false,
    description: 'Council by short name or id (GET /api/councils); the first by default',
  })
  list(@Query('council') council?: string): Promise<MeetingView[]> {
    return this.meetings.list(typeof council === 'string' && council !== '' ? council : undefined);
  }

  @Get('by-id/:id')
  @ApiOperation({
    summary: 'Any meeting by its id (those without a number have no other address)',
  })
  detailById(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.meetings.detailById(id, user);
  }

  @Get(':number')
  @ApiOperation({
    summary: 'A session: its decisions, the mandates decided there and those due there',
  })
  detail(@Param('number', ParseIntPipe) number: number, @CurrentUser() user: AuthUser) {
    return this.meetings.detail(number, user);
  }

  @Roles('secretariat')
  @Post()
  @ApiOperation({ summary: 'Add a session to the calendar (without a date: "Termin offen")' })
  create(@Body() dto: CreateMeetingDto, @CurrentUser() user: AuthUser): Promise<MeetingView> {
    return this.meetings.create(dto, user);
  }

  @Roles('secretariat')
  @Post('special')
  @ApiOperation({ summary: 'Add a special session (no number, known by its date)' })
  createSpecial(
    @Body() dto: CreateSpecialMeetingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingView> {
    return this.meetings.createSpecial(dto, user);
  }

  @Roles('secretariat')
  @Patch('by-id/:id')
  @ApiOperation({ summary: 'Move or cancel any meeting by its id (as PATCH /meetings/:number)' })
  updateById(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateMeetingDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.meetings.updateById(id, dto, user);
  }

  @Roles('secretariat')
  @Patch(':number')
  @ApiOperation({
    summary:
      'Move a session (its deadlines move) or cancel it (its deadlines go to the next session)',
  })
  update(
    @Param('number', ParseIntPipe) number: number,
    @Body() dto: UpdateMeetingDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.meetings.update(number, dto, user);
  }
}
