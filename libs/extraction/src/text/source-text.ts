/** One line of the input as the parsers see it: cleaned text, its table cells, its line number. */
export interface SourceLine {
  /** 1-based line number in the input. */
  no: number;
  /** The cleaned line; for a table row its cells joined by " | ". */
  text: string;
  /** Non-empty cells of a table row ("| a | b |"), or null for a plain line. */
  cells: string[] | null;
}

const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
const FOOTNOTE_MARK = new RegExp(`[${SUPERSCRIPTS}]+`, 'g');
const MARK_FOLLOWS = /[\p{L}\p{N})“"”]/u;
const FOOTNOTE_LINE = new RegExp(`^(?:<p>)?\\s*[${SUPERSCRIPTS}]+\\s*\\S`, 'u');
/** "|---|:--|", "-----+-----": the rule under a table's head or between its rows. */
const TABLE_SEPARATOR = /^\|?[\s|:+-]*-{2,}[\s|:+-]*\|?$/;

/** A line that only rules a table: dashes, with plus signs or bars where the columns cross. */
const RULE_LINE = /^\s*[|+:-]*-{3,}[|+:-]*\s*$/;

const SPECIAL_SPACE = /[\u00a0\u2007\u202f]/g;
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\ufeff]/g;
const ANY_SUPERSCRIPT = new RegExp(`[${SUPERSCRIPTS}]`);

/** Cleans text from PDF conversion: odd spaces, bold markup, footnote marks, runs of blanks. */
export function cleanInline(text: string): string {
  // Each pass only where its characters occur: this runs over whole documents.
  let out = SPECIAL_SPACE.test(text) ? text.replace(SPECIAL_SPACE, ' ') : text;
  SPECIAL_SPACE.lastIndex = 0;
  if (INVISIBLE.test(out)) out = out.replace(INVISIBLE, '');
  INVISIBLE.lastIndex = 0;
  if (out.includes('**')) out = out.replace(/\*\*/g, '');
  // "# Lenkungskreis … – Protokoll", "## Aufgabenliste": a wiki's or Markdown's headings.
  if (out.includes('#')) out = out.replace(/^#{1,6}[ \t]+/gm, '');
  if (ANY_SUPERSCRIPT.test(out)) {
    // A mark right after a word ("OZG¹-Reifegradmodell") is a footnote reference; one that opens a
    // line is the footnote itself and stays.
    out = out.replace(FOOTNOTE_MARK, (mark: string, at: number, all: string) =>
      at > 0 && MARK_FOLLOWS.test(all[at - 1]) ? '' : mark,
    );
  }
  return /\t| {2}/.test(out) ? out.replace(/[ \t]{2,}|\t/g, ' ') : out;
}

export function isFootnote(text: string): boolean {
  return FOOTNOTE_LINE.test(text);
}

const FOOTNOTE_PARAGRAPH = new RegExp(`<p>\\s*[${SUPERSCRIPTS}][^<]*</p>`, 'g');

/** Removes footnote paragraphs (`<p>¹ ...</p>`) and HTML tags from a table cell. */
export function stripCellMarkup(cell: string): string {
  if (!cell.includes('<')) return cell.trim();
  return (ANY_SUPERSCRIPT.test(cell) ? cell.replace(FOOTNOTE_PARAGRAPH, ' ') : cell)
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:ol|ul|li|p|span|div|strong|em|b|i)\b[^>]*>/gi, ' ')
    .replace(/ [ \t]+|\t[ \t]*/g, ' ')
    .trim();
}

/** A row of a table pasted from a word processor: three or more cells parted by tabs. */
const TAB_ROW = /^[^\t\n]*\S[^\t\n]*(?:\t+[^\t\n]*){2,}$/gm;

