import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AccountsModule, InvitationsModule } from '@app/accounts';
import { TrackingModule } from '@app/tracking';
import { PasswordPageController } from './auth/password-page.controller';
import { SignInController } from './auth/sign-in.controller';
import { DecisionPageController } from './decisions/decision-page.controller';
import { DocumentPageController } from './documents/document-page.controller';
import { ImportPageController } from './imports/import-page.controller';
import { JobsPageController } from './jobs/jobs-page.controller';
import { LinksPageController } from './links/links-page.controller';
import { MandatePageController } from './mandates/mandate-page.controller';
import { MyObligationsController } from './obligations/my-obligations.controller';
import { ObligationsPageController } from './obligations/obligations-page.controller';
import { OverviewController } from './overview/overview.controller';
import { OverviewData } from './overview/overview-data';
import { PageExceptionFilter } from './page-exception.filter';
import { PageInterceptor } from './page.interceptor';
import { PageGuard } from './session/page.guard';
import { UploadCsrfInterceptor } from './session/upload-csrf.interceptor';
import { WebSessionService } from './session/web-session.service';
import { ReportsPageController } from './reports/reports-page.controller';
import { CalendarPageController } from './sessions/calendar-page.controller';
import { SessionsPageController } from './sessions/sessions-page.controller';
import { SettingsPageController } from './settings/settings-page.controller';
import { UsersPageController } from './users/users-page.controller';
import { ExportsPageController } from './exports/exports-page.controller';
import { AuditPageController } from './audit/audit-page.controller';
import { pageSecurityHeaders } from './page-security-policy';

const PAGE_CONTROLLERS = [
  SignInController,
  PasswordPageController,
  OverviewController,
  MyObligationsController,
  ObligationsPageController,
  MandatePageController,
  DecisionPageController,
  DocumentPageController,
  // Before the sessions pages: "/sessions/calendar" is no session number.
  CalendarPageController,
  SessionsPageController,
  ImportPageController,
  LinksPageController,
  JobsPageController,
  ReportsPageController,
  SettingsPageController,
  UsersPageController,
  ExportsPageController,
  AuditPageController,
];

/**
 * Web pages for the secretariat and the members' delegates, on top of the same services as the
 * API. Mounted at the root by the app's RouterModule (their stylesheet and script are static
 * assets, see assets.ts); signed in by a session cookie of their own.
 */
@Module({
  imports: [AccountsModule, InvitationsModule, TrackingModule],
  controllers: PAGE_CONTROLLERS,
  providers: [
    WebSessionService,
    PageGuard,
    PageExceptionFilter,
    PageInterceptor,
    UploadCsrfInterceptor,
    OverviewData,
  ],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(pageSecurityHeaders).forRoutes(...PAGE_CONTROLLERS);
  }
}
