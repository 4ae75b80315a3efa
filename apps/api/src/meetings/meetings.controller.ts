import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import {
  CreateMeetingDto,
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
  @ApiOperation({ summary: 'The session calendar with counts of decisions and of mandates due' })
  list(): Promise<MeetingView[]> {
    return this.meetings.list();
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
  @ApiOperation({ summary: 'Add a session to the calendar' })
  create(@Body() dto: CreateMeetingDto, @CurrentUser() user: AuthUser): Promise<MeetingView> {
    return this.meetings.create(dto, user);
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
