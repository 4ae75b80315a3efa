import { findGermanDate } from '../text/german-dates';
import { dropPageFurniture, isFootnote, type SourceLine } from '../text/source-text';
import { splitPoints, type TextSpan } from './decision-points';
import {
  normalizeResolutionId,
  RESOLUTION_LINE,
  statedMeetingNumber,
  type ParsedDocument,
} from './parsed-document';

export const ANNOUNCEMENT_TITLE = /Bekanntmachung\s+(?:der|von)\s+(?:Entscheidungen|Beschlüssen)/i;
const MARKED = /^(\d{1,2}\.|[-–•*])\s/;
const CLOSING = /^(?:Im Auftrag|Der Vorsitzende|Die Vorsitzende|Berlin, den|[\p{L} ]+, den \d)/u;

/**
 * Reads the official announcement that bundles several decisions: for each, a title paragraph,
 * a "Beschluss ..." line, then its points.
 */
export function parseAnnouncement(all: SourceLine[]): ParsedDocument {
  const lines = dropPageFurniture(all).filter((line) => !isFootnote(line.text));
  const doc: ParsedDocument = {
    format: 'announcement',
    agendaItems: [],
    resolutions: [],
    notes: [],
  };
  const starts = lines
    .map((line, index) => ({ index, match: RESOLUTION_LINE.exec(line.text) }))
    .filter((entry): entry is { index: number; match: RegExpExecArray } => entry.match !== null);

  const intro = lines.slice(0, starts[0]?.index ?? lines.length);
  for (const line of intro) {
    const vom = /^Vom\s+(.+)$/i.exec(line.text);
    if (vom && !doc.documentDate) doc.documentDate = findGermanDate(vom[1]);
    if (doc.meetingNumber === undefined) doc.meetingNumber = statedMeetingNumber(line.text);
    if (!doc.sessionDate) {
      const on = /Sitzung\s+am\s+(.+)$/.exec(line.text);
      if (on) doc.sessionDate = findGermanDate(on[1]);
    }
  }
  doc.sessionDate ??= doc.documentDate;

  starts.forEach((start, n) => {
    const titleAt = titleStart(lines, start.index);
    const title = lines
      .slice(titleAt, start.index)
      .map((line) => line.text)
      .join(' ')
      .trim();
    const end = n + 1 < starts.length ? titleStart(lines, starts[n + 1].index) : lines.length;
    doc.resolutions.push({
      id: normalizeResolutionId(start.match[1]),
      title: title || start.match[2] || undefined,
      points: splitPoints(readPoints(lines, start.index + 1, end)),
      line: lines[start.index].no,
    });
  });
  return doc;
}

/** First line of the title paragraph that belongs to the "Beschluss" line at `at`. */
function titleStart(lines: SourceLine[], at: number): number {
  let i = at - 1;
  if (i >= 0 && lines[i].text !== '') {
    while (i >= 0 && lines[i].text !== '' && !RESOLUTION_LINE.test(lines[i].text)) i--;
    return i + 1;
  }
  while (i >= 0 && lines[i].text === '') i--;
  if (i < 0 || RESOLUTION_LINE.test(lines[i].text)) return at;
  while (i >= 0 && lines[i].text !== '' && !RESOLUTION_LINE.test(lines[i].text)) i--;
  return i + 1;
}

function readPoints(lines: SourceLine[], from: number, to: number): TextSpan[] {
  const spans: TextSpan[] = [];
  let paragraphs = 0;
  let numbered = false;
  let inParagraph = false;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.text === '') {
      inParagraph = false;
      continue;
    }
    if (CLOSING.test(line.text)) break;
    if (!inParagraph) {
      const marked = MARKED.test(line.text);
      if (paragraphs === 0) numbered = marked;
      else if (!numbered || !marked) break;
      paragraphs++;
      inParagraph = true;
    }
    spans.push({ text: line.text, line: line.no });
  }
  return spans;
}
