import type { CouncilInfo } from '../extraction.types';
import { escapeRegExp } from '../text/escape-regexp';
import { findGermanDate } from '../text/german-dates';
import { dropPageFurniture, type SourceLine } from '../text/source-text';
import { splitPoints } from './decision-points';
import {
  normalizeResolutionId,
  readVote,
  statedMeetingNumber,
  type ParsedDocument,
} from './parsed-document';

/** The header line of a decision as published on the web: "IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/07". */
export const DECISION_HEADER =
  /^[^|\n]{2,80}\|\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\s*\|(?:[^|\n]*\|)?\s*Beschluss\s+(B-\d{4}\s*\/\s*\d+(?:-[A-ZÄÖÜ]+)?|\d{4}\s*\/\s*\d+)/;

/** Reads a single published decision: header, title, then its points. */
export function parseDecision(all: SourceLine[], council: CouncilInfo): ParsedDocument {
  const councilSpeaks = new RegExp(
    `^(?:Der|Das|Die)\\s+(?:${council.aliases.map(escapeRegExp).join('|')})\\b`,
  );
  const lines = dropPageFurniture(all);
  const doc: ParsedDocument = { format: 'decision', agendaItems: [], resolutions: [], notes: [] };
  const headerAt = lines.findIndex((line) => DECISION_HEADER.test(line.text));
  const header = lines[headerAt];
  const id = normalizeResolutionId((DECISION_HEADER.exec(header.text) as RegExpExecArray)[1]);
  doc.documentDate = findGermanDate(header.text);
  doc.sessionDate = doc.documentDate;
  doc.meetingNumber = statedMeetingNumber(header.text);

  let i = headerAt + 1;
  while (i < lines.length && lines[i].text === '') i++;
  const titleParts: string[] = [];
  for (; i < lines.length && lines[i].text !== ''; i++) {
    // The title ends where the decision text starts, even without a blank line between them.
    if (/^(\d{1,2}\.|[-–•*])\s/.test(lines[i].text) || councilSpeaks.test(lines[i].text)) break;
    titleParts.push(lines[i].text);
  }
  const body = lines
    .slice(i)
    .filter((line) => !/^(?:Entscheidung|Abstimmung(?:sergebnis)?)\s*:?$/i.test(line.text))
    .filter(
      (line) =>
        !/^(?:Ja|J)\b.*\b(?:Nein|N)\b/i.test(line.text) && !/^\d+\D+\d+\D+\d+$/.test(line.text),
    )
    .map((line) => ({ text: line.text, line: line.no }));
  doc.resolutions.push({
    id,
    title: titleParts.join(' ') || undefined,
    vote: readVote(lines, i, lines.length),
    points: splitPoints(body),
    line: header.no,
  });
  return doc;
}
