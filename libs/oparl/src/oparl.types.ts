import type { Due, ObligationStatus } from '@app/domain';

/** What is published: nothing, the decisions, or the decisions with their follow-up. */
export type OparlPublish = 'off' | 'decisions' | 'follow-up';
export const OPARL_PUBLISH_VALUES: readonly OparlPublish[] = ['off', 'decisions', 'follow-up'];

/** Everything the OParl objects of one council are made of, read from the database. */
export interface OparlCouncil {
  id: number;
  code: string;
  name: string;
  /** The Body's and the council organization's `classification`. */
  classification: string;
  /** The earliest moment anything was recorded: created/modified of objects without their own. */
  since: string;
}

export interface OparlMember {
  id: number;
  code: string;
  name: string;
  kind: string;
  belongsTo: string | null;
}

export interface OparlMeeting {
  id: number;
  number: number | null;
  kind: string;
  body: string | null;
  label: string | null;
  date: string | null;
  /** The date is when decisions were announced, not the day of the meeting. */
  approximate: boolean;
  state: 'planned' | 'held' | 'cancelled';
  place: string | null;
}

export interface OparlAgendaItemRow {
  id: number;
  meetingId: number;
  number: string;
  title: string;
}

export interface OparlDocument {
  id: number;
  meetingId: number;
  fileName: string;
  documentDate: string | null;
  ingestedAt: string;
  /** Decision numbers the document holds. */
  resolutionIds: string[];
}

export interface OparlObligation {
  owner: string;
  status: ObligationStatus;
  updatedAt: string;
}

/** A later decision that answers a mandate (a confirmed link). */
export interface OparlLaterDecision {
  kind: string;
  code: string;
  /** The later decision's id where it is stored. */
  resolutionId: number | null;
  at: string;
}

export interface OparlMandate {
  id: number;
  point: number;
  owners: string[];
  action: string;
  source: string;
  due: Due;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
  obligations: OparlObligation[];
  laterDecisions: OparlLaterDecision[];
}

export interface OparlDecision {
  id: number;
  code: string;
  meetingId: number;
  agendaItem: string | null;
  title: string | null;
  documentId: number;
  points: Array<{ number: number; text: string }>;
  mandates: OparlMandate[];
}

/** One council's data as the OParl mapping reads it. */
export interface OparlData {
  council: OparlCouncil;
  members: OparlMember[];
  meetings: OparlMeeting[];
  agendaItems: OparlAgendaItemRow[];
  documents: OparlDocument[];
  decisions: OparlDecision[];
  /**
   * Set where `decisions` is a part (one list page, one decision, none): the decisions outside
   * it that are stored, so links to them are published as with the whole council. Meetings are
   * then not published (each embeds all of its decisions).
   */
  otherDecisionIds?: number[];
}

/** An OParl object as sent: JSON with `id`, `type`, `created` and `modified`. */
export type OparlObject = Record<string, unknown> & {
  id: string;
  type: string;
  created: string;
  modified: string;
};
