import { open, stat } from 'node:fs/promises';
import { checkText, ExtractionError } from '@app/extraction';
import { isPdf, readPdfText } from '../pdf/pdf-text.reader';
import { InputError } from './input.error';

/** Largest file read: protocols are a few hundred KB, even as PDF. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Text of a decision document from its bytes: PDFs through their text layer, text as UTF-8. */
export async function decisionTextFromBytes(file: string, data: Uint8Array): Promise<string> {
  if (data.length > MAX_FILE_BYTES) {
    throw new InputError(
      file,
      `the file is ${megabytes(data.length)} MB; the limit is ${megabytes(MAX_FILE_BYTES)} MB`,
      undefined,
      'too-large',
    );
  }
  if (data.length === 0) throw new InputError(file, 'the file is empty', undefined, 'empty');
  try {
    const text = isPdf(data) ? await readPdfText(data) : decodeText(data);
    checkText(text);
    return text;
  } catch (error) {
    if (error instanceof ExtractionError)
      throw new InputError(file, error.message, error.line, error.code);
    throw error;
  }
}

/** Reads a file, refusing oversized ones before loading them. */
export async function readDecisionFile(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError(file, 'not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, 'file not found or not readable', undefined, 'not-found');
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError(
      file,
      `the file is ${megabytes(size)} MB; the limit is ${megabytes(MAX_FILE_BYTES)} MB`,
      undefined,
      'too-large',
    );
  }
  const handle = await open(file, 'r');
  try {
    return await decisionTextFromBytes(file, await handle.readFile());
  } finally {
    await handle.close();
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

/** UTF-8 as published today; older exports in Windows-1252 still read correctly. */
function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\ufeff/, '');
  } catch {
    if (data.includes(0)) return '\u0000';
    return new TextDecoder('windows-1252').decode(data);
  }
}
