import { isFootnote } from '../text/source-text';

/** A piece of decision text and the input line it came from. */
export interface TextSpan {
  text: string;
  line: number;
}

/** A decision point with enough position data to find the line of each of its sentences. */
export interface PointText {
  number: number;
  text: string;
  line: number;
  /** [offset in text, input line] pairs in ascending offset order. */
  lineMap: Array<[number, number]>;
  /** A row of a task table in minutes: its cells as written, read without the grammar. */
  task?: { owners: string; action: string; term: string; row: string };
}

export function lineAt(point: PointText, offset: number): number {
  let line = point.line;
  for (const [at, no] of point.lineMap) {
    if (at > offset) break;
    line = no;
  }
  return line;
}

/** Words that show a number is an ordinal or a count, not a point number ("der 33. Sitzung"). */
const ORDINAL_BEFORE =
  /(?:^|\s)(?:der|die|das|den|dem|des|zur|zum|bis|am|vom|ab|im|seiner|ihrer|seine|ihre|Nr|Kap|Abs|Ziff|Ziffer|Ziffern|Anlage|Anhang|Punkt|Nummer|Schritt|Stufe|Version|und|oder|bzw|Bausteine?)\s*$/i;
const ORDINAL_AFTER =
  /^(?:Sitzung|Sitzungen|Halbjahr|Quartal|Fachkongress|Jahrestagung|Kalenderwoche|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Änderung|Auflage|Stufe|Phase|Welle|Tag|Jahr)\b/;
const BULLET = /^[-–•*]\s+/;

interface Marker {
  at: number;
  textAt: number;
  /** The number printed ("22." in an excerpt that starts there); bullets count by position. */
  number?: number;
}

/**
 * Cuts a decision's text into its numbered ("1.") or bulleted ("- ") points. A text with
 * neither is one point. Bullets inside numbered points are sub-items, not points.
 */
export function splitPoints(spans: TextSpan[]): PointText[] {
  const { text, lineMap } = joinSpans(spans);
  if (!text) return [];

  const outline = outlineMarkers(text);
  const markers = outline.length > 1 ? outline : numberedMarkers(text);
  if (markers.length === 1) markers.push(...restartedMarkers(text, markers[0]));
  if (markers.length === 0) markers.push(...bracketedMarkers(text));
  const bullets = markers.length > 0 ? [] : bulletMarkers(text);
  const cuts = markers.length > 0 ? markers : bullets;
  if (cuts.length === 0) {
    return [makePoint(1, text, 0, text.length, lineMap)];
  }
  return cuts.map((cut, index) =>
    makePoint(
      cut.number ?? index + 1,
      text,
      cut.textAt,
      index + 1 < cuts.length ? cuts[index + 1].at : text.length,
      lineMap,
    ),
  );
}

/** All of a text as point 1: an unnumbered decision, whatever lists it holds. */
export function singlePoint(spans: TextSpan[]): PointText[] {
  const { text, lineMap } = joinSpans(spans);
  return text ? [makePoint(1, text, 0, text.length, lineMap)] : [];
}

/**
 * A decision's lines as one text (blank lines and footnotes left out), with where each line
 * starts in it: [offset in the text, line in the document].
 */
function joinSpans(spans: TextSpan[]): { text: string; lineMap: Array<[number, number]> } {
  const kept = spans.filter((span) => span.text.trim() !== '' && !isFootnote(span.text));
  let text = '';
  const lineMap: Array<[number, number]> = [];
  for (const span of kept) {
    if (text) text += '\n';
    lineMap.push([text.length, span.line]);
    text += span.text.trim();
  }
  return { text, lineMap };
}

function numberedMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  const pattern = /(^|[\s>])(\d{1,2})(\.\)|[.)])(?=\s+\S)/g;
  // An excerpt of a longer list starts at its first number ("22. Angesichts ...").
  let expected = Number(/^(\d{1,2})\.\s+\p{Lu}/u.exec(text)?.[1] ?? 1);
  const first = expected;
  let style = '';
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const number = Number(match[2]);
    if (number !== expected) continue;
    // Points keep the style of the first ("1." or "1)"); "(Anlage 2)" is no point.
    if (style && match[3] !== style) continue;
    const at = match.index + match[1].length;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const sameLine = text.slice(lineStart, at);
    if (match[3] === ')' && sameLine.split('(').length > sameLine.split(')').length) continue;
    const before = text.slice(Math.max(0, at - 30), at);
    const after = text.slice(at + match[2].length + match[3].length).trimStart();
    if (expected === first && at !== 0 && !before.endsWith('\n') && !/[:.]\s*$/.test(before))
      continue;
    if (ORDINAL_BEFORE.test(before) || ORDINAL_AFTER.test(after)) continue;
    markers.push({ at, textAt: at + match[2].length + match[3].length, number });
    style = match[3];
    expected++;
  }
  return markers;
}

/**
 * "1. Der Ausschuss stimmt zu …⏎1. Der Ausschuss empfiehlt …⏎1. Die Verwaltung wird beauftragt
 * …": a page whose list items each restart at 1 (each in a list of its own): every "1." that opens
 * a line after the first is the next point.
 */
