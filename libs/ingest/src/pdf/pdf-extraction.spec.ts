import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, type Extraction } from '@app/extraction';
import { readPdfText } from './pdf-text.reader';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';
import {
  expectedFor,
  FIXTURE_DIR,
  fixtureNames,
  mandatesAsExpected,
  resolutionsAsExpected,
} from '../../../../test/support/extraction-fixtures';
import { PDF_FIXTURES, twinLines } from '../../../../test/factories/write-pdf-fixtures';

/**
 * The committed PDF fixtures go through the PDF text layer and must give what their text twins
 * give: the same meeting, resolutions and mandates, and the twin's text line for line.
 */
const registry = loadRegistry();
const calendar = loadCalendar();

describe.each(fixtureNames('.pdf'))('PDF fixture %s', (name) => {
  const expected = expectedFor(name);
  let text: string;
  let result: Extraction;
  beforeAll(async () => {
    text = await readPdfText(readFileSync(join(FIXTURE_DIR, `${name}.pdf`)));
    result = extract(text, { registry, calendar, meeting: expected.options?.meeting });
  });

  it('reads the meeting', () => expect(result.meeting).toEqual(expected.meeting));
  it('reads the resolutions', () =>
    expect(resolutionsAsExpected(result, expected)).toEqual(expected.resolutions));
  it('finds every mandate with owners, partners, deadline and source', () =>
    expect(mandatesAsExpected(result)).toEqual(expected.mandates));
});

describe.each(PDF_FIXTURES)('PDF fixture $pdf', ({ pdf, twin }) => {
  it(`gives back the lines of ${twin}.txt`, async () => {
    const text = await readPdfText(readFileSync(join(FIXTURE_DIR, `${pdf}.pdf`)));
    expect(text.split('\n')).toEqual(twinLines(twin));
  });
});
