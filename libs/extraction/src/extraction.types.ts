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

export interface Vote {
  yes: number;
  no: number;
  abstain: number;
}

export type Due =
  | { kind: 'meeting'; meeting: number; soft?: true }
  | { kind: 'date'; date: string; soft?: true }
  | { kind: 'recurring'; fromMeeting?: number; soft?: true }
  | { kind: 'event'; soft?: true }
  | { kind: 'none' };

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

export interface ExtractedResolution {
  id: string;
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
}

export interface Extraction {
  body: string;
  format: DocumentFormat;
  meeting: { number: number; documentDate?: string };
  agendaItems: ExtractedAgendaItem[];
  resolutions: ExtractedResolution[];
  mandates: ExtractedMandate[];
}

export interface ExtractOptions {
  registry: Registry;
  calendar: CalendarSession[];
  /** Session number for texts that state none (`--meeting N`). */
  meeting?: number;
}
