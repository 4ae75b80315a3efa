import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Mailer } from './mailer';
import { SmtpMailer } from './smtp.mailer';

@Global()
@Module({
  providers: [
    {
      provide: Mailer,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new SmtpMailer(
          config.get<string>('SMTP_URL') || undefined,
          config.get<string>('MAIL_FROM') ?? 'mandate-tracker <noreply@localhost>',
        ),
    },
  ],
  exports: [Mailer],
})
export class MailModule {}
