import type { CouncilInfo, ExtractedAgendaItem } from '../extraction.types';
import { findGermanDate } from '../text/german-dates';
import { dropPageFurniture, isFootnote, type SourceLine } from '../text/source-text';
import { splitPoints, type TextSpan } from './decision-points';
import {
  normalizeResolutionId,
  readVote,
  RESOLUTION_LINE,
  type ParsedDocument,
  type ParsedNote,
  type ParsedResolution,
} from './parsed-document';

const AGENDA_ITEM = /^TOP\s+(\d+(?:\.\d+)*)\b\s*[:–-]?\s*(.*)$/;
const VOTE_INTRO = /^(?:Entscheidung|Ergebnis der Abstimmung|Abstimmung(?:sergebnis)?)\s*:?$/i;
const VERDICT =
  /^(?:(?:Einstimmige|Mehrheitliche)\s+)?(?:Zustimmung|Ablehnung)\b|^(?:einstimmig|mehrheitlich)\s+(?:angenommen|beschlossen|abgelehnt)\b/i;
const GREEN_LIST_VERDICT = /Grüne[nr]?\s+Liste/i;
/** A member's note or declaration to the record: not what was decided. */
export const NOTE_HEADING = /^(Protokollnotiz|Protokollerklärung)\b/;
const GREEN_LIST_ITEMS =
  /Grüne Liste,?\s+bestehend aus (?:den|dem)?\s*TOPs?\s+([\d.,\s]+(?:und\s+[\d.]+)?)/i;
const PROTOCOL_TITLE = /^(?:Ergebnis|Beschluss)?[Pp]rotokoll\b/;

function firstCell(line: SourceLine): string {
  return line.cells ? (line.cells[0] ?? '') : line.text;
}

function isStructural(line: SourceLine): boolean {
  const cell = firstCell(line);
  return (
    AGENDA_ITEM.test(cell) ||
    RESOLUTION_LINE.test(cell) ||
    VOTE_INTRO.test(cell) ||
    NOTE_HEADING.test(cell) ||
    VERDICT.test(cell)
  );
}

/**
 * Reads a full session protocol: agenda items, their decisions with points, votes and verdicts,
 * protocol notes, and the Grüne Liste. Discussion between them is skipped.
 */
export function parseProtocol(all: SourceLine[], council: CouncilInfo): ParsedDocument {
  const doc: ParsedDocument = { format: 'protocol', agendaItems: [], resolutions: [], notes: [] };
  readHeader(all, council, doc);
  const lines = dropPageFurniture(all);

  let agendaItem: ExtractedAgendaItem | undefined;
  let resolution: ParsedResolution | undefined;
  let greenListItems: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cell = firstCell(line);
    if (!cell) continue;

    const top = AGENDA_ITEM.exec(cell);
    if (top) {
      const title = line.cells?.[1] ?? (top[2] || nextText(lines, i));
      agendaItem = { number: top[1], title: title.trim(), line: line.no };
      doc.agendaItems.push(agendaItem);
      resolution = undefined;
      continue;
    }

    const decided = RESOLUTION_LINE.exec(cell);
    if (decided) {
      const body: TextSpan[] = [];
      i = line.cells ? readTableBody(lines, i, body) : readPlainBody(lines, i, body);
      resolution = {
        id: normalizeResolutionId(decided[1]),
        agendaItem: agendaItem?.number,
        title: agendaItem?.title || decided[2] || undefined,
        points: splitPoints(body),
        line: line.no,
      };
      doc.resolutions.push(resolution);
      continue;
    }

    if (VOTE_INTRO.test(cell)) {
      const vote = readVote(lines, i + 1);
      if (resolution && vote && !resolution.vote) resolution.vote = vote;
      continue;
    }

    if (VERDICT.test(cell)) {
      if (resolution && resolution.greenList === undefined) {
        resolution.greenList = GREEN_LIST_VERDICT.test(cell);
      }
      continue;
    }

    const heading = NOTE_HEADING.exec(cell);
    if (heading) {
      const note = readNote(lines, i, heading[1] === 'Protokollnotiz' ? 'note' : 'declaration');
      i = note.end;
      doc.notes.push({
        ...note.note,
        resolution: resolution?.id,
        agendaItem: agendaItem?.number,
      });
      continue;
    }

    const green = GREEN_LIST_ITEMS.exec(line.text);
    if (green && !agendaItem) {
      greenListItems = (green[1].match(/\d+(?:\.\d+)?/g) ?? []).map(normalizeItem);
    }
  }

  // A decision without its own verdict line follows the Grüne Liste at the top.
  for (const r of doc.resolutions) {
    if (r.greenList === undefined && r.agendaItem !== undefined && greenListItems.length > 0) {
      r.greenList = greenListItems.includes(normalizeItem(r.agendaItem));
    }
  }
  return doc;
}

