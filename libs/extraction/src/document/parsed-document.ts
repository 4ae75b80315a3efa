import type { DocumentFormat, ExtractedAgendaItem, ExtractedNote, Vote } from '../extraction.types';
import type { PointText } from './decision-points';

/** The session a block of decisions was taken in, as far as the text states it. */
export interface BlockMeeting {
  kind: 'session' | 'special' | 'circulation';
  /** The council's session number, or `body`'s where another body met. */
  number?: number;
  /** Another body than the council (its AL-Runde). */
  body?: string;
  /** ISO date of the session, or of the announcement where `announced`. */
  date?: string;
  /** The date is an announcement's ("Vom ..."), not the session's. */
  announced?: boolean;
}

export interface ParsedResolution {
  id: string;
  agendaItem?: string;
  title?: string;
  vote?: Vote;
  greenList?: boolean;
  points: PointText[];
  line: number;
  /** Where the text names the session of this decision (texts with several). */
  meeting?: BlockMeeting;
  /**
   * Minutes whose item says what follows was settled ("Im Ergebnis wird festgehalten:"): what
   * someone does there is a task, with or without a time.
   */
  settled?: true;
  /** The text is cut off inside this decision ("[TRUNCATED]"). */
  incomplete?: boolean;
  /** How the decision was found; an announcement's decisions come with "Vom ...". */
  anchor?: 'header' | 'numbered' | 'quoted' | 'unnumbered' | 'announcement' | 'protocol-bv';
  /** An agenda item of minutes: what a participant does there is told, not asked. */
  minutes?: boolean;
  /** The deciding body where it is not the council (the AL-Runde). */
  body?: string;
  /** Its result asks nobody: the motion was rejected, referred or postponed. */
  notDecided?: boolean;
  /**
   * A verdict line of its own ("Beschluss: mehrheitlich abgelehnt") says so of the text printed
   * with it: its requests are what was not adopted, no one's task.
   */
  notAdopted?: boolean;
  /** The text is a motion ("möge beschließen") that the page does not say was adopted. */
  motionOnly?: boolean;
  /** Its points are decisions it recommends another body to take ("empfiehlt der MPK … zu beschließen:"). */
  recommended?: boolean;
}

export interface ParsedNote extends ExtractedNote {
  resolution?: string;
  agendaItem?: string;
}

/** What a format parser reads off a document before any mandate is looked for. */
export interface ParsedDocument {
  format: DocumentFormat;
  /** Session number as the text states it. */
  meetingNumber?: number;
  /**
   * Another body's minutes that date its next sessions ("Die nächste Sitzung findet am 21.10.2025
   * statt", "13. Sitzung: 08.12.2025"): "bis zur nächsten Sitzung" there is that day.
   */
  bodySessions?: BodySessions;
  /** Date the document states (ISO). */
  documentDate?: string;
  /** Date that identifies the session in the calendar when no number is stated. */
  sessionDate?: string;
  agendaItems: ExtractedAgendaItem[];
  resolutions: ParsedResolution[];
  notes: ParsedNote[];
}

/** "Beschluss 2020 / 22", "Beschluss 2021/07", "Beschluss B-2025/28-IT", "Beschluss Nr. 2022/05". */
export const RESOLUTION_LINE =
  /^Beschluss(?:\s+Nr\.)?\s*:?\s+(B-\d{4}\s*\/\s*\d+(?:-[A-ZÄÖÜ]+)?|\d{4}\s*\/\s*\d+)\b\s*[:–-]?\s*(.*)$/;

export function normalizeResolutionId(raw: string): string {
  return raw.replace(/\s+/g, '');
}

const VOTE_HEADER = /^(?:Ja|J)\b.*\b(?:Nein|N)\b.*\b(?:Enthaltung(?:en)?|E)\b/i;
const VOTE_ROW = /^(\d+)\D+(\d+)\D+(\d+)\b/;

/** Reads a vote table ("Ja | Nein | Enthaltung" then "17 | 0 | 0") starting at `from`. */
export function readVote(lines: { text: string }[], from: number, limit = 8): Vote | undefined {
  for (let i = from; i < Math.min(lines.length, from + limit); i++) {
    if (!VOTE_HEADER.test(lines[i].text)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
      const row = VOTE_ROW.exec(lines[j].text);
      if (row) return { yes: Number(row[1]), no: Number(row[2]), abstain: Number(row[3]) };
    }
  }
  return undefined;
}

/**
 * Words right before "N. Sitzung" that make it a deadline ("bis zur 51. Sitzung", "ab der 40.
 * Sitzung"): the session a text asks something for, never the session the text comes from.
 */
const DEADLINE_BEFORE =
  /(?:^|\s)(?:zur|zu\s+der|vor\s+der|ab\s+der|nach\s+der|bis\s+zur|bis\s+zu\s+der|bis|spätestens)\s*$/iu;

/**
 * The first match of `pattern` (global) in `text` that is not a deadline phrase: a text's own
 * session is stated ("in seiner 37. Sitzung"), a deadline names another one.
 */
export function firstSessionStatement(text: string, pattern: RegExp): RegExpExecArray | undefined {
  for (const match of text.matchAll(pattern)) {
    if (!DEADLINE_BEFORE.test(text.slice(0, match.index + match[0].search(/\d/)))) return match;
  }
  return undefined;
}

/** "in seiner 37. Sitzung", "34. Sitzung", "der 32. Sitzung des IT-Planungsrats"; not "bis zur 51. Sitzung". */
export function statedMeetingNumber(text: string): number | undefined {
  const match = firstSessionStatement(
    text,
    /(?:^|[\s|(])(\d{1,3})\.\s*(?:ordentlichen\s+)?Sitzung\b/g,
  );
  return match ? Number(match[1]) : undefined;
}

/** The sessions of the body whose minutes these are, as the page dates them. */
export interface BodySessions {
  /** The session the minutes record, where numbered. */
  number?: number;
  /** The day of the next session, as the page says it. */
  next?: string;
  /** The body whose next session that is, as named there ("des Gemeinderates"). */
  nextBody?: string;
  /** Days of sessions by their number. */
  dated: Record<number, string>;
  /** Days of the sessions to come a list on the page gives, in order ("Weitere Sitzungstermine"). */
  upcoming: string[];
}
