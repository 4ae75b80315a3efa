import { dirname, join } from 'node:path';
import { ExtractionError } from '@app/extraction';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The part of pdfjs' TextItem the line reconstruction needs (its type lives in an ES module). */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const NO_TEXT =
  'das PDF enthält keinen Text (ein Scan?); lassen Sie es erst durch eine Texterkennung (OCR) laufen oder geben Sie den Text';

export function isPdf(data: Uint8Array): boolean {
  return (
    data.length >= 5 &&
    data[0] === 0x25 &&
    data[1] === 0x50 &&
    data[2] === 0x44 &&
    data[3] === 0x46 &&
    data[4] === 0x2d
  );
}

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdfjs-dist ships ES modules only. Under `module: nodenext` tsc keeps this `import()` as it is in
 * the CommonJS output, so Node loads the module natively; Jest's swc turns it into a `require()`
 * of the module swc has transformed. The legacy build, because the main one needs DOMMatrix.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((error: unknown) => {
    pdfjs = undefined;
    throw error;
  });
  return pdfjs;
}

/**
 * The text layer of a PDF as lines in reading order, with an empty line where a paragraph or a
 * page ends, so the parsers read it like a converted text.
 */
export async function readPdfText(
  data: Uint8Array,
  options: { maxPages?: number } = {},
): Promise<string> {
  const { getDocument } = await loadPdfJs();
  const pages: string[] = [];
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  try {
    task = getDocument({
      // A copy: pdfjs refuses a Buffer and may take over the memory of what it is given.
      data: new Uint8Array(data),
      standardFontDataUrl: standardFontDir(),
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    });
    const document = await task.promise;
    if (options.maxPages !== undefined && document.numPages > options.maxPages) {
      throw new ExtractionError(
        'too-many-pages',
        `das PDF hat ${document.numPages} Seiten; gelesen werden höchstens ${options.maxPages} (Grenze READ_MAX_PAGES), die Protokolle des Rats haben wenige hundert`,
      );
    }
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const lines = linesOf(content.items.filter((item) => 'str' in item));
      if (lines.length > 0) pages.push(lines.join('\n'));
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError(
      'unreadable',
      `das PDF kann nicht gelesen werden (${reasonOf(error)})`,
    );
  } finally {
    await task?.destroy().catch(() => undefined);
  }
  if (pages.length === 0) throw new ExtractionError('no-text', NO_TEXT);
  return pages.join('\n\n');
}

function standardFontDir(): string {
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
}

/** pdfjs' messages are for developers; keep them short and name the common cases plainly. */
function reasonOf(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'es ist mit einem Passwort geschützt';
  // Other messages of pdf.js are English and technical: the user learns what to do instead.
  return 'es ist beschädigt oder kein PDF';
}

interface Part {
  x: number;
  end: number;
  text: string;
  /** pdfjs saw a line end after this item: never glue the next text to it. */
  eol: boolean;
}

interface Row {
  y: number;
  height: number;
  parts: Part[];
}

/** Rows of text by baseline, top to bottom, with a blank line at each clearly larger gap. */
function linesOf(items: TextItem[]): string[] {
  const rows: Row[] = [];
  let last: Part | undefined;
  for (const item of items) {
    const blank = item.str.trim() === '';
    if (blank && last && item.hasEOL) last.eol = true;
    if (blank) continue;
    const [, , , scaleY, x, y] = item.transform;
    const height = item.height || Math.abs(scaleY) || 1;
    // Sub- and superscripts sit a fraction of the font size off the baseline; they belong to it.
    const row = rows.findLast((r) => Math.abs(r.y - y) <= 0.5 * Math.min(height, r.height));
    last = { x, end: x + (item.width || 0), text: item.str, eol: item.hasEOL };
    if (row) row.parts.push(last);
    else rows.push({ y, height, parts: [last] });
  }
  if (rows.length === 0) return [];
  rows.sort((a, b) => b.y - a.y);
  const gaps = rows.slice(1).map((row, i) => rows[i].y - row.y);
  const breakAt = paragraphGap(gaps, median(rows.map((r) => r.height)));
  const lines: string[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && gaps[i - 1] > breakAt) lines.push('');
    lines.push(textOf(row));
  });
  return lines;
}

/**
 * The vertical distance above which two rows belong to different paragraphs: half again the
 * normal line spacing. The lower quartile of the gaps is the line spacing in running text; the
 * cap at 1.4 font sizes keeps a page of one-line paragraphs (every gap a paragraph gap) apart.
 */
function paragraphGap(gaps: number[], fontSize: number): number {
  if (gaps.length === 0) return Infinity;
  const sorted = [...gaps].sort((a, b) => a - b);
  const normal = Math.min(sorted[Math.floor((sorted.length - 1) / 4)], 1.4 * fontSize);
  return 1.5 * normal;
}

/**
 * The parts of one row left to right. Items that touch are pieces of one word (a font change,
 * kerning); anything with a gap of more than a sliver between is separated by one space.
 */
function textOf(row: Row): string {
  const parts = [...row.parts].sort((a, b) => a.x - b.x);
  let text = '';
  parts.forEach((part, i) => {
    const before = parts[i - 1];
    const touches =
      before !== undefined &&
      !before.eol &&
      before.end > before.x &&
      part.x - before.end < 0.15 * row.height;
    text += i === 0 || touches ? part.text : ` ${part.text}`;
  });
  return text.replace(/\s+/g, ' ').trim();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
