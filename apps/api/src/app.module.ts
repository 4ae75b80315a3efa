import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD, RouterModule } from '@nestjs/core';
import { AccountsModule, AuthGuard, InvitationsModule } from '@app/accounts';
import { AuditModule } from '@app/audit';
import {
  authConfig,
  ClockModule,
  databaseConfig,
  httpConfig,
  seedConfig,
  validateEnvironment,
} from '@app/config';
import { IngestModule } from '@app/ingest';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { PersistenceModule } from '@app/persistence';
import { TrackingModule } from '@app/tracking';
import { FirstStartService } from './first-start/first-start.service';
import { OparlModule } from './oparl/oparl.module';
import { ApiModule } from './api.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      validate: validateEnvironment,
      load: [databaseConfig, seedConfig, httpConfig, authConfig],
    }),
    ClockModule,
    PersistenceModule,
    AuditModule,
    AccountsModule,
    InvitationsModule,
    IngestModule,
    TrackingModule,
    MailModule,
    JobsModule.forRoot('api'),
    ApiModule,
    WebModule,
    OparlModule,
    // The API under /api, the pages at the root; OParl keeps the address its clients expect
    // (its controller's own path, /oparl/v1.1).
    RouterModule.register([
      { path: 'api', module: ApiModule },
      { path: '/', module: WebModule },
    ]),
  ],
  providers: [FirstStartService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AppModule {}
