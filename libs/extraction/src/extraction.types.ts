import type { Due } from '@app/domain';

/** Seed data the extractor is fed: who can owe a mandate, and how texts name them. */
export interface CouncilInfo {
  code: string;
  name: string;
  /** How texts name the council itself ("IT-Planungsrat", "IT-Planungsrats"); never an owner. */
  aliases: string[];
  /** Regex with one group: the session number inside the council's file number ("Az."). */
  fileNumberPattern?: string;
}

export type MemberKind = 'federation' | 'state' | 'office' | 'municipal' | 'chair';

export interface RegistryMember {
  code: string;
  name: string;
  kind: MemberKind;
  aliases: string[];
}

export interface RegistryGroup {
  name: string;
  aliases: string[];
  /** Member codes the group stands for ("die Länder" -> the 16 Länder). */
  expandsTo: string[];
}

export interface RegistryBody {
  name: string;
  kind: string;
  aliases: string[];
}

export interface Registry {
  council: CouncilInfo;
  members: RegistryMember[];
  groups: RegistryGroup[];
  bodies: RegistryBody[];
}

export interface CalendarSession {
  number: number;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  approximate?: boolean;
  cancelled?: boolean;
  place?: string;
}

export type DocumentFormat = 'protocol' | 'decision' | 'announcement';

/** What kind of text it is, as the pages and the CLI say it. */
export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = {
  protocol: 'Protokoll',
  decision: 'Einzelbeschluss',
  announcement: 'Bekanntmachung',
};

export function documentFormatLabel(format: string): string {
  return (DOCUMENT_FORMAT_LABELS as Record<string, string>)[format] ?? format;
}

export interface Vote {
  yes: number;
  no: number;
  abstain: number;
}

export interface ExtractedPoint {
  number: number;
  text: string;
  /** 1-based line of the input where the point starts. */
  line: number;
}

export interface ExtractedNote {
  kind: 'note' | 'declaration';
  /** Heading as written ("Protokollnotiz Bayern vom 19.06.2020"). */
  heading: string;
  text: string;
  line: number;
}

/** The session a decision was taken in. */
export interface MeetingRef {
  /** `special`: a Sondersitzung; `circulation`: an Umlaufverfahren; neither has a number. */
  kind: 'session' | 'special' | 'circulation';
  /** The council's session number, or `body`'s where another body met. */
  number?: number;
  /** Another body than the council (its AL-Runde); `number` is then that body's. */
  body?: string;
  /** ISO date, where the text or the calendar gives it. */
  date?: string;
}

export interface ExtractedResolution {
  id: string;
  meeting?: MeetingRef;
  /** The text is cut off inside this decision; the points before the cut are complete. */
  incomplete?: boolean;
  agendaItem?: string;
  title?: string;
  vote?: Vote;
  greenList?: boolean;
  points: ExtractedPoint[];
  notes: ExtractedNote[];
  line: number;
}

export interface ExtractedAgendaItem {
  number: string;
  title: string;
  line: number;
}

/** Why a sentence was taken as a mandate: the form of the request that matched. */
export type MandateBasis =
  /** "Der IT-Planungsrat bittet X ...", "beauftragt X ...", "Er bittet sie ..." */
  | 'request'
  /** "X wird gebeten ...", "Die Länder werden eingeladen ...", "..., die ... beauftragt wird" */
  | 'passive-request'
  /** "erteilt X den Auftrag ...", "X hat den Auftrag ..." */
  | 'commission'
  /** A named actor's own duty: "Die FITKO legt ... vor", "Die Länder ernennen ..." */
  | 'actor-statement'
  /** A row of a task table in minutes: `| Nr. | Aufgabe | Verantwortlich | Termin |`. */
  | 'task-table';

/** Why a mandate should be looked at before it is trusted (German wording: doubt.wording.ts). */
export type UncertainReason =
  /** No addressee: the owner is who the decision is about, or nobody. */
  | 'no-owner'
  /** The owner was read from a pronoun ("sie", "ihn") or a bare "die Arbeitsgruppe". */
  | 'owner-inferred'
  /** An owner the registry does not know, kept by the name the text gives. */
  | 'owner-unknown'
  /** Deadline words the extractor did not understand ("bis zur Vorlage", "bis Ende" without a time). */
  | 'deadline-unclear'
  /** The deadline was taken from another sentence of the point ("bis dahin", "soll ... erfolgen"). */
  | 'deadline-borrowed'
  /** An event that is a date the page or the calendar may know ("bis zur nächsten Sitzung"). */
  | 'deadline-undated'
  /** The sentence may only record an agreement or intent, not ask for anything. */
  | 'request-unclear'
  /** The sentence or its point is cut off in the text. */
  | 'cut-off'
  /** The text is a motion; the page does not say that it was adopted. */
  | 'motion-only'
  /** The decision was postponed, referred or rejected; whether its request holds is for the clerk. */
  | 'not-decided'
  /** The text's shape is not one the extractor knows: decision boundaries or owners may be wrong. */
  | 'shape-unknown';

/** A decision point that asks someone (a request word) but from which no mandate was read. */
export interface PossibleMiss {
  resolution: string;
  point: number;
  /** 1-based line of the input that holds the request word. */
  line: number;
  /** The request word as written ("bittet", "gebeten"). */
  word: string;
  /** The sentence, tidied. */
  sentence: string;
  /** The text's result line says it was not adopted ("Beschluss: abgelehnt"): why nothing was read. */
  notAdopted?: true;
}

export interface ExtractedMandate {
  resolution: string;
  point: number;
  owners: string[];
  partners: string[];
  action: string;
  due: Due;
  /** The deadline as written ("bis zur 34. Sitzung"), empty when there is none. */
  dueText: string;
  source: string;
  /** 1-based line of the input that holds the source sentence. */
  line: number;
  basis: MandateBasis;
  /** The words that made it a mandate ("bittet", "wird gebeten", "legt ... vor"). */
  basisText: string;
  /** Empty where the reading is certain. */
  uncertain: UncertainReason[];
  /** Owners the registry does not know, kept by their names. */
  newOwners: string[];
}

export interface Extraction {
  body: string;
  format: DocumentFormat;
  /** The council session of the (first) decisions; no number for a special session. */
  meeting: {
    number?: number;
    documentDate?: string;
    kind?: 'special' | 'circulation';
    body?: string;
    date?: string;
  };
  agendaItems: ExtractedAgendaItem[];
  resolutions: ExtractedResolution[];
  mandates: ExtractedMandate[];
  /** Every owner of the text that the registry does not know, in order of first mention. */
  newOwners: string[];
  /** Points that ask someone but yield no mandate: to be read by a person. */
  possibleMisses: PossibleMiss[];
  /** Set where the text's shape is not recognised: why, in German; every mandate is then uncertain. */
  shapeDoubt?: string;
}

export interface ExtractOptions {
  registry: Registry;
  calendar: CalendarSession[];
  /** Session number for texts that state none (`--meeting N`). */
  meeting?: number;
}
