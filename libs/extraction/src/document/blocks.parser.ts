import type { CouncilInfo } from '../extraction.types';
import { findGermanDate } from '../text/german-dates';
import { dropPageFurniture, type SourceLine } from '../text/source-text';
import { bvBlocks } from './al-runde.blocks';
import { NOTE_HEADING } from './protocol.parser';
import { tableTasks, withTasks } from './task-table';
import { runsOn } from './line-runs-on';
import {
  agendaItemOf,
  headingDate,
  VERDICT_REST,
  markOutcome,
  meetingStatement,
  bracketSession,
  sessionLine,
  recommendsToAnotherBody,
  asProposed,
  preambleMeeting,
  readPreamble,
} from './decision-heading';
import { ASKS, MARKED, pointsOf } from './block-points';
import { agendaItems } from './agenda-items';
import { CUT, isNoise, PAGE_SECTION, sections, type Section } from './block-lines';
import type { TextSpan } from './decision-points';
import {
  normalizeResolutionId,
  readVote,
  type BlockMeeting,
  type ParsedDocument,
  type ParsedResolution,
} from './parsed-document';

/**
 * Reads any text that is not a tabled session protocol: single decisions as published on the
 * web, several of them one after another, official announcements, news pages quoting a decision,
 * copies with navigation text and page noise, OCR'd protocols with "BV" decision texts, and
 * minutes of other councils. The text is cut into its sources (`========`), each source into
 * its decision blocks by whatever anchors it has (a header line, a "Beschluss ..." line, a quoted
 * "Entscheidung ...:"), and what is between the blocks is read only for the session it states.
 */

const ID = String.raw`(?:B-)?\d{4}\s*\/\s*U?\d{1,3}(?:-[A-ZÄÖÜ]{1,5})?`;
/** "IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/05", with or without its parts. */
export const WEB_HEADER = new RegExp(
  String.raw`^(?:([^|\n]{2,60}?)\s*\|\s*)?(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})\s*\|\s*(?:([^|\n]{1,60}?)\s*\|\s*)?(?:(?:Beschluss|Entscheidung)(?:\s+Nr\.)?\s+)?(${ID})\s*$`,
);
/** "Beschluss 2020/40", "Beschluss: 2010/01", "Beschlussnummer (2023/15)", "Beschluss Nr. 2022/05". */
export const NUMBERED_LINE = new RegExp(
  String.raw`^(?:(?:[IVX]{1,4}|\d{1,2})\.\s+)?(?:Beschluss(?:nummer)?|Entscheidung)(?:\s+Nr\.)?\s*:?\s*\(?\s*(${ID})\s*\)?(?![\d/])\s*[:–-]?\s*(.*)$`,
);
/**
 * Other councils' numbers: "[Beschlussnummer: RBV-1103/12]", "Drucksache - DS/1246/V", "Beschluss
 * Nr.: SR060-2011", "Beschluss Nr. 02 – 36./7." (the item, then the session and term), "Beschluss
 * Nr. 45/2022:".
 */
const OTHER_NUMBER =
  /^\[?(?:Beschlussnummer|Beschluss-Nr\.?|Beschluss\s+Nr\.?|Drucksache|Beschlussvorlage|Vorlage)\s*(?:Nr\.)?\s*[-:–]?\s*([A-ZÄÖÜ0-9][\w/.-]*\d[\w/.-]*(?:\s+[–-]\s+\d[\w/.-]*)?)\s*\]?\s*:?$/u;
/** A title with the decision's number after it: "IT-Standard XBezahldienste (2022/33)". */
const TITLED_LINE = new RegExp(String.raw`^([^().;:]{3,150}?)\s*\((${ID})\)$`);
/** A page quoting a decision: "Mit seiner „Entscheidung 2017/37 - Titel“ hat ... Die Entscheidung lautet ...:". */
const QUOTED = new RegExp(
  String.raw`(?:Entscheidung|Beschluss(?:es)?)\s+(${ID})(?:\s*[-–]\s*([^“”"]+))?`,
);
/** A decision without a number: "Beschluss:", "Beschluss des IT-Planungsrats:", "Der Stadtrat beschließt:". */
const UNNUMBERED_LINE =
  /^(?:(?:[IVX]{1,4}\.|[A-H]\.|\d{1,2}\.)\s+Beschluss\s*:?\s*$|(?:(?:Einstimmiger|Mehrheitlicher)\s+)?Beschluss(?:\s+(?:des|der)\s+[^:]{2,60}|\s*\([^()]{1,40}\))?\s*:(?!\s*\d{4}\s*\/)|.{0,120}\b(?:beschließt|beschließen|folgenden Beschluss)\s*:\s*$)/;
