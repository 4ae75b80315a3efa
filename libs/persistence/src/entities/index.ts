import { DigestOutbox } from './digest-outbox.entity';
import { StoredReport } from './stored-report.entity';
import { JobRun } from './job-run.entity';
import { LoginFailure } from './login-failure.entity';
import { WebSessionRecord } from './web-session.entity';
import { DecisionLink } from './decision-link.entity';
import { OneTimeLink } from './one-time-link.entity';
import { ApiToken } from './api-token.entity';
import { AuditEvent } from './audit-event.entity';
import { ImportPreview } from './import-preview.entity';
import { Setting } from './setting.entity';
import { User } from './user.entity';
import { AgendaItem } from './agenda-item.entity';
import { Council } from './council.entity';
import { Mandate } from './mandate.entity';
import { Meeting } from './meeting.entity';
import { Member } from './member.entity';
import { ObligationEvent } from './obligation-event.entity';
import { Obligation } from './obligation.entity';
import { ProtocolNote } from './protocol-note.entity';
import { ResolutionPoint } from './resolution-point.entity';
import { Resolution } from './resolution.entity';
import { SourceDocument } from './source-document.entity';

export * from './agenda-item.entity';
export * from './council.entity';
export * from './mandate.entity';
export * from './meeting.entity';
export * from './member.entity';
export * from './obligation-event.entity';
export * from './obligation.entity';
export * from './protocol-note.entity';
export * from './resolution-point.entity';
export * from './resolution.entity';
export * from './source-document.entity';
export * from './api-token.entity';
export * from './audit-event.entity';
export * from './import-preview.entity';
export * from './setting.entity';
export * from './user.entity';
export * from './digest-outbox.entity';
export * from './stored-report.entity';
export * from './job-run.entity';
export * from './login-failure.entity';
export * from './web-session.entity';
export * from './decision-link.entity';
export * from './one-time-link.entity';

export const ENTITIES = [
  DigestOutbox,
  StoredReport,
  JobRun,
  LoginFailure,
  WebSessionRecord,
  DecisionLink,
  OneTimeLink,
  ApiToken,
  AuditEvent,
  ImportPreview,
  Setting,
  User,
  AgendaItem,
  Council,
  Mandate,
  Meeting,
  Member,
  Obligation,
  ObligationEvent,
  ProtocolNote,
  Resolution,
  ResolutionPoint,
  SourceDocument,
];
