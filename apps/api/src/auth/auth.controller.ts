import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, Public } from '@app/accounts';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

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
    return this.accounts.login(dto.email, dto.password, ip);
  }
}
