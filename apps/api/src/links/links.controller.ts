import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import { LinkListQuery, LinksService, type LinkEffect, type LinkView } from '@app/links';
import { CouncilsService } from '@app/tracking';

@ApiTags('links')
@ApiBearerAuth()
@Roles('secretariat', 'observer')
@Controller('links')
export class LinksController {
  constructor(
    private readonly links: LinksService,
    private readonly councils: CouncilsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Links from later decisions to the earlier ones they fulfil, extend, renew, supersede or reference (found at ingest; proposed until confirmed or rejected)',
  })
  async list(@Query() query: LinkListQuery): Promise<LinkView[]> {
    return this.links.list(query, await this.councils.idOf(query.council));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A link: both sentences, the reason, the earlier mandates it concerns' })
  get(@Param('id', ParseIntPipe) id: number): Promise<LinkView> {
    return this.links.get(id);
  }

  @Roles('secretariat')
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm a proposed link and apply it to every obligation it concerns, per owner: fulfils and renews -> reported, extends -> the new deadline, supersedes -> superseded (references: no change). Each change gets a history entry naming the later decision. 409 once decided',
  })
  confirm(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<LinkView & { effects: LinkEffect[] }> {
    return this.links.confirm(id, user);
  }

  @Roles('secretariat')
  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposed link: nothing changes. 409 once decided' })
  reject(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser): Promise<LinkView> {
    return this.links.reject(id, user);
  }
}
