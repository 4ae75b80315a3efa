import { open, stat } from 'node:fs/promises';
import { checkText, ExtractionError } from '@app/extraction';
import { isHtml } from '../html/html-text.reader';
import { isPdf } from '../pdf/pdf-text.reader';
import type { DocumentKind } from '../sandbox/document.reader';
import { readInSandbox } from '../sandbox/sandboxed-read';
import { InputError } from './input.error';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits';
import { decodeText } from './text-decoding';

/** Largest file read: protocols are a few hundred KB, even as PDF. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A zip archive (a .docx is one). */
function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 3 && data[3] === 4;
}

/** An OLE compound file: Word 97-2003 (.doc) and other old Office formats. */
function isOldOffice(data: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => data[i] === byte);
}

/** What is read in the reading process (see sandboxed-read.ts); plain text needs no parser. */
export function documentKind(file: string, data: Uint8Array): DocumentKind | 'text' {
  if (isPdf(data)) return 'pdf';
  if (isZip(data)) return 'docx';
  if (isOldOffice(data)) {
    throw new InputError(
      file,
      'ältere Word-Dateien (.doc) werden nicht gelesen; speichern Sie die Datei in Word als .docx oder als PDF',
      undefined,
      'old-word',
    );
  }
  return isHtml(file, data) ? 'html' : 'text';
}

/**
 * Text of a decision document from its bytes: PDFs through their text layer, Word files (.docx)
 * and saved web pages (.html) through their structure, all three in a reading process held to
 * `limits`; text as UTF-8.
 */
export async function decisionTextFromBytes(
  file: string,
  data: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<string> {
  if (data.length > MAX_FILE_BYTES) {
    throw new InputError(
      file,
      `die Datei ist ${megabytes(data.length)} MB groß; die Grenze liegt bei ${megabytes(MAX_FILE_BYTES)} MB`,
      undefined,
      'too-large',
    );
  }
  if (data.length === 0) throw new InputError(file, 'die Datei ist leer', undefined, 'empty');
  try {
    const kind = documentKind(file, data);
    const text = kind === 'text' ? decodeText(data) : await readInSandbox(kind, data, limits);
    checkText(text);
    return text;
  } catch (error) {
    if (error instanceof ExtractionError)
      throw new InputError(file, error.message, error.line, error.code);
    throw error;
  }
}

/** Reads a file, refusing oversized ones before loading them. */
export async function readDecisionFile(
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError(file, 'das ist keine Datei');
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      file,
      'die Datei gibt es nicht oder sie kann nicht gelesen werden',
      undefined,
      'not-found',
    );
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError(
      file,
      `die Datei ist ${megabytes(size)} MB groß; die Grenze liegt bei ${megabytes(MAX_FILE_BYTES)} MB`,
      undefined,
      'too-large',
    );
  }
  const handle = await open(file, 'r');
  try {
    return await decisionTextFromBytes(file, await handle.readFile(), limits);
  } finally {
    await handle.close();
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
