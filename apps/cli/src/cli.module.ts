import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ClockModule, databaseConfig, seedConfig, validateEnvironment } from '@app/config';
import { AccountsModule } from '@app/accounts';
import { AuditModule } from '@app/audit';
import { IngestModule } from '@app/ingest';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { PersistenceModule } from '@app/persistence';
import { TrackingModule } from '@app/tracking';

/** What the `tracker` command needs: the database, ingest and the queries. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      validate: validateEnvironment,
      load: [databaseConfig, seedConfig],
    }),
    ClockModule,
    PersistenceModule,
    AuditModule,
    AccountsModule,
    IngestModule,
    TrackingModule,
    MailModule,
    JobsModule.forRoot('cli'),
  ],
})
export class CliModule {}