/** A signature: "Im Auftrag", "Der Vorsitzende" alone or with a name, not a sentence of minutes. */
const CLOSING =
  /^(?:Im Auftrag|In Vertretung|(?:Der|Die) Vorsitzende(?:\s+(?:des|der)\s+[^.]{0,60}|\s*[:,]\s*[^.]{0,40})?\s*$|[\p{L} ]+, den \d)/u;
const VOTE_LINE =
  /^(?:Abstimmung(?:sergebnis)?|Entscheidung)\s*:?(?:\s+Ja\b.*)?$|^(?:Ja|J)\b.*\b(?:Nein|N)\b/i;

export interface BlockContext {
  council: CouncilInfo;
}

interface Anchor {
  index: number;
  kind: 'header' | 'numbered' | 'quoted' | 'unnumbered';
  id?: string;
  /** Text after the anchor on its own line ("Beschluss: Die Verwaltung ..."). */
  rest?: string;
  title?: string;
  meeting?: BlockMeeting;
  body?: string;
}

export function parseBlocks(all: SourceLine[], ctx: BlockContext): ParsedDocument {
  const doc: ParsedDocument = { format: 'decision', agendaItems: [], resolutions: [], notes: [] };
  const lines = dropPageFurniture(all);
  let sectionNo = 0;
  const state = {
    meeting: undefined as BlockMeeting | undefined,
    headerDate: undefined as string | undefined,
  };
  for (const section of sections(lines)) {
    sectionNo++;
    // Each source states its own session: what one said does not carry into the next.
    state.meeting = undefined;
    const protocolBlocks = bvBlocks(section, (lines) => preambleMeeting(lines, ctx));
    if (protocolBlocks) {
      doc.resolutions.push(...protocolBlocks);
      continue;
    }
    const found = readSection(section, ctx, doc, state, sectionNo);
    doc.resolutions.push(...found);
  }
  if (doc.resolutions.some((r) => r.anchor === 'announcement')) doc.format = 'announcement';
  doc.documentDate ??= state.headerDate;
  return doc;
}

/** A line that can be a title: short, no sentence end nor comma, not a point, not a header. */
function titleLike(text: string): boolean {
  return (
    text !== '' &&
    text.length <= 200 &&
    !/[.;:,]$/.test(text) &&
    !MARKED.test(text) &&
    !CUT.test(text) &&
    !isNoise(text) &&
    !WEB_HEADER.test(text) &&
    !NUMBERED_LINE.test(text) &&
    !TITLED_LINE.test(text) &&
    !CLOSING.test(text) &&
    !VOTE_LINE.test(text)
  );
}

