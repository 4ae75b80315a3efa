import { unreadTaskLines } from './mandates/unread-tasks';
import { withoutRepeatedRows } from './mandates/task-table.reader';
import { alignedTables } from './document/aligned-table';
import { attendeeSigns, ownersForSigns } from './document/initials';
import { attendingMembers, withAttendance } from './document/attendance';
import { parseBlocks } from './document/blocks.parser';
import { tidy } from './document/decision-points';
import type { BlockMeeting, ParsedDocument, ParsedResolution } from './document/parsed-document';
import { RESOLUTION_LINE } from './document/parsed-document';
import { parseProtocol } from './document/protocol.parser';
import { bodySessions, minutesHeader, parseMinutes } from './document/minutes.parser';
import { tableTasks, withTasks } from './document/task-table';
import { ExtractionError } from './extraction.error';
import type {
  CalendarSession,
  DocumentFormat,
  ExtractOptions,
  Extraction,
  MeetingRef,
  Registry,
} from './extraction.types';
import { extractMandates } from './mandates/mandate.extractor';
import { shapeDoubt } from './document/shape.check';
import { OwnerMatcher } from './mandates/owner-matcher';
import { splitLines, type SourceLine } from './text/source-text';
import { findGermanDate } from './text/german-dates';

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

/** Matchers for registries with a text's attending members, by registry and members. */
const attendanceMatchers = new WeakMap<Registry, Map<string, OwnerMatcher>>();

/** The matcher for a text: the registry's, or with the text's attendance line as groups. */
function textMatcher(options: ExtractOptions, lines: SourceLine[]): OwnerMatcher {
  const base = matcherFor(options);
  const attending = attendingMembers(lines, base);
  if (attending.length === 0) return base;
  let byMembers = attendanceMatchers.get(options.registry);
  if (!byMembers) attendanceMatchers.set(options.registry, (byMembers = new Map()));
  const key = attending.join(',');
  let matcher = byMembers.get(key);
  if (!matcher) {
    matcher = new OwnerMatcher(withAttendance(options.registry, attending, base.states()));
    if (byMembers.size > 100) byMembers.clear();
    byMembers.set(key, matcher);
  }
  return matcher;
}

/** A session protocol as converted from its PDF: agenda and decisions in table rows. */
function isTabledProtocol(lines: SourceLine[]): boolean {
  return lines.some(
    (l) =>
      l.cells !== null &&
      l.cells.length > 0 &&
      (/^TOP\s+\d/.test(l.cells[0]) || RESOLUTION_LINE.test(l.cells[0])),
  );
}

/** Rejects what is not a decision text at all, before any parsing. */
export function checkText(text: string): void {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ExtractionError(
      'too-large',
      `der Text ist ${Math.round(text.length / 1024 / 1024)} MB groß; Beschlusstexte sind weit kleiner (Grenze ${MAX_TEXT_LENGTH / 1024 / 1024} MB)`,
    );
  }
  if (text.trim() === '') throw new ExtractionError('empty', 'die Datei ist leer');
  const sample = text.slice(0, 8192);
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (sample.includes('\u0000') || control > sample.length * 0.02) {
    throw new ExtractionError(
      'binary',
      'die Datei enthält keinen Text, sondern Binärdaten; geben Sie eine Text- oder PDF-Datei an',
    );
  }
}

/**
 * Short names a text gives the body whose decisions it holds: "Beschlüsse der GMK", "Die GMK
 * beschließt", "Die BVV hat beschlossen". Only abbreviations; the council's own names come from
 * the registry.
 */
export function ownNames(text: string, registry: Registry): string[] {
  const members = new Set(registry.members.flatMap((m) => [m.code, ...m.aliases]));
  const names = new Set<string>();
  const head = text.slice(0, 4000);
  // Most texts give their body no short name: no capitals run of two to six letters at all.
  if (!/\p{Lu}{2,6}/u.test(head)) return [];
  for (const m of head.matchAll(
    /(?:Beschlüsse|Beschluss|Ergebnisniederschrift|Protokoll)\s+(?:der|des)\s+(\d{1,3}\.\s*)?(\p{Lu}{2,6})(?![\p{L}-])/gu,
  ))
    names.add(m[2]);
  for (const m of head.matchAll(
    /(?:^|[.:]\s+|\n|-\s+)(?:Die|Der|Das)\s+(\p{Lu}{2,6})\s+\p{Ll}{3,}(?![\p{L}-])/gu,
  ))
    names.add(m[1]);
  return [...names].filter((name) => !members.has(name));
}

/** Which shape a text has: a tabled protocol, or decisions in running text (pages, announcements). */
export function detectFormat(lines: SourceLine[]): DocumentFormat {
  return isTabledProtocol(lines) ? 'protocol' : 'decision';
}

