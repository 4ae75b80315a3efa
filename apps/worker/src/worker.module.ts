import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuditModule } from '@app/audit';
import { ClockModule, databaseConfig, validateEnvironment } from '@app/config';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { PersistenceModule } from '@app/persistence';

/** The worker: processes the queue and keeps the schedules; needs REDIS_URL. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, validate: validateEnvironment, load: [databaseConfig] }),
    ClockModule,
    PersistenceModule,
    AuditModule,
    MailModule,
    JobsModule.forRoot('worker'),
  ],
})
export class WorkerModule {}