function readSection(
  section: Section,
  ctx: BlockContext,
  doc: ParsedDocument,
  state: { meeting: BlockMeeting | undefined; headerDate?: string },
  /** Position of the source in the text: a decision without number is named by it. */
  sectionNo: number,
): ParsedResolution[] {
  const lines = section.lines;
  const anchors = findAnchors(lines, ctx, state);
  const numbered = anchors.filter((a) => a.kind !== 'unnumbered');
  const out: ParsedResolution[] = [];

  // What the text before the first decision says about the session (announcements, news).
  const firstAt = numbered[0]?.index ?? anchors[0]?.index ?? lines.length;
  const announcement = lines
    .slice(0, firstAt)
    .some((l) => /Bekanntmachung\s+(?:der|von)\s+(?:Entscheidungen|Beschlüssen)/i.test(l.text));
  readPreamble(lines.slice(0, firstAt), ctx, doc, state);

  if (numbered.length === 0) {
    const meeting = state.meeting ?? preambleMeeting(lines, ctx);
    const date = meeting?.date ?? doc.documentDate;
    const items = agendaItems(
      lines.map((l) => l.text),
      anchors.map((a) => a.index),
    );
    // Several agenda items, each under its heading with a result line of its own: one decision each.
    items.forEach((item, n) => {
      const to = items[n + 1]?.from ?? lines.length;
      const part = lines.slice(item.from, to);
      // An item without a result line ends the one before; a decision only where it asks someone.
      if (item.unlabelled && !part.some((l) => ASKS.test(l.text))) return;
      const own = anchors.filter((a) => a.index > item.from && a.index < to);
      const text = unnumberedText(
        part,
        own.map((a) => ({ ...a, index: a.index - item.from })),
      );
      if (!text) return;
      // Named by its record number, or as a labeller names it: by date and item, or by its place.
      const id =
        item.record ??
        (date ? `${date} TOP ${item.number}` : `#${doc.resolutions.length + out.length + 1}`);
      const at = part[text.at]?.no ?? 1;
      out.push(
        markOutcome(
          resolution(id, item.title, text.spans, at, {
            meeting,
            incomplete: text.cut,
            anchor: 'unnumbered',
          }),
          part,
        ),
      );
    });
    if (items.length > 0) return out;
    const text = unnumberedText(lines, anchors);
    if (!text) return out;
    // "Beschlüsse der GMK 11.06.2025 ...", "TOP: 13.1 Titel": the date and the agenda item name it.
    const item = agendaItemOf(lines);
    const itemDate = item ? (date ?? headingDate(lines.slice(0, item.index))) : undefined;
    const id = item && itemDate ? `${itemDate} TOP ${item.number}` : `${date ?? ''}#${sectionNo}`;
    const decided = resolution(id, text.title, text.spans, lines[text.at]?.no ?? 1, {
      meeting,
      incomplete: text.cut,
      anchor: 'unnumbered',
    });
    out.push(markOutcome(decided, lines));
    return out;
  }

  numbered.forEach((anchor, n) => {
    const next = numbered[n + 1];
    const end = next ? titleStart(lines, next.index) : lines.length;
    const body = blockBody(lines, anchor, end);
    const title = anchor.title ?? titleBefore(lines, anchor.index) ?? body.titleAfter;
    // Session statements between two decisions apply to the decisions after them.
    const session = sessionLine(lines, anchor.index, end, ctx.council);
    const meeting = anchor.meeting ?? state.meeting ?? session.meeting;
    // "Der IT-Planungsrat beschließt den folgenden Maßnahmenplan" and its table: each row a point.
    const table = tableTasks(lines.slice(anchor.index, end));
    const decided = resolution(
      normalizeResolutionId(anchor.id as string),
      title,
      body.spans.filter((span) => !table.rows.has(span.line) && span.line !== session.line),
      lines[anchor.index].no,
      {
        meeting,
        incomplete: body.cut,
        anchor: announcement ? 'announcement' : anchor.kind,
        vote: readVote(lines, anchor.index + 1, end - anchor.index),
      },
    );
    decided.points = withTasks(decided.points, table.tasks);
    out.push(markOutcome(decided, lines.slice(anchor.index, end)));
    if (next)
      readPreamble(lines.slice(body.endedAt, titleStart(lines, next.index)), ctx, doc, state);
  });
  return out;
}

function resolution(
  id: string,
  title: string | undefined,
  spans: TextSpan[],
  line: number,
  extra: {
    meeting?: BlockMeeting;
    incomplete: boolean;
    anchor: ParsedResolution['anchor'];
    vote?: ParsedResolution['vote'];
  },
): ParsedResolution {
  return {
    id,
    ...(title ? { title } : {}),
    ...(extra.vote ? { vote: extra.vote } : {}),
    points: pointsOf(spans),
    line,
    ...(extra.meeting ? { meeting: extra.meeting } : {}),
    ...(extra.incomplete ? { incomplete: true } : {}),
    anchor: extra.anchor,
    ...(recommendsToAnotherBody(spans) ? { recommended: true } : {}),
  };
}

