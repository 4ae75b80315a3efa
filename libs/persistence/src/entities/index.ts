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

export const ENTITIES = [
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
