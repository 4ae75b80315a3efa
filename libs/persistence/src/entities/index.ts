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

export {
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
};
export * from './mandate.entity';
export * from './meeting.entity';
export * from './member.entity';
export * from './obligation.entity';

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
