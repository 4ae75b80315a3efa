import { ANNOUNCEMENT_TITLE, parseAnnouncement } from './document/announcement.parser';
import { DECISION_HEADER, parseDecision } from './document/decision.parser';
import { tidy } from './document/decision-points';
import type { ParsedDocument } from './document/parsed-document';
import { RESOLUTION_LINE } from './document/parsed-document';
import { parseProtocol } from './document/protocol.parser';
import { ExtractionError } from './extraction.error';
import type { DocumentFormat, ExtractOptions, Extraction } from './extraction.types';
import { extractMandates } from './mandates/mandate.extractor';
import { OwnerMatcher } from './mandates/owner-matcher';
import { splitLines, type SourceLine } from './text/source-text';

/** Largest text accepted; a real protocol is well under 1 MB. */
export const MAX_TEXT_LENGTH = 5 * 1024 * 1024;

const matchers = new WeakMap<object, OwnerMatcher>();

function matcherFor(options: ExtractOptions): OwnerMatcher {
  let matcher = matchers.get(options.registry);
  if (!matcher) {
    matcher = new OwnerMatcher(options.registry);
    matchers.set(options.registry, matcher);
  }
  return matcher;
}

/** Decides which of the three published shapes a text has. */
export function detectFormat(lines: SourceLine[]): DocumentFormat | undefined {
  const head = lines.slice(0, 40).map((l) => l.text);
  if (head.some((t) => ANNOUNCEMENT_TITLE.test(t))) return 'announcement';
  if (head.some((t) => DECISION_HEADER.test(t))) return 'decision';
  if (lines.some((l) => RESOLUTION_LINE.test(l.cells ? (l.cells[0] ?? '') : l.text)))
    return 'protocol';
  return undefined;
}

/** Rejects what is not a decision text at all, before any parsing. */
export function checkText(text: string): void {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ExtractionError(
      'too-large',
      `the text is ${Math.round(text.length / 1024 / 1024)} MB; decision texts are far smaller (limit ${MAX_TEXT_LENGTH / 1024 / 1024} MB)`,
    );
  }
  if (text.trim() === '') throw new ExtractionError('empty', 'the file is empty');
  const sample = text.slice(0, 8192);
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (sample.includes('\u0000') || control > sample.length * 0.02) {
    throw new ExtractionError('binary', 'the file is binary, not text; give a text or PDF file');
  }
}

/**
 * Turns a decision text (full protocol, single decision or announcement) into the extraction
 * contract: the meeting, its resolutions and every mandate in them. Pure: same input, same output.
 */
export function extract(text: string, options: ExtractOptions): Extraction {
  checkText(text);
  const lines = splitLines(text);
  const format = detectFormat(lines);
  if (!format) {
    throw new ExtractionError(
      'no-decisions',
      'no decisions found: expected a protocol ("Beschluss 2020 / 22"), a decision ("IT-Planungsrat | 17.03.2021 | Beschluss 2021/07") or an announcement ("Bekanntmachung der Entscheidungen ...")',
    );
  }
  const doc =
    format === 'protocol'
      ? parseProtocol(lines, options.registry.council)
      : format === 'decision'
        ? parseDecision(lines, options.registry.council)
        : parseAnnouncement(lines);
  if (doc.resolutions.length === 0)
    throw new ExtractionError('no-decisions', 'no decisions found in the text');

  const meeting = resolveMeeting(doc, options);
  const sessionDate = options.calendar.find((s) => s.number === meeting)?.date;
  const year =
    Number((doc.documentDate ?? sessionDate ?? '').slice(0, 4)) || new Date(0).getUTCFullYear();
  const mandates = extractMandates(doc.resolutions, {
    matcher: matcherFor(options),
    meeting,
    calendar: options.calendar,
    year,
  });
  return {
    body: options.registry.council.name,
    format,
    meeting: doc.documentDate
      ? { number: meeting, documentDate: doc.documentDate }
      : { number: meeting },
    agendaItems: doc.agendaItems,
    resolutions: doc.resolutions.map((r) => ({
      id: r.id,
      ...(r.agendaItem !== undefined ? { agendaItem: r.agendaItem } : {}),
      ...(r.title !== undefined ? { title: tidy(r.title) } : {}),
      ...(r.vote !== undefined ? { vote: r.vote } : {}),
      ...(r.greenList !== undefined ? { greenList: r.greenList } : {}),
      points: r.points.map((p) => ({ number: p.number, text: tidy(p.text), line: p.line })),
      notes: doc.notes
        .filter((n) => n.resolution === r.id)
        .map(({ kind, heading, text: noteText, line }) => ({
          kind,
          heading,
          text: noteText,
          line,
        })),
      line: r.line,
    })),
    mandates,
  };
}

function resolveMeeting(doc: ParsedDocument, options: ExtractOptions): number {
  const known = (n: number) => options.calendar.some((s) => s.number === n);
  if (options.meeting !== undefined && !known(options.meeting)) {
    throw new ExtractionError(
      'unknown-meeting',
      `--meeting ${options.meeting} is not a session in the calendar; add it to the calendar or give a known session`,
    );
  }
  if (doc.meetingNumber !== undefined) {
    if (options.meeting !== undefined && options.meeting !== doc.meetingNumber) {
      throw new ExtractionError(
        'unknown-meeting',
        `the text names session ${doc.meetingNumber} but --meeting says ${options.meeting}`,
      );
    }
    return doc.meetingNumber;
  }
  const byDate = doc.sessionDate
    ? options.calendar.find((s) => s.date === doc.sessionDate)
    : undefined;
  if (byDate) return byDate.number;
  if (options.meeting !== undefined) return options.meeting;
  throw new ExtractionError(
    'no-meeting',
    `the text states no session number${doc.sessionDate ? ` and its date ${doc.sessionDate} is no session in the calendar` : ''}; pass --meeting N`,
  );
}
