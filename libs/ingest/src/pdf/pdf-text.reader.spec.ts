import { ExtractionError } from '@app/extraction';
import {
  makePdf,
  makePdfFromContent,
  makePdfWithoutText,
} from '../../../../test/factories/pdf.factory';
import { isPdf, readPdfText } from './pdf-text.reader';

// The first test loads pdfjs-dist through Jest's transform: seconds on a loaded machine.
jest.setTimeout(30_000);

async function failure(data: Uint8Array): Promise<ExtractionError> {
  const error = await readPdfText(data).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

describe('readPdfText', () => {
  it('gives back lines, German characters, paragraph breaks and pages', async () => {
    const first = [
      'Bekanntmachung der Entscheidungen des IT-Planungsrats',
      '',
      'Der IT-Planungsrat bittet „Bremen“ – bis zur 34. Sitzung –',
      'um Prüfung für Länder und Behörden (Maßnahme), Kosten 5 € je Fall.',
      'ÄRGER, ÖFFNUNG, ÜBERSICHT: großgeschrieben; ä ö ü ß.',
      '',
      '',
      'Zwei Leerzeilen ergeben einen Absatz wie eine.',
    ];
    const second = ['Zweite Seite', 'mit zwei Zeilen'];
    const text = await readPdfText(makePdf([first, second]));
    expect(text.split('\n')).toEqual([
      ...first.slice(0, 6),
      'Zwei Leerzeilen ergeben einen Absatz wie eine.',
      '',
      ...second,
    ]);
  });

  it('sees a paragraph break where every paragraph is a single line', async () => {
    const lines = ['Erster Absatz', '', 'Zweiter Absatz', '', 'Dritter Absatz'];
    expect((await readPdfText(makePdf([lines]))).split('\n')).toEqual(lines);
  });

  it('joins pieces on one baseline left to right, without breaking words', async () => {
    const pdf = makePdfFromContent([
      [
        'BT /F1 12 Tf 300 700 Td (rechts) Tj ET',
        'BT /F1 12 Tf 40 700 Td (links und) Tj ET',
        'BT /F1 12 Tf 40 686 Td (Digitalisierungs) Tj /F1 10 Tf (strategie) Tj ET',
      ].join('\n'),
    ]);
    expect(await readPdfText(pdf)).toBe('links und rechts\nDigitalisierungsstrategie');
  });

  it('refuses a PDF with more pages than maxPages, and reads one with as many', async () => {
    const pdf = makePdf([['eins'], ['zwei'], ['drei']]);
    const error = await readPdfText(pdf, { maxPages: 2 }).then(
      () => undefined,
      (e: unknown) => e as ExtractionError,
    );
    expect(error?.code).toBe('too-many-pages');
    expect(error?.message).toMatch(/^das PDF hat 3 Seiten; gelesen werden höchstens 2/);
    expect(await readPdfText(pdf, { maxPages: 3 })).toBe('eins\n\nzwei\n\ndrei');
  });

  it('leaves out empty pages without adding blank lines', async () => {
    const text = await readPdfText(makePdf([['Seite eins'], [], ['Seite drei']]));
    expect(text).toBe('Seite eins\n\nSeite drei');
  });

  it('leaves the caller’s buffer as it was', async () => {
    const pdf = makePdf([['Text']]);
    const copy = Buffer.from(pdf);
    await readPdfText(pdf);
    expect(pdf.equals(copy)).toBe(true);
  });

  it('says a PDF without a text layer needs OCR', async () => {
    const error = await failure(makePdfWithoutText());
    expect(error.code).toBe('no-text');
    expect(error.message).toBe(
      'das PDF enthält keinen Text (ein Scan?); lassen Sie es erst durch eine Texterkennung (OCR) laufen oder geben Sie den Text',
    );
  });

  it('says a damaged PDF cannot be read, without pdfjs’ own exception', async () => {
    const error = await failure(Buffer.from('%PDF-1.4\nthis is not a pdf at all\n'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toMatch(/^das PDF kann nicht gelesen werden \(.+\)$/);
  });

  it('says a PDF cut short cannot be read', async () => {
    const pdf = makePdf([['Ein Beschluss']]);
    const error = await failure(pdf.subarray(0, 120));
    expect(error.code).toBe('unreadable');
  });

  it('says a password-protected PDF cannot be read', async () => {
    // A standard security handler whose check value no empty user password matches.
    const locked = Buffer.from(
      makePdf([['Vertraulich']])
        .toString('latin1')
        .replace(
          '/Root 1 0 R >>',
          `/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <${'11'.repeat(32)}>` +
            ` /U <${'22'.repeat(32)}> >> /ID [<${'33'.repeat(16)}> <${'33'.repeat(16)}>] >>`,
        ),
      'latin1',
    );
    const error = await failure(locked);
    expect(error.code).toBe('unreadable');
    expect(error.message).toBe(
      'das PDF kann nicht gelesen werden (es ist mit einem Passwort geschützt)',
    );
  });
});

describe('isPdf', () => {
  it('knows a PDF by its %PDF- header', () => {
    expect(isPdf(makePdf([['Text']]))).toBe(true);
    expect(isPdf(new TextEncoder().encode('%PDF-1.7'))).toBe(true);
  });

  it('takes anything else for not a PDF', () => {
    expect(isPdf(Buffer.from('Beschluss 2021/09'))).toBe(false);
    expect(isPdf(Buffer.from('%PDF'))).toBe(false);
    expect(isPdf(Buffer.from(' %PDF-1.4'))).toBe(false);
    expect(isPdf(new Uint8Array())).toBe(false);
  });
});
