import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokensService } from './access-tokens.service';
import { AuthGuard } from './auth.guard';
import { PersonalTokensService } from './personal-tokens.service';
import { SignInService } from './sign-in.service';
import { UsersService } from './users.service';

const SERVICES = [
  AccessTokensService,
  SignInService,
  UsersService,
  PersonalTokensService,
  AuthGuard,
];

/** Accounts: sign-in and access tokens, user administration, personal tokens. */
@Module({
  // The key is the installation's, read from the database at start: it is passed on each call.
  imports: [JwtModule.register({})],
  providers: [...SERVICES],
  exports: SERVICES,
})
export class AccountsModule {}
