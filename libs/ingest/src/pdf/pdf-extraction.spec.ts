import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdfText } from './pdf-text.reader';
import { describeFixtures, FIXTURE_DIR } from '../../../../test/support/extraction-fixtures';
import { PDF_FIXTURES, twinLines } from '../../../../test/factories/write-pdf-fixtures';

/**
 * The committed PDF fixtures go through the PDF text layer and must give what their text twins
 * give: the same meeting, resolutions and mandates, and the twin's text line for line.
 */
describeFixtures('PDF fixture %s', '.pdf', (file) => readPdfText(readFileSync(file)));

describe.each(PDF_FIXTURES)('PDF fixture $pdf', ({ pdf, twin }) => {
  it(`gives back the lines of ${twin}.txt`, async () => {
    const text = await readPdfText(readFileSync(join(FIXTURE_DIR, `${pdf}.pdf`)));
    expect(text.split('\n')).toEqual(twinLines(twin));
  });
});