function normalizeItem(item: string): string {
  return item
    .split('.')
    .map((part) => String(Number(part)))
    .join('.');
}

function nextText(lines: SourceLine[], i: number): string {
  for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
    if (lines[j].text && !isStructural(lines[j])) return lines[j].text;
  }
  return '';
}

function readHeader(all: SourceLine[], council: CouncilInfo, doc: ParsedDocument): void {
  const fileNumber = council.fileNumberPattern ? new RegExp(council.fileNumberPattern) : undefined;
  for (const line of all.slice(0, 60)) {
    if (doc.meetingNumber === undefined && fileNumber && /^Az\.?:/i.test(line.text)) {
      const match = fileNumber.exec(line.text);
      if (match) doc.meetingNumber = Number(match[1]);
    }
    if (doc.meetingNumber === undefined && PROTOCOL_TITLE.test(line.text)) {
      const match = /(\d{1,3})\.\s*Sitzung/.exec(line.text);
      if (match) doc.meetingNumber = Number(match[1]);
      const date = /Sitzung\b.*?\bam\s+(.+)$/.exec(line.text);
      if (date) doc.sessionDate = findGermanDate(date[1]);
    }
    if (doc.documentDate === undefined && /^Stand:/i.test(line.text)) {
      doc.documentDate = findGermanDate(line.text);
    }
  }
}

/** Decision text in table rows right after the "| Beschluss ... |" row. */
function readTableBody(lines: SourceLine[], at: number, body: TextSpan[]): number {
  const own = lines[at].cells?.slice(1) ?? [];
  for (const cell of own) body.push({ text: cell, line: lines[at].no });
  let i = at + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line.cells) {
      if (line.text === '') continue;
      break;
    }
    if (line.cells.length === 0) continue;
    if (isStructural(line)) break;
    for (const cell of line.cells) {
      if (!isFootnote(cell)) body.push({ text: cell, line: line.no });
    }
  }
  return i - 1;
}

/**
 * Decision text as plain paragraphs (a "Beschluss" line outside a table, or a PDF): numbered
 * or bulleted paragraphs run on; an unnumbered decision is its first paragraph.
 */
function readPlainBody(lines: SourceLine[], at: number, body: TextSpan[]): number {
  let i = at + 1;
  let paragraphs = 0;
  let numbered = false;
  let inParagraph = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '') {
      inParagraph = false;
      continue;
    }
    if (isStructural(line) || line.cells) break;
    if (isFootnote(line.text)) continue;
    if (!inParagraph) {
      const marked = /^(\d{1,2}\.|[-–•*])\s/.test(line.text);
      if (paragraphs === 0) numbered = marked;
      else if (!numbered || !marked) break;
      paragraphs++;
      inParagraph = true;
    }
    body.push({ text: line.text, line: line.no });
  }
  return i - 1;
}

function readNote(
  lines: SourceLine[],
  at: number,
  kind: 'note' | 'declaration',
): { note: ParsedNote; end: number } {
  const heading = lines[at].text.replace(/:\s*$/, '').trim();
  const parts: string[] = [];
  let i = at + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '') continue;
    if (isStructural(line) || line.cells) break;
    parts.push(line.text);
  }
  return { note: { kind, heading, text: parts.join(' '), line: lines[at].no }, end: i - 1 };
}
