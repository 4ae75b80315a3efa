import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, SignInService, type AuthUser } from '@app/accounts';
import {
  CouncilsService,
  ExportsService,
  MandateListQuery,
  MembersService,
  memberScope,
  RegisterOwnerDto,
  refuse,
  type MandatePage,
  type MemberView,
  type RegisteredOwner,
} from '@app/tracking';
import { publicUrl } from '@app/config';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly exports: ExportsService,
    private readonly signIn: SignInService,
    private readonly councils: CouncilsService,
  ) {}

  @Get()
  @ApiQuery({ name: 'all', required: false, description: 'true: working groups and projects too' })
  @ApiQuery({ name: 'council', required: false, description: 'Council, by short name or id' })
  async list(
    @Query('all') all?: string,
    @Query('council') council?: string,
  ): Promise<MemberView[]> {
    return this.members.list(all === 'true', await this.councils.idOf(council));
  }

  @Post()
  @Roles('secretariat')
  @ApiOperation({
    summary:
      'Add an owner found by name (a working group, an office) to the registry, with a code and the member it belongs to; its obligations move to the code',
  })
  register(@Body() dto: RegisterOwnerDto, @CurrentUser() user: AuthUser): Promise<RegisteredOwner> {
    return this.members.register(dto, user);
  }

  @Get(':code/obligations')
  @ApiOperation({
    summary: "A member's mandates with their obligations (delegates: only their own member)",
  })
  async obligations(
    @Param('code') code: string,
    @Query() query: MandateListQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<MandatePage> {
    return this.members.obligations(code, query, user, await this.councils.idOf(query.council));
  }

  @Public()
  @Get(':code/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiQuery({
    name: 'token',
    description: 'A personal calendar token (POST /api/me/tokens with kind calendar)',
  })
  @ApiOperation({
    summary: "iCalendar feed of a member's open deadlines, to subscribe to in Outlook",
  })
  async calendar(
    @Param('code') code: string,
    @Query('token') token: string | undefined,
    @Query('council') council?: string,
  ): Promise<string> {
    // Only calendar tokens: a URL ends up in calendar apps, proxies and logs, and a token there
    // must not be one that can change anything.
    const user = token ? await this.signIn.authenticate(token, ['calendar']) : undefined;
    if (!user)
      throw new UnauthorizedException(
        'Dafür braucht es einen gültigen Kalender-Schlüssel (?token=…, erzeugt mit POST /api/me/tokens und kind calendar); API- und Zugangsschlüssel werden in einer Adresse nicht angenommen.',
      );
    const member = await this.members.byCode(code, await this.councils.idOf(council));
    const scope = memberScope(user);
    if (scope !== undefined && scope !== member.id) refuse(`Member ${code}'s calendar`);
    return this.exports.memberCalendar(member, user, publicUrl());
  }
}
