import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePdf } from './pdf.factory';

/**
 * Writes the PDF fixtures (test/fixtures/extraction/NN-*.pdf) from their text twins: the same
 * decision as a PDF. After changing a twin, call writePdfFixtures(dir) once from a scratch test.
 */
export const PDF_FIXTURES: Array<[pdf: string, from: string]> = [
  ['27-web-decision-pdf', '10-web-decision-numbered-wrapped'],
  ['28-announcement-pdf', '19-announcement-three-decisions'],
];

export function writePdfFixtures(dir: string): void {
  for (const [pdf, from] of PDF_FIXTURES) {
    const lines = readFileSync(join(dir, `${from}.txt`), 'utf8')
      .replace(/\n$/, '')
      .split('\n');
    writeFileSync(join(dir, `${pdf}.pdf`), makePdf([lines]));
    const expected = JSON.parse(readFileSync(join(dir, `${from}.expected.json`), 'utf8'));
    expected.description = `The same as ${from}, as a PDF: ${expected.description}`;
    writeFileSync(join(dir, `${pdf}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
  }
}
