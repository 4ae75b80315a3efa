import { ExtractionError } from '@app/extraction';
import { htmlText } from '../html/html-text.reader';
import { decodeText } from '../input/text-decoding';
import type { ReadLimits } from '../input/read-limits';
import { readPdfText } from '../pdf/pdf-text.reader';
import { countPdfStreams, countZipEntries, UnpackBudget } from './unpack-budget';

/** The kinds of file read in the reading process; plain text is read where it arrives. */
export type DocumentKind = 'pdf' | 'docx' | 'html';

/**
 * The text of a PDF, Word file or HTML page, held to the limits that can be checked from inside:
 * unpacked bytes before parsing, and pages. Memory and time are held by whoever runs this (the
 * reading process in sandboxed-read.ts), since a parser stuck in one call cannot check them.
 */
export async function readDocument(
  kind: DocumentKind,
  data: Uint8Array,
  limits: ReadLimits,
): Promise<string> {
  const budget = new UnpackBudget(limits.maxUnpackedBytes);
  if (kind === 'pdf') {
    await countPdfStreams(data, budget);
    return readPdfText(data, { maxPages: limits.maxPages });
  }
  if (kind === 'docx') {
    await countZipEntries(data, budget);
    return htmlText(await wordAsHtml(data));
  }
  return htmlText(decodeText(data));
}

/**
 * A Word file as HTML (mammoth), so paragraphs, numbered and bulleted lists and table rows become
 * lines by the same rules as a saved web page.
 */
async function wordAsHtml(data: Uint8Array): Promise<string> {
  // Loaded here: only Word files need it, and every reading process starts afresh.
  const { convertToHtml } = await import('mammoth');
  try {
    const result = await convertToHtml({ buffer: Buffer.from(data) });
    return result.value;
  } catch {
    // mammoth's messages are English and for developers; the user needs to know what to do.
    throw new ExtractionError(
      'unreadable',
      'die Word-Datei kann nicht gelesen werden (beschädigt oder keine Word-Datei); speichern Sie sie neu als .docx oder geben Sie den Text',
    );
  }
}