/**
 * Turns a decision text (full protocol, single decision, several decisions, announcement, a page
 * quoting one) into the extraction contract: the meeting, its resolutions and every mandate in
 * them. Pure: same input, same output.
 */
export function extract(text: string, options: ExtractOptions): Extraction {
  checkText(text);
  const lines = splitLines(alignedTables(text));
  const tabled = detectFormat(lines) === 'protocol';
  const minutes = tabled ? undefined : minutesHeader(lines);
  const fromMinutes = minutes ? parseMinutes(lines, minutes, options.registry.council) : undefined;
  let doc = tabled
    ? parseProtocol(lines, options.registry.council)
    : fromMinutes && fromMinutes.resolutions.length > 0
      ? fromMinutes
      : parseBlocks(lines, { council: options.registry.council });
  // No decision found by any shape, but the text asks someone: read it whole as one decision and
  // say that its shape is unknown, rather than refuse what a clerk would follow up.
  const whole = doc.resolutions.length === 0 ? wholeText(lines, options) : undefined;
  if (whole) doc = whole;
  // "Maßnahmenplan …", "Anlage 2 zum Protokoll – Aufgabenübersicht": a task table and no more.
  if (doc.resolutions.length === 0) doc = tasksOnly(lines) ?? doc;
  if (doc.resolutions.length === 0) throw noDecisions();
  // "Frau Kessler (NRW) – KE" above a task row "… | KE | 27.02.": the sign stands for NRW.
  ownersForSigns(doc, attendeeSigns(lines));

  doc.documentDate ??= headDate(lines, doc.resolutions[0].line);
  // "Nächste Sitzung des Gemeinderates: Donnerstag, 16.10.2025": a page of a body whose sessions
  // have no number in the council's calendar may date its next one.
  doc.bodySessions ??= bodySessions(lines, undefined, doc.sessionDate ?? doc.documentDate);
  const documentMeeting = resolveDocumentMeeting(doc, options);
  // A page that names the council in its head speaks of the council's sessions.
  const named = lines
    .slice(0, HEAD_LINES * 3)
    .some((l) => options.registry.council.aliases.some((alias) => l.text.includes(alias)));
  const meetings = doc.resolutions.map((r) =>
    resolveMeeting(r.meeting, documentMeeting, doc, options.calendar, named),
  );
  let own: string[] | undefined;
  // "Teilnehmende: BW, BY, HB, NW" in minutes: "alle Teilnehmenden" are those.
  const matcher = doc.format === 'protocol' ? textMatcher(options, lines) : matcherFor(options);
  const { mandates: read, possibleMisses } = extractMandates(doc.resolutions, {
    matcher,
    calendar: options.calendar,
    meetings,
    year: yearOf(doc.documentDate ?? documentMeeting?.date),
    ...(doc.documentDate && /^\d{4}-\d{2}-\d{2}$/.test(doc.documentDate)
      ? { pageDate: doc.documentDate }
      : {}),
    ownNames: () => (own ??= ownNames(text, options.registry)),
    ...(doc.bodySessions ? { bodySessions: doc.bodySessions } : {}),
  });
  const mandates = withoutRepeatedRows(read);
  // Lines that name an owner or stand under "Aufgaben", with a time, that gave no mandate (not in
  // the council's tabled protocol, whose rows are its decisions, each under the request net).
  if (!tabled)
    possibleMisses.push(
      ...unreadTaskLines(
        text.replace(/\r\n?/g, '\n').split('\n'),
        doc.resolutions,
        mandates,
        matcherFor(options),
        options.registry.council.name,
        doc.sessionDate ?? doc.documentDate,
      ),
    );
  // Read whole, a text must ask someone by name to count as a decision ("Wir bitten um
  // Rückmeldung" in a letter does not).
  if (whole && !mandates.some((m) => m.owners.length > 0)) throw noDecisions();
  const doubt = tabled
    ? undefined
    : shapeDoubt(
        lines.map((l) => l.text),
        doc.resolutions,
        mandates,
      );
  if (doubt || whole)
    for (const m of mandates)
      if (!m.uncertain.includes('shape-unknown')) m.uncertain.push('shape-unknown');
  const first = meetings[0];
  const newOwners = [...new Set(mandates.flatMap((m) => m.newOwners))];
  return {
    body: first?.body ?? doc.resolutions[0].body ?? options.registry.council.name,
    format: tabled || doc === fromMinutes ? 'protocol' : doc.format,
    meeting: topMeeting(first, doc.documentDate),
    agendaItems: doc.agendaItems,
    resolutions: doc.resolutions.map((r, i) => ({
      id: r.id,
      ...(meetings[i] ? { meeting: meetings[i] } : {}),
      ...(r.incomplete ? { incomplete: true } : {}),
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
    newOwners,
    possibleMisses,
    ...(doubt ? { shapeDoubt: doubt } : {}),
  };
}

/**
 * "Sitzung des Rates vom 14.03.2023", "Datum: 14.03.2023", "Montag, 09. September 2019": a short
 * line of a page's head that dates the session (not "… Protokolls der 11. Sitzung vom …").
 */
const LABELLED_DATE =
  /^(?:(?:\p{L}+\s+){0,4}(?:Sitzung|Ratssitzung|Sitzungsdatum|Sitzungstermin|Datum|Beschlussdatum|Tagung)\b|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+\d|(?:[^–|:]{2,60}\s[–-]\s)?(?:Auszug\s+aus\s+der\s+)?(?:Niederschrift|Protokoll|Beschlussauszug)\b[^|]{0,50}?\bSitzung\b)/iu;

function noDecisions(): ExtractionError {
  return new ExtractionError(
    'no-decisions',
    'im Text wurden keine Beschlüsse gefunden: erwartet werden Beschlusstexte mit Nummer („Beschluss 2021/07“, „IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/07“), eine Bekanntmachung („Bekanntmachung der Entscheidungen …“) oder ein Beschluss („Beschluss: …“), in dem ein Gremium jemanden bittet oder beauftragt',
  );
}

/** A request in any of its forms: "bittet", "wird aufgefordert", "beauftragt", "ersucht". */
const ASKS =
  /(?<![\p{L}-])(?:bittet|bitten|gebeten|beauftragt|beauftragen|ersucht|ersuchen|aufgefordert|fordert|fordern|soll|sollen|wird\s+durch)(?![\p{L}-])/u;

/** The text after its first line (the source, or a title), read as one decision without a number. */
function wholeText(lines: SourceLine[], options: ExtractOptions): ParsedDocument | undefined {
  if (lines.length < 2 || !lines.some((line) => ASKS.test(line.text))) return undefined;
  // After the source's address or a title line; before a first line that already asks.
  const at = /^https?:\/\//.test(lines[0].text) || !ASKS.test(lines[0].text) ? 1 : 0;
  const label: SourceLine = { no: lines[at].no, text: 'Beschluss:', cells: null };
  const doc = parseBlocks([...lines.slice(0, at), label, ...lines.slice(at)], {
    council: options.registry.council,
  });
  return doc.resolutions.length > 0 ? doc : undefined;
}

/** A text that is a task table under a heading: its rows, as one decision named by its date. */
function tasksOnly(lines: SourceLine[]): ParsedDocument | undefined {
  const { tasks } = tableTasks(lines);
  if (tasks.length === 0) return undefined;
  const date = findGermanDate(
    lines
      .slice(0, 4)
      .map((l) => l.text)
      .join('\n'),
  );
  const first = lines.find((l) => l.text !== '');
  return {
    format: 'protocol',
    agendaItems: [],
    resolutions: [
      {
        id: `${date ?? ''}#1`,
        ...(first && !first.cells ? { title: first.text } : {}),
        points: withTasks([], tasks),
        line: tasks[0].line,
        ...(date ? { meeting: { kind: 'session' as const, date } } : {}),
        anchor: 'unnumbered',
      },
    ],
    notes: [],
    ...(date ? { documentDate: date } : {}),
  };
}

/** "Beschlüsse der GMK 11.06.2025": a page heading that dates the decisions it lists. */
const HEADING_DATE = /^(?:Beschlüsse|Konferenz)\b/u;

/**
 * The date the lines before the first decision give the page, where no parser read one: a dated
 * session line first, else a dated heading of the decisions.
 */
function headDate(lines: SourceLine[], firstLine: number): string | undefined {
  for (const label of [LABELLED_DATE, HEADING_DATE]) {
    for (const line of lines) {
      // The first decision may take the page from its first line, with the head in it
      // ("Markt Oberbirkach⏎Niederschrift über die öffentliche Sitzung … am 10.03.2026").
      if (line.no > Math.max(firstLine, HEAD_LINES)) break;
      if (line.text.length < 100 && label.test(line.text)) {
        const date = findGermanDate(line.text);
        if (date) return date;
      }
    }
  }
  // "Beschluss des Rates vom 29.01.2026:" below a record's head (a Vorlage page): the day the
  // decision was taken, where the head dates nothing.
  for (const line of lines) {
    if (line.text.length < 100 && DECISION_DAY.test(line.text)) {
      const date = findGermanDate(line.text);
      if (date) return date;
    }
  }
  return undefined;
}
/** The lines a page's head takes at most. */
const HEAD_LINES = 4;
const DECISION_DAY =
  /^\s*Beschluss(?:fassung)?\s+(?:(?:des|der)\s+[\p{L} -]{2,60}?\s+)?(?:vom|am)\s+(?:\p{L}+,?\s+)?\d/u;

function yearOf(date: string | undefined): number | undefined {
  return Number((date ?? '').slice(0, 4)) || undefined;
}

function topMeeting(first: MeetingRef | undefined, documentDate: string | undefined) {
  const dated = documentDate ? { documentDate } : {};
  if (!first) return { ...dated };
  if (first.body) {
    return {
      ...(first.number !== undefined ? { number: first.number } : {}),
      body: first.body,
      ...dated,
    };
  }
  if (first.kind !== 'session') {
    return { kind: first.kind, ...(first.date ? { date: first.date } : {}), ...dated };
  }
  return { ...(first.number !== undefined ? { number: first.number } : {}), ...dated };
}

/** The session the document as a whole states (protocol header, announcement, --meeting). */
function resolveDocumentMeeting(
  doc: ParsedDocument,
  options: ExtractOptions,
): { number?: number; date?: string } | undefined {
  const known = (n: number) => options.calendar.some((s) => s.number === n);
  if (options.meeting !== undefined && !known(options.meeting)) {
    throw new ExtractionError(
      'unknown-meeting',
      `--meeting ${options.meeting}: diese Sitzung steht nicht im Sitzungskalender; tragen Sie sie erst in den Kalender ein oder nennen Sie eine Sitzung, die dort steht`,
    );
  }
  const stated =
    doc.meetingNumber ??
    doc.resolutions.find((r) => r.meeting?.number !== undefined && !r.meeting.body)?.meeting
      ?.number;
  if (stated !== undefined) {
    if (options.meeting !== undefined && options.meeting !== stated) {
      throw new ExtractionError(
        'unknown-meeting',
        `der Text nennt die ${stated}. Sitzung, --meeting aber die ${options.meeting}.`,
      );
    }
    return { number: stated, date: doc.sessionDate };
  }
  const byDate = doc.sessionDate
    ? options.calendar.find((s) => s.date === doc.sessionDate)
    : undefined;
  if (byDate) return { number: byDate.number, date: byDate.date };
  if (options.meeting !== undefined) return { number: options.meeting };
  return doc.sessionDate ? { date: doc.sessionDate } : undefined;
}

/** A decision's session: as its block states it, by its date in the calendar, or the document's. */
function resolveMeeting(
  stated: BlockMeeting | undefined,
  document: { number?: number; date?: string } | undefined,
  doc: ParsedDocument,
  calendar: CalendarSession[],
  councilNamed: boolean,
): MeetingRef | undefined {
  if (!stated) {
    if (document?.number !== undefined)
      return {
        kind: 'session',
        number: document.number,
        ...dateOf(document.number, calendar, document.date),
      };
    return document?.date ? { kind: 'session', date: document.date } : undefined;
  }
  if (stated.body) {
    return {
      kind: stated.kind,
      body: stated.body,
      ...(stated.number !== undefined ? { number: stated.number } : {}),
      ...(stated.date ? { date: stated.date } : {}),
    };
  }
  if (stated.kind !== 'session') {
    return { kind: stated.kind, ...(stated.date ? { date: stated.date } : {}) };
  }
  // "Niederschrift der 9. Sitzung am 09.12.2025" where the council's 9th met in 2012: the session
  // of another body, known by its day (not where the page names the council).
  const numbered = calendar.find((s) => s.number === stated.number)?.date;
  if (
    !councilNamed &&
    stated.number !== undefined &&
    numbered &&
    stated.date &&
    farApart(numbered, stated.date)
  )
    return { kind: 'session', date: stated.date };
  if (stated.number !== undefined)
    return {
      kind: 'session',
      number: stated.number,
      ...dateOf(stated.number, calendar, stated.date),
    };
  const byDate = stated.date ? calendar.find((s) => s.date === stated.date) : undefined;
  if (byDate) return { kind: 'session', number: byDate.number, date: byDate.date };
  if (document?.number !== undefined)
    return { kind: 'session', number: document.number, ...dateOf(document.number, calendar) };
  const date = stated.announced ? undefined : stated.date;
  return date ? { kind: 'session', date } : doc.documentDate ? undefined : undefined;
}

/** Two days more than two months apart: not one session, whatever the number says. */
function farApart(a: string, b: string): boolean {
  return Math.abs(Date.parse(a) - Date.parse(b)) > 62 * 86_400_000;
}

function dateOf(number: number, calendar: CalendarSession[], fallback?: string): { date?: string } {
  const date = calendar.find((s) => s.number === number)?.date ?? fallback;
  return date ? { date } : {};
}

export type { ParsedResolution };
