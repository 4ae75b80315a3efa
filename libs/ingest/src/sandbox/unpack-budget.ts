import { createInflate, createInflateRaw, constants } from 'node:zlib';
import { ExtractionError } from '@app/extraction';

/**
 * Counts what the compressed parts of a file unpack to, before any parser unpacks them, so a
 * small file that inflates to gigabytes is refused by its size instead of by exhausted memory.
 * The output is counted chunk by chunk and dropped, so counting costs little memory, and stops
 * as soon as the budget is spent.
 */
export class UnpackBudget {
  private used = 0;

  constructor(private readonly limit: number) {}

  get unpacked(): number {
    return this.used;
  }

  /** Adds bytes stored without compression. */
  addStored(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) throw this.exceeded();
  }

  /**
   * Inflates `data` (zlib, or raw deflate as in a zip), counting the output. Damaged data counts
   * up to where it breaks, as the parsers would read it.
   */
  async addDeflated(data: Uint8Array, raw = false): Promise<void> {
    const options = { finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 1024 * 1024 };
    const inflate = raw ? createInflateRaw(options) : createInflate(options);
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (error?: Error) => {
        if (done) return;
        done = true;
        if (error) reject(error);
        else resolve();
      };
      inflate.on('data', (chunk: Buffer) => {
        this.used += chunk.length;
        if (this.used > this.limit) {
          inflate.destroy();
          finish(this.exceeded());
        }
      });
      inflate.on('error', () => finish());
      inflate.on('end', () => finish());
      inflate.on('close', () => finish());
      inflate.end(data);
    });
  }

  private exceeded(): ExtractionError {
    return new ExtractionError(
      'unpacks-too-large',
      `die Datei entpackt sich auf mehr als ${Math.round(this.limit / 1024 / 1024)} MB (Grenze READ_MAX_UNPACKED_MB); so groß ist kein Beschlusstext, die Datei wurde nicht gelesen`,
    );
  }
}

const STREAM = /stream(?:\r\n|\n|\r)/g;
const ENDSTREAM = Buffer.from('endstream', 'latin1');

/**
 * Counts every Flate-compressed stream of a PDF against the budget. Streams are found by their
 * keywords, as a damaged file's would be by pdfjs' repair, and each is inflated up to its
 * `endstream`; other filters are left to the memory and time limits of the reading process.
 */
export async function countPdfStreams(data: Uint8Array, budget: UnpackBudget): Promise<void> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const text = bytes.toString('latin1');
  STREAM.lastIndex = 0;
  for (let match = STREAM.exec(text); match; match = STREAM.exec(text)) {
    const at = match.index;
    const dictionary = text.slice(Math.max(0, at - 2048), at);
    // A stream keyword follows its dictionary's closing ">>"; "endstream" and text do not.
    if (!/>>\s*$/.test(dictionary)) continue;
    const start = at + match[0].length;
    const end = bytes.indexOf(ENDSTREAM, start);
    const stop = end < 0 ? bytes.length : end;
    const ownDictionary = dictionary.slice(dictionary.lastIndexOf(' obj') + 1);
    if (/\/(FlateDecode|Fl)\b/.test(ownDictionary)) {
      await budget.addDeflated(bytes.subarray(start, stop));
    }
    STREAM.lastIndex = stop;
  }
}

/** The parts of a zip (a .docx) as its central directory lists them. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ZIP_ENTRIES = 5000;

function unreadableZip(reason: string): ExtractionError {
  return new ExtractionError(
    'unreadable',
    `die Word-Datei kann nicht gelesen werden (${reason}); speichern Sie sie neu als .docx oder geben Sie den Text`,
  );
}

/** Lists a zip's entries from its central directory (no ZIP64: a .docx of a decision is small). */
export function zipEntries(data: Uint8Array): ZipEntry[] {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadableZip('kein gültiges Zip-Archiv');
  const count = bytes.readUInt16LE(eocd + 10);
  if (count > MAX_ZIP_ENTRIES) throw unreadableZip(`${count} Teile`);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw unreadableZip('Inhaltsverzeichnis beschädigt');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Counts what every part of a zip really unpacks to (declared sizes can lie). */
export async function countZipEntries(data: Uint8Array, budget: UnpackBudget): Promise<void> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (const entry of zipEntries(data)) {
    const at = entry.offset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL)
      throw unreadableZip(`Teil ${entry.name} fehlt`);
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const body = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
    if (entry.method === 0) budget.addStored(body.length);
    else if (entry.method === 8) await budget.addDeflated(body, true);
    else throw unreadableZip(`Teil ${entry.name} ist mit einem unbekannten Verfahren gepackt`);
  }
}
