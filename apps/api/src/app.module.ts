import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule, AuthGuard, InvitationsModule } from '@app/accounts';
import { AuditModule } from '@app/audit';
import {
  authConfig,
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
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { CouncilsController } from './councils/councils.controller';
import { DocumentsController } from './documents/documents.controller';
import { ExportsController } from './exports/exports.controller';
import { FirstStartService } from './first-start/first-start.service';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { JobsController } from './jobs/jobs.controller';
import { LinksController } from './links/links.controller';
import { MandatesController } from './mandates/mandates.controller';
import { MeController } from './me/me.controller';
import { MeetingsController } from './meetings/meetings.controller';
import { OparlModule } from './oparl/oparl.module';
import { MembersController } from './members/members.controller';
import { ObligationsController } from './obligations/obligations.controller';
import { ReportsController } from './reports/reports.controller';
import { ResolutionsController } from './resolutions/resolutions.controller';
import { UsersController } from './users/users.controller';
import { WebModule } from './web/web.module';

export const API_CONTROLLERS = [
  AuthController,
  MeController,
  UsersController,
  MeetingsController,
  CouncilsController,
  ResolutionsController,
  DocumentsController,
  MandatesController,
  ObligationsController,
  ImportsController,
  LinksController,
  MembersController,
  ExportsController,
  AuditController,
  JobsController,
  ReportsController,
  HealthController,
];

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      validate: validateEnvironment,
      load: [databaseConfig, seedConfig, httpConfig, authConfig],
    }),
    PersistenceModule,
    AuditModule,
    AccountsModule,
    InvitationsModule,
    IngestModule,
    TrackingModule,
    MailModule,
    JobsModule.forRoot('api'),
    WebModule,
    OparlModule,
  ],
  controllers: API_CONTROLLERS,
  providers: [FirstStartService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AppModule {}
