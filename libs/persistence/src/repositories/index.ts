import { StoredReportRepository } from './stored-report.repository';
import { WebSessionRepository } from './web-session.repository';
import { ApiTokenRepository } from './api-token.repository';
import { LoginFailureRepository } from './login-failure.repository';
import { OneTimeLinkRepository } from './one-time-link.repository';
import { UserRepository } from './user.repository';
import { AuditRepository } from './audit.repository';
import { CouncilRegistryRepository } from './council-registry.repository';
import { CouncilRepository } from './council.repository';
import { DecisionLinkRepository } from './decision-link.repository';
import { DigestOutboxRepository } from './digest-outbox.repository';
import { FollowUpDataRepository } from './follow-up-data.repository';
import { HealthRepository } from './health.repository';
import { ImportPreviewRepository } from './import-preview.repository';
import { IngestRepository } from './ingest.repository';
import { JobRunRepository } from './job-run.repository';
import { MandateRepository } from './mandate.repository';
import { MeetingRepository } from './meeting.repository';
import { MemberRepository } from './member.repository';
import { ObligationRepository } from './obligation.repository';
import { OparlReadRepository } from './oparl-read.repository';
import { OverviewRepository } from './overview.repository';
import { ResolutionRepository } from './resolution.repository';
import { SchemaMigrations } from './schema-migrations';
import { SettingRepository } from './setting.repository';
import { Transactions } from './transactions';

export * from './audit.repository';
export * from './api-token.repository';
export * from './login-failure.repository';
export * from './one-time-link.repository';
export * from './user.repository';
export * from './council-registry.repository';
export * from './council.repository';
export * from './decision-link.repository';
export * from './digest-outbox.repository';
export * from './follow-up-data.repository';
export * from './health.repository';
export * from './import-preview.repository';
export * from './ingest.repository';
export * from './job-run.repository';
export * from './mandate.repository';
export * from './meeting.repository';
export * from './member.repository';
export * from './obligation.repository';
export * from './oparl-read.repository';
export * from './overview.repository';
export * from './resolution.repository';
export * from './schema-migrations';
export * from './setting.repository';
export * from './stored-report.repository';
export * from './transactions';
export * from './web-session.repository';

/** Every repository, provided to the whole app by the PersistenceModule. */
export const REPOSITORIES = [
  ApiTokenRepository,
  LoginFailureRepository,
  OneTimeLinkRepository,
  UserRepository,
  AuditRepository,
  CouncilRegistryRepository,
  CouncilRepository,
  DecisionLinkRepository,
  DigestOutboxRepository,
  FollowUpDataRepository,
  HealthRepository,
  ImportPreviewRepository,
  IngestRepository,
  JobRunRepository,
  MandateRepository,
  MeetingRepository,
  MemberRepository,
  ObligationRepository,
  OparlReadRepository,
  OverviewRepository,
  ResolutionRepository,
  SchemaMigrations,
  SettingRepository,
  StoredReportRepository,
  Transactions,
  WebSessionRepository,
];