function findAnchors(
  lines: SourceLine[],
  ctx: BlockContext,
  state: { headerDate?: string } = {},
): Anchor[] {
  const anchors: Anchor[] = [];
  let sawNumbered = false;
  lines.forEach((line, index) => {
    const text = line.text;
    const header = WEB_HEADER.exec(text);
    if (header) {
      const [, lead, date, session, id] = header;
      const meeting = meetingStatement(`${session ?? ''} ${date}`, ctx.council) ?? {
        kind: 'session' as const,
      };
      meeting.date ??= findGermanDate(date);
      const body =
        lead && !ctx.council.aliases.some((a) => lead.trim() === a) ? lead.trim() : undefined;
      if (body && /AL-Runde|Abteilungsleiterrunde/.test(body)) meeting.body = 'AL-Runde';
      anchors.push({ index, kind: 'header', id, meeting, body });
      // A published decision dates itself in its first line.
      if (meeting.date) state.headerDate ??= meeting.date;
      sawNumbered = true;
      return;
    }
    const numbered = NUMBERED_LINE.exec(text);
    if (numbered) {
      const own = bracketSession(numbered[2], ctx.council);
      const after = own ? { meeting: own } : { rest: numbered[2] || undefined };
      anchors.push({ index, kind: 'numbered', id: numbered[1], ...after });
      sawNumbered = true;
      return;
    }
    const other = OTHER_NUMBER.exec(text);
    if (other) {
      anchors.push({ index, kind: 'numbered', id: other[1] });
      sawNumbered = true;
      return;
    }
    const titled = TITLED_LINE.exec(text);
    if (titled && !MARKED.test(text)) {
      anchors.push({ index, kind: 'numbered', id: titled[2], title: titled[1].trim() });
      sawNumbered = true;
      return;
    }
    if (!sawNumbered && /:\s*$/.test(text) && !MARKED.test(text)) {
      const quoted = QUOTED.exec(text);
      if (quoted) {
        const statement = lines
          .slice(Math.max(0, index - 3), index + 1)
          .map((l) => meetingStatement(l.text, ctx.council))
          .find((m) => m?.number !== undefined);
        const date = /\bam\s+(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})/.exec(text);
        anchors.push({
          index,
          kind: 'quoted',
          id: quoted[1],
          title: quoted[2]?.trim(),
          meeting: statement
            ? { ...statement, ...(date ? { date: findGermanDate(date[1]) } : {}) }
            : date
              ? { kind: 'session', date: findGermanDate(date[1]) }
              : undefined,
        });
        sawNumbered = true;
        return;
      }
    }
    if (UNNUMBERED_LINE.test(text)) anchors.push({ index, kind: 'unnumbered' });
  });
  return anchors;
}

/** First line of the title that belongs to the anchor at `at` (the anchor itself when none). */
function titleStart(lines: SourceLine[], at: number): number {
  let i = at - 1;
  while (i >= 0 && lines[i].text === '') i--;
  let start = at;
  let taken = 0;
  while (i >= 0 && titleLike(lines[i].text) && taken < 3) {
    start = i;
    taken++;
    i--;
    if (i >= 0 && lines[i].text === '') break;
  }
  // A title directly after a sentence of the previous decision, with no blank line between:
  // only the last line before the anchor is the title.
  if (taken > 1 && i >= 0 && lines[i].text !== '') start = at - 1;
  return start;
}

function titleBefore(lines: SourceLine[], at: number): string | undefined {
  const start = titleStart(lines, at);
  if (start === at) return undefined;
  const parts = lines
    .slice(start, at)
    .map((l) => l.text)
    .filter((t) => t !== '');
  return parts.join(' ') || undefined;
}

/**
 * The decision text of an anchor, up to `end`: past closing lines, vote tables and noise; a
 * `[TRUNCATED]` mark ends it and marks it cut off.
 */
function blockBody(
  lines: SourceLine[],
  anchor: Anchor,
  end: number,
): { spans: TextSpan[]; cut: boolean; titleAfter?: string; endedAt: number } {
  const spans: TextSpan[] = [];
  let cut = false;
  let titleAfter: string | undefined;
  if (anchor.rest && !titleLike(anchor.rest))
    spans.push({ text: anchor.rest, line: lines[anchor.index].no });
  else if (anchor.rest) titleAfter = anchor.rest;
  let i = anchor.index + 1;
  // Web decisions of the hand-written kind put the title right after the header.
  if (anchor.kind === 'header') {
    while (i < end && lines[i].text === '') i++;
    if (
      i < end &&
      titleLike(lines[i].text) &&
      i + 1 < end &&
      lines[i + 1].text !== '' &&
      !runsOn(lines[i].text, lines[i + 1].text)
    ) {
      titleAfter = lines[i].text;
      i++;
    }
  }
  let endedAt = end;
  for (; i < end; i++) {
    const text = lines[i].text;
    if (CUT.test(text)) {
      cut = true;
      endedAt = i + 1;
      break;
    }
    if (CLOSING.test(text)) {
      trimSignature(spans);
      endedAt = i;
      break;
    }
    // "Protokollerklärung des Bundes: Der Bund wird …": a member's word to the record, not decided;
    // "▸ Hintergrund" on a saved page: what follows is no decision text.
    if (NOTE_HEADING.test(text) || PAGE_SECTION.test(text)) {
      endedAt = i;
      break;
    }
    if (isNoise(text) || VOTE_LINE.test(text) || /^\d+\D{1,24}\d+\D{1,24}\d+$/.test(text)) continue;
    spans.push({ text, line: lines[i].no });
  }
  while (spans.length > 0 && spans[spans.length - 1].text === '') spans.pop();
  return { spans, cut, titleAfter, endedAt };
}

