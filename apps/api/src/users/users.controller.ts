import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  UsersService,
  CurrentUser,
  InvitationsService,
  Roles,
  type AuthUser,
  type UserView,
} from '@app/accounts';
import { CreateUserDto, InviteUserDto, UpdateUserDto } from './dto/user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All accounts (secretariat)' })
  list(): Promise<UserView[]> {
    return this.users.listUsers();
  }

  @Post()
  @ApiOperation({ summary: 'Create an account; a generated password is returned once' })
  create(
    @Body() dto: CreateUserDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ user: UserView; password?: string }> {
    return this.users.createUser(dto, user);
  }

  @Post('invitations')
  @ApiOperation({
    summary: 'Invite: an account without a password, and a mail with a one-time link to set it',
  })
  invite(@Body() dto: InviteUserDto, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.invitations.invite(dto, user);
  }

  @Post(':id/invitation')
  @ApiOperation({ summary: 'Send the invitation again; earlier links stop working' })
  reinvite(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<UserView> {
    return this.invitations.reinvite(id, user);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<UserView> {
    return this.users.view(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change role, member, name, digest frequency, password; disable (revokes its tokens)',
  })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateUserDto,
    @CurrentUser() user: AuthUser,
  ): Promise<UserView> {
    return this.users.updateUser(id, dto, user);
  }
}
