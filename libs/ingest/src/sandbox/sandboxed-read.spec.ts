import {
  inflationBombPdf,
  manyPagesPdf,
  slowContentPdf,
  zipBombDocx,
} from '../../../../test/factories/file-bomb.factory';
import { makePdf } from '../../../../test/factories/pdf.factory';
import { decisionTextFromBytes } from '../input/decision-text.reader';
import { InputError } from '../input/input.error';
import { DEFAULT_READ_LIMITS, MEGABYTE, type ReadLimits } from '../input/read-limits';

/** What reading gives: the text, or the refusal's code and message. */
async function read(file: string, data: Uint8Array, limits: Partial<ReadLimits> = {}) {
  const started = Date.now();
  const outcome = await decisionTextFromBytes(file, data, {
    ...DEFAULT_READ_LIMITS,
    ...limits,
  }).then(
    (text) => ({ text }),
    (error: unknown) => {
      if (!(error instanceof InputError)) throw error;
      return { code: error.code, message: error.message };
    },
  );
  return { ...outcome, seconds: (Date.now() - started) / 1000 };
}

describe('reading in a process of its own, held to limits', () => {
  it('reads a PDF within the limits as before', async () => {
    const result = await read(
      'gut.pdf',
      makePdf([['Beschluss 2021/07', 'Der IT-Planungsrat bittet']]),
    );
    expect(result).toMatchObject({ text: 'Beschluss 2021/07\nDer IT-Planungsrat bittet' });
  }, 30_000);

  it('stops a reader that takes longer than the time limit, naming the limit', async () => {
    const result = await read('langsam.pdf', slowContentPdf(), { timeoutMs: 2_000 });
    expect(result).toMatchObject({
      code: 'too-slow',
      message: expect.stringMatching(
        /^langsam\.pdf: das Lesen der Datei dauerte länger als 2 Sekunden \(Grenze READ_TIMEOUT_SECONDS\)/,
      ),
    });
    expect(result.seconds).toBeLessThan(15);
  }, 30_000);

  it('stops a reader that grows past the memory limit, naming the limit', async () => {
    // With the limit on unpacked bytes out of the way, pdfjs unpacks the 1 GB stream into memory.
    const result = await read('speicher.pdf', inflationBombPdf(), {
      maxUnpackedBytes: 4096 * MEGABYTE,
      maxMemoryBytes: 256 * MEGABYTE,
    });
    expect(result).toMatchObject({
      code: 'too-much-memory',
      message: expect.stringMatching(
        /^speicher\.pdf: das Lesen der Datei brauchte mehr als 256 MB Arbeitsspeicher \(Grenze READ_MAX_MEMORY_MB\)/,
      ),
    });
  }, 60_000);

  it('refuses a PDF with more pages than allowed', async () => {
    const result = await read('seiten.pdf', manyPagesPdf(30), { maxPages: 20 });
    expect(result).toMatchObject({
      code: 'too-many-pages',
      message:
        'seiten.pdf: das PDF hat 30 Seiten; gelesen werden höchstens 20 (Grenze READ_MAX_PAGES), die Protokolle des Rats haben wenige hundert',
    });
  }, 30_000);

  it('refuses a Word file whose parts unpack to more than allowed, before unpacking them', async () => {
    const result = await read('entpackt.docx', zipBombDocx());
    expect(result).toMatchObject({
      code: 'unpacks-too-large',
      message: expect.stringMatching(
        /^entpackt\.docx: die Datei entpackt sich auf mehr als 200 MB/,
      ),
    });
  }, 30_000);

  it('refuses a zip that is no Word file plainly, in German', async () => {
    // A zip holding one empty note.txt (python3's zipfile), no Word parts.
    const zip = Buffer.from(
      'UEsDBBQAAAAAAC0Nhl0AAAAAAAAAAAAAAAAIAAAAbm90ZS50eHRQSwECFAMUAAAAAAAtDYZdAAAAAAAAAAAAAAAACAAAAAAAAAAAAAAAgAEAAAAAbm90ZS50eHRQSwUGAAAAAAEAAQA2AAAAJgAAAAAA',
      'base64',
    );
    const result = await read('archiv.docx', zip);
    expect(result).toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(
        /^archiv\.docx: die Word-Datei kann nicht gelesen werden \(beschädigt oder keine Word-Datei\)/,
      ),
    });
  }, 30_000);

  it('refuses a damaged Word file plainly', async () => {
    const result = await read('kaputt.docx', Buffer.from('PK\u0003\u0004 und dann nichts mehr'));
    expect(result).toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/^kaputt\.docx: die Word-Datei kann nicht gelesen werden/),
    });
  }, 30_000);
});
