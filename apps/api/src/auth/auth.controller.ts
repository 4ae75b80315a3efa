import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvitationsService, Public, RESET_ANSWER, SignInService } from '@app/accounts';
import { LoginDto, PasswordResetDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly invitations: InvitationsService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: a short-lived access token to send as "Authorization: Bearer ..."',
  })
  login(
    @Body() dto: LoginDto,
    @Ip() ip: string,
  ): Promise<{ accessToken: string; expiresAt: string }> {
    return this.signIn.login(dto.email, dto.password, ip);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Forgotten password: mails a one-time link when the address has an account; the same answer either way',
  })
  async requestReset(
    @Body() dto: PasswordResetDto,
    @Ip() ip: string,
  ): Promise<{ message: string }> {
    await this.invitations.requestReset(dto.email, ip);
    return { message: RESET_ANSWER };
  }
}
