import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  PersonalTokensService,
  Roles,
  SignInService,
  UsersService,
  type AuthUser,
  type TokenView,
  type UserView,
} from '@app/accounts';
import { MandateListQuery, MandatesService, type MandatePage } from '@app/tracking';
import { ChangePasswordDto, CreateTokenDto, UpdateMeDto } from '../users/dto/user.dto';

@ApiTags('me')
@ApiBearerAuth()
@Roles('secretariat', 'delegate', 'observer')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly signIn: SignInService,
    private readonly personalTokens: PersonalTokensService,
    private readonly mandates: MandatesService,
  ) {}

  @Get()
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.view(user.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Own settings: digest frequency (weekly, daily, off), name' })
  update(@Body() dto: UpdateMeDto, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.updateUser(user.id, dto, user);
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change your own password (the current one is needed). Ends every other sign-in of the account: access tokens, page sessions and personal tokens; answers with a fresh access token',
  })
  changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ accessToken: string; expiresAt: string; revokedTokens: number }> {
    return this.signIn.changeOwnPassword(user.id, dto.currentPassword, dto.newPassword, user);
  }

  @Get('obligations')
  @ApiOperation({
    summary: "A delegate's own member's mandates (empty for accounts without a member)",
  })
  obligations(
    @Query() query: MandateListQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<MandatePage> {
    if (!user.memberCode)
      return Promise.resolve({
        items: [],
        page: 1,
        pageSize: query.pageSize ?? 50,
        hasMore: false,
        total: 0,
      });
    return this.mandates.list({ ...query, owner: user.memberCode }, user, {
      obligations: 'matching',
    });
  }

  @Get('tokens')
  tokens(@CurrentUser() user: AuthUser): Promise<TokenView[]> {
    return this.personalTokens.list(user.id);
  }

  @Post('tokens')
  @ApiOperation({
    summary:
      'A personal token for scripts (kind api) or a calendar feed (kind calendar); shown once',
  })
  createToken(
    @Body() dto: CreateTokenDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ token: string; view: TokenView }> {
    return this.personalTokens.create(
      user.id,
      { ...dto, expiresInDays: dto.expiresInDays ?? 365 },
      user,
    );
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  revoke(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser): Promise<void> {
    return this.personalTokens.revoke(user.id, id, user);
  }
}
