import { ExtractionError } from '@app/extraction';
import { makePdf, makePdfWithoutText } from '../../../../test/factories/pdf.factory';
import { isPdf, readPdfText } from './pdf-text.reader';

describe('PDF text', () => {
  it('gives back the lines, German characters and paragraph breaks of every page', async () => {
    const pdf = makePdf([
      [
        'Bekanntmachung der Entscheidungen',
        '',
        'Der IT-Planungsrat bittet „Bremen“ – bis zur 34. Sitzung –',
        'um Prüfung für Länder und Behörden (ß).',
      ],
      ['Zweite Seite'],
    ]);
    expect(isPdf(pdf)).toBe(true);
    const text = await readPdfText(pdf);
    expect(text.split('\n')).toEqual([
      'Bekanntmachung der Entscheidungen',
      '',
      'Der IT-Planungsrat bittet „Bremen“ – bis zur 34. Sitzung –',
      'um Prüfung für Länder und Behörden (ß).',
      '',
      'Zweite Seite',
    ]);
  });

  it('says when a PDF has no text layer', async () => {
    await expect(readPdfText(makePdfWithoutText())).rejects.toMatchObject({
      code: 'no-text',
      message: expect.stringContaining('no text layer'),
    });
  });

  it('says when a PDF cannot be read, without a raw pdfjs exception', async () => {
    const broken = Buffer.from('%PDF-1.4\nthis is not a pdf at all\n');
    const error = await readPdfText(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractionError);
    expect(error).toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/^the PDF cannot be read/),
    });
    expect(isPdf(Buffer.from('plain text'))).toBe(false);
  });
});
