import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@app/accounts';
import {
  AddCommentDto,
  ObligationsService,
  UpdateObligationDto,
  type ObligationView,
} from '@app/tracking';

@ApiTags('obligations')
@ApiBearerAuth()
@Controller('obligations')
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get(':id')
  @ApiOperation({ summary: "One owner's obligation, its history and the statuses it may move to" })
  get(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<ObligationView> {
    return this.obligations.get(id, user);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change status (open -> in_progress -> reported -> done) with a note and a link',
  })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateObligationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ObligationView> {
    return this.obligations.update(id, dto, user);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Add a comment (with an optional link) to the history' })
  comment(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AddCommentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ObligationView> {
    return this.obligations.comment(id, dto, user);
  }
}
