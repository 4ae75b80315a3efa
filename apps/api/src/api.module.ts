import { Module } from '@nestjs/common';
import { AccountsModule, InvitationsModule } from '@app/accounts';
import { AuditModule } from '@app/audit';
import { TrackingModule } from '@app/tracking';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { CouncilsController } from './councils/councils.controller';
import { DocumentsController } from './documents/documents.controller';
import { ExportsController } from './exports/exports.controller';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { JobsController } from './jobs/jobs.controller';
import { LinksController } from './links/links.controller';
import { MandatesController } from './mandates/mandates.controller';
import { MeController } from './me/me.controller';
import { MeetingsController } from './meetings/meetings.controller';
import { MembersController } from './members/members.controller';
import { ObligationsController } from './obligations/obligations.controller';
import { ReportsController } from './reports/reports.controller';
import { ResolutionsController } from './resolutions/resolutions.controller';
import { UsersController } from './users/users.controller';

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

/** The JSON API, mounted at /api by the app's RouterModule. */
@Module({
  imports: [AuditModule, AccountsModule, InvitationsModule, TrackingModule],
  controllers: API_CONTROLLERS,
})
export class ApiModule {}
