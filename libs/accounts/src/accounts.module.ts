import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth.guard';

@Module({ providers: [AccountsService, AuthGuard], exports: [AccountsService, AuthGuard] })
export class AccountsModule {}
