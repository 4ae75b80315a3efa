import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePdf } from './pdf.factory';

/**
 * Writes the PDF fixtures in test/fixtures/extraction from their text twins, each with a copy of
 * the twin's expected JSON: the same document as a PDF must give the same mandates. Run it again
 * after changing a twin or the PDF factory, and commit what it writes:
 *
 *   node -r @swc-node/register test/factories/write-pdf-fixtures.ts
 */
export const PDF_FIXTURES: ReadonlyArray<{ pdf: string; twin: string; kind: string }> = [
  { pdf: '27-web-decision-pdf', twin: '10-web-decision-numbered-wrapped', kind: 'decision' },
  { pdf: '28-announcement-pdf', twin: '19-announcement-three-decisions', kind: 'announcement' },
];

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'extraction');

/** The twin's lines as makePdf takes them: one page, a blank line where the text has one. */
export function twinLines(twin: string, dir = FIXTURE_DIR): string[] {
  return readFileSync(join(dir, `${twin}.txt`), 'utf8')
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n');
}

export function writePdfFixtures(dir = FIXTURE_DIR): string[] {
  const written: string[] = [];
  for (const { pdf, twin, kind } of PDF_FIXTURES) {
    writeFileSync(join(dir, `${pdf}.pdf`), makePdf([twinLines(twin, dir)]));
    // Only the description changes; the rest stays byte for byte the twin's, layout included.
    const expected = readFileSync(join(dir, `${twin}.expected.json`), 'utf8');
    const { description } = JSON.parse(expected) as { description: string };
    const note = `The same ${kind} as ${twin}.txt, as a PDF (test/factories/write-pdf-fixtures.ts). ${description}`;
    const copy = expected.replace(JSON.stringify(description), () => JSON.stringify(note));
    if (copy === expected)
      throw new Error(`${twin}.expected.json: description not found as written`);
    writeFileSync(join(dir, `${pdf}.expected.json`), copy);
    written.push(`${pdf}.pdf`, `${pdf}.expected.json`);
  }
  return written;
}

if (require.main === module) console.log(writePdfFixtures().join('\n'));