/** The signing office's name just before "Im Auftrag" is not decision text. */
function trimSignature(spans: TextSpan[]): void {
  let i = spans.length - 1;
  while (i >= 0 && spans[i].text === '') i--;
  let j = i;
  while (j >= 0 && spans[j].text !== '' && titleLike(spans[j].text)) j--;
  if (j < i && (j < 0 || spans[j].text === '')) spans.splice(j + 1);
}

/**
 * A source without numbered decisions: its text after the last "Beschluss:" or "... beschließt:"
 * line, or all of it; kept only where it holds decision grammar at all.
 */
function unnumberedText(
  lines: SourceLine[],
  anchors: Anchor[],
): { spans: TextSpan[]; title?: string; at: number; cut: boolean } | undefined {
  const starts = anchors.filter((a) => a.kind === 'unnumbered');
  let from = 0;
  let title: string | undefined;
  let until = Infinity;
  if (starts.length > 0) {
    // The last label line that still has text after it ("Beschluss:" then "Der Stadtrat beschließt:").
    const last = starts[starts.length - 1];
    from = last.index + 1;
    // "Beschlussvorschlag: 1. … 2. …⏎Beschluss: wie Beschlussvorschlag": the proposal's text.
    const proposal = asProposed(lines, last.index);
    if (proposal !== undefined) [from, until] = [proposal + 1, last.index];
    const rest =
      proposal === undefined ? lines[last.index].text.replace(UNNUMBERED_LINE, '').trim() : '';
    const before = lines
      .slice(0, starts[0].index)
      .filter((l) => titleLike(l.text) && !/^[-–]/.test(l.text));
    title = before[0]?.text;
    // "Beschluss: beschlossen": the verdict, not the first words of the decision's text.
    if (rest && !VERDICT_REST.test(rest)) {
      lines = [
        ...lines.slice(0, from),
        { no: lines[last.index].no, text: rest, cells: null },
        ...lines.slice(from),
      ];
    }
  }
  const spans: TextSpan[] = [];
  let cut = false;
  let at = -1;
  for (let i = from; i < Math.min(until, lines.length); i++) {
    const text = lines[i].text;
    if (CUT.test(text)) {
      cut = true;
      break;
    }
    if (CLOSING.test(text)) break;
    if (isNoise(text) || VOTE_LINE.test(text)) continue;
    if (starts.length === 0 && spans.length === 0 && text === '') continue;
    if (at < 0 && text !== '') at = i;
    spans.push({ text, line: lines[i].no });
  }
  const joined = spans.map((s) => s.text).join(' ');
  const labelled = starts.length > 0;
  if (!labelled && !DECISION_GRAMMAR.test(joined)) return undefined;
  return { spans, title, at: Math.max(at, 0), cut };
}

/** Words that only decision texts use: a body asks, commissions or decides. */
const DECISION_GRAMMAR =
  /(?<![\p{L}-])(?:beauftragt|gebeten|bittet|ersucht|beschließt|beschlossen|erteil(?:t|en)\s+.{1,60}?\s+(?:den|einen)\s+\S*[Aa]uftrag|wird\s+empfohlen|stimmt\s+\S+\s+zu|befürwortet|genehmigt|verwiesen|vertagt|zugestimmt|(?:spricht|sprechen)\s+sich\b.{0,80}?\saus|nimmt\b.{0,200}?\bzur\s+Kenntnis|(?:fordert|fordern)\s.{1,120}?\sauf|festgelegt|vereinbart|billigt|billigen|begrüßt|begrüßen|bitten|beauftragen|beschließen|ersuchen|(?:nehmen|stimmen)\s.{0,200}?\b(?:zur\s+Kenntnis|zu))(?![\p{L}-])/u;