export function splitLines(input: string): SourceLine[] {
  const unix = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  // "Nr.⇥Aufgabe⇥Zuständig⇥Frist": a table row, written as the tables converted from PDF are.
  const tabbed = unix.includes('\t') ? unix.replace(TAB_ROW, tabRow) : unix;
  // Cleaned once as a whole (cheaper than line by line); each line is trimmed below.
  const raw = cleanInline(tabbed).split('\n');
  const bars = raw.map((line) => (line.includes(' | ') ? line.split(' | ').length - 1 : 0));
  return raw.map((line, index) => {
    // "Nr. | Aufgabe | Verantw. | Termin" without outer bars: a row where a line beside it has
    // as many bars (a single line with bars is a header or a menu, not a table).
    // A rule line between ("-----+-----") does not part a row from its neighbour.
    const near = (step: number) => {
      let at = index + step;
      while (raw[at] !== undefined && RULE_LINE.test(raw[at])) at += step;
      return bars[at];
    };
    const bare = bars[index] >= 2 && (near(-1) === bars[index] || near(1) === bars[index]);
    if (RULE_LINE.test(line) && (near(-1) >= 2 || near(1) >= 2))
      return { no: index + 1, text: '', cells: [] };
    const text = bare && !line.trimStart().startsWith('|') ? `| ${line.trim()} |` : line.trim();
    if (!text.startsWith('|')) return { no: index + 1, text, cells: null };
    if (TABLE_SEPARATOR.test(text)) return { no: index + 1, text: '', cells: [] };
    const inner = text.endsWith('|') && text.length > 1 ? text.slice(1, -1) : text.slice(1);
    const cells = inner
      .split('|')
      .map((cell) => stripCellMarkup(cell))
      .filter((cell) => cell !== '');
    return { no: index + 1, text: cells.join(' | '), cells };
  });
}

function tabRow(line: string): string {
  return `| ${line
    .split(/\t+/)
    .map((cell) => cell.trim())
    .join(' | ')} |`;
}

/** Lines that repeat on every page of a converted PDF ("Az.: ...", "Stand: ...", "Seite 2 von 9"). */
const PAGE_FURNITURE = /^(?:Az\.?:|Stand:\s|Seite \d+(?: von \d+)?$|-\s*\d+\s*-$|_{5,}$)/i;
/** A short line that ends no sentence: a page's running head. */
const RUNNING_HEAD = /^(?=.{3,80}$)\p{Lu}[^.!?:]*[\p{L}\d)]$/u;
/**
 * "Niederschrift Stadtrat 11.12.2025      Seite 5 von 9", "IT-Planungsrat – 48. Sitzung      Stand:
 * 27.11.2025": a footer that ends in the page count or the version's day.
 */
const FOOTER = /\s(?:Seite\s+\d+\s+von\s+\d+|Stand:\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})$/i;

export function isPageFurniture(text: string): boolean {
  return PAGE_FURNITURE.test(text) || (text.length < 100 && FOOTER.test(text));
}

/**
 * Drops page headers and footers; where one interrupted a sentence, the blank lines around it
 * go too, so the sentence is one paragraph again.
 */
export function dropPageFurniture(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isPageFurniture(lines[i].text)) {
      out.push(lines[i++]);
      continue;
    }
    while (i < lines.length && (lines[i].text === '' || isPageFurniture(lines[i].text))) i++;
    while (out.length > 0 && out[out.length - 1].text === '') out.pop();
    const previous = out[out.length - 1];
    const interrupted = previous !== undefined && /[\p{L},;-]$/u.test(previous.text);
    // "Der Ober-⏎<footer>⏎Stadt X – Stadtrat⏎bürgermeister wird …": the next page's running head
    // between the two halves of a sentence.
    const after = lines.slice(i + 1).find((l) => l.text !== '');
    if (interrupted && after && RUNNING_HEAD.test(lines[i].text) && /^\p{Ll}/u.test(after.text))
      i = lines.indexOf(after);
    if (!interrupted && i < lines.length) out.push({ no: lines[i].no, text: '', cells: null });
  }
  return out;
}
