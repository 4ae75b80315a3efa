import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from './extract';
import { ExtractionError } from './extraction.error';
import { loadCalendar, loadRegistry, ROOT } from '../../../test/support/seed-data';

const registry = loadRegistry();
const calendar = loadCalendar();
const sample = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');
const words = sample.split(/(\s+)/);

/** Runs the extractor; an ExtractionError is a clear answer, anything else is a bug. */
function attempt(text: string): string {
  try {
    return JSON.stringify(extract(text, { registry, calendar, meeting: 32 }));
  } catch (error) {
    if (error instanceof ExtractionError) return `error:${error.code}:${error.message}`;
    throw error;
  }
}

describe('extraction on arbitrary text', () => {
  it('never throws anything but an explained ExtractionError, and answers the same twice', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(attempt(text)).toBe(attempt(text));
      }),
      { numRuns: 300 },
    );
  });

  it('copes with protocol-like text: shuffled, cut and spliced pieces of the sample', () => {
    const piece = fc
      .tuple(fc.nat(words.length - 1), fc.integer({ min: 1, max: 400 }))
      .map(([start, length]) => words.slice(start, start + length).join(''));
    const noise = fc.constantFrom(
      'Beschluss 2020 / 99',
      '| TOP 99 |',
      '1. ',
      '2. ',
      ' bittet ',
      ' wird gebeten',
      'zur nächsten Sitzung',
      '„',
      '¹',
      '|',
      '\n\n',
      '<ol>',
      'Entscheidung:',
      'Protokollnotiz Bund:',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, noise), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(attempt(text)).toBe(attempt(text));
      }),
      { numRuns: 300 },
    );
  });

  it('says which problem a text has', () => {
    expect(attempt('')).toMatch(/^error:empty:/);
    expect(attempt('\u0000\u0001\u0002binary')).toMatch(/^error:binary:/);
    expect(attempt('Nur ein Brief ohne Beschlüsse.')).toMatch(/^error:no-decisions:/);
    expect(attempt('x'.repeat(6 * 1024 * 1024))).toMatch(/^error:too-large:/);
  });
});
