import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts.module';
import { InvitationsService } from './invitations.service';

/** Invitations and forgotten passwords; needs the mailer (MailModule), so only the API imports it. */
@Module({
  imports: [AccountsModule],
  providers: [InvitationsService],
  exports: [InvitationsService],
})
export class InvitationsModule {}