function restartedMarkers(text: string, first: Marker): Marker[] {
  const more: Marker[] = [];
  for (const m of text.matchAll(/\n1(\.\)|[.)])[ \t]+(?=\p{Lu})/gu)) {
    const at = (m.index as number) + 1;
    if (at > first.at)
      more.push({
        at,
        textAt: at + 1 + m[1].length,
        number: (first.number ?? 1) + more.length + 1,
      });
  }
  return more;
}

/**
 * "1.⇥Onlinezugang⏎1.1⇥Der IT-Planungsrat nimmt …⏎1.2⇥Die Länder werden gebeten …": a Word
 * outline whose numbered headings group the points; the points are its second level, counted.
 */
function outlineMarkers(text: string): Marker[] {
  if (!/(?:^|\n)1\.1\.?[ \t]/.test(text)) return [];
  const markers: Marker[] = [];
  for (const m of text.matchAll(/(?<=^|\n)\d{1,2}\.\d{1,2}\.?[ \t]+(?=\p{Lu})/gu)) {
    const at = m.index as number;
    markers.push({ at, textAt: at + m[0].length, number: markers.length + 1 });
  }
  return markers;
}

/**
 * "(1)⇥Die Kooperationsgremien berichten …⏎(2)⇥Die Geschäftsstelle legt …": paragraphs numbered
 * in brackets, each opening a line, counted from 1.
 */
function bracketedMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const m of text.matchAll(/(?<=^|\n)\((\d{1,2})\)[ \t]+(?=\S)/g)) {
    if (Number(m[1]) !== markers.length + 1) continue;
    const at = m.index as number;
    markers.push({ at, textAt: at + m[0].length, number: Number(m[1]) });
  }
  return markers.length > 1 ? markers : [];
}

/** ". - Die Amtschefkonferenz wird gebeten": a bullet that lost its line break after a sentence. */
const INLINE_BULLET = /(?<=[.!?])[ \t]+[-–•][ \t]+(?=\p{Lu})/gu;

function bulletMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const bullet = BULLET.exec(line);
    if (bullet) markers.push({ at: offset, textAt: offset + bullet[0].length });
    offset += line.length + 1;
  }
  // Inline bullets count only inside a bulleted list, never in running text.
  if (markers.length === 0) return markers;
  for (const inline of text.matchAll(INLINE_BULLET)) {
    const at = inline.index as number;
    if (at > markers[0].at) markers.push({ at, textAt: at + inline[0].length });
  }
  return markers.sort((a, b) => a.at - b.at);
}

function makePoint(
  number: number,
  text: string,
  start: number,
  end: number,
  lineMap: Array<[number, number]>,
): PointText {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const begin = start + lead;
  // Collapse line breaks but keep offsets stable for the line map: one char per newline.
  // Only white space that is not a plain space is replaced (most characters are spaces: speed).
  const pointText = markHyphenated(text.slice(begin, end))
    .replace(/[^\S ]/g, ' ')
    .trimEnd();
  const pointMap: Array<[number, number]> = [];
  let line = lineMap[0][1];
  for (const [at, no] of lineMap) {
    if (at <= begin) line = no;
    else if (at < end) pointMap.push([at - begin, no]);
  }
  return { number, text: pointText, line, lineMap: pointMap };
}

/** Point text for output: single spaces. */
export function tidy(text: string): string {
  if (!/\s{2}|[\t\n\r\u00a0\u200b]/.test(text)) return text.trim();
  return joinHyphenated(text)
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

/**
 * Words a PDF's layout broke at the end of a line: "Bre-\nmen" is "Bremen", "Sit-\nzung" is
 * "Sitzung", "Bund-\nLänder" is "Bund-Länder"; "Bund- und Länder" (a word left open) stays. Point
 * texts keep their length (offsets map to lines), so the break is first marked with characters
 * that are no white space (a soft hyphen and a zero-width space), and dropped where words are read.
 */
function markHyphenated(text: string): string {
  if (!text.includes('-\n')) return text;
  return text
    .replace(/(\p{Ll})-\n(?!(?:und|oder|bzw|sowie|wie)\b)(?=\p{Ll})/gu, '$1\u00ad\u200b')
    .replace(/(\p{L})-\n(?=\p{Lu})/gu, '$1-\u200b');
}

export function joinHyphenated(text: string): string {
  if (text.includes('\u200b')) text = text.replace(/\u00ad?\u200b/g, '');
  if (!text.includes('-') || !text.includes('\n')) return text;
  if (!text.includes('-\n') && !/-[ \t]+\n/.test(text)) return text;
  return text
    .replace(/(\p{Ll})-[ \t]*\r?\n[ \t]*(?!(?:und|oder|bzw|sowie)\b)(\p{Ll})/gu, '$1$2')
    .replace(/(\p{L})-[ \t]*\r?\n[ \t]*(\p{Lu})/gu, '$1-$2');
}
