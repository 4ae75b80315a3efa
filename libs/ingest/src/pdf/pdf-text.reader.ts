import { dirname, join } from 'node:path';
import { ExtractionError } from '@app/extraction';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

export function isPdf(data: Uint8Array): boolean {
  return data.length >= 5 && Buffer.from(data.subarray(0, 5)).toString('latin1') === '%PDF-';
}

// A real dynamic import in the compiled CommonJS too (pdfjs-dist ships ES modules only).
const importModule = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<unknown>;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

async function loadPdfJs(): Promise<PdfJs> {
  if (process.env.JEST_WORKER_ID) return require('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
  return (await importModule('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
}

/**
 * The text layer of a PDF as lines, in reading order, with an empty line where a paragraph or a
 * page ends, so the same parsers read it as a converted text.
 */
export async function readPdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  const fonts = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
  let document;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(data),
      standardFontDataUrl: fonts,
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new ExtractionError(
      'unreadable',
      `the PDF cannot be read (${error instanceof Error ? error.message : 'unknown error'})`,
    );
  }
  const pages: string[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items.filter((i) => 'str' in i) as TextItem[]).join('\n'));
    }
  } catch (error) {
    throw new ExtractionError(
      'unreadable',
      `the PDF cannot be read (${error instanceof Error ? error.message : 'unknown error'})`,
    );
  } finally {
    await document.destroy();
  }
  const text = pages.join('\n\n');
  if (text.trim() === '') {
    throw new ExtractionError(
      'no-text',
      'the PDF has no text layer (a scan?); run it through OCR first or give the text',
    );
  }
  return text;
}

function linesOf(items: TextItem[]): string[] {
  const rows: Array<{ y: number; height: number; parts: Array<{ x: number; text: string }> }> = [];
  for (const item of items) {
    if (item.str === '' && !item.hasEOL) continue;
    const x = item.transform[4];
    const y = item.transform[5];
    const height = item.height || Math.abs(item.transform[3]) || 10;
    const row = rows.find((r) => Math.abs(r.y - y) <= height * 0.4);
    if (row) row.parts.push({ x, text: item.str });
    else rows.push({ y, height, parts: [{ x, text: item.str }] });
  }
  rows.sort((a, b) => b.y - a.y);
  const gaps = rows.slice(1).map((row, i) => rows[i].y - row.y);
  const usual = median(gaps) || 14;
  const lines: string[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && gaps[i - 1] > usual * 1.5) lines.push('');
    const text = row.parts
      .sort((a, b) => a.x - b.x)
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    lines.push(text);
  });
  return lines;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
