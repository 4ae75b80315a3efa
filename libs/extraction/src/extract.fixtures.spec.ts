import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from './extract';
import type { Extraction } from './extraction.types';
import { loadCalendar, loadRegistry } from '../../../test/support/seed-data';
import {
  expectedFor,
  FIXTURE_DIR,
  fixtureNames,
  mandatesAsExpected,
  resolutionsAsExpected,
} from '../../../test/support/extraction-fixtures';

/**
 * Hand-written fixtures: every phrasing and deadline family, the three input shapes. Each
 * expected file fixes the meeting, the resolution fields it names, and all mandates in order.
 */
const registry = loadRegistry();
const calendar = loadCalendar();

describe.each(fixtureNames('.txt'))('fixture %s', (name) => {
  const expected = expectedFor(name);
  let result: Extraction;
  beforeAll(() => {
    const text = readFileSync(join(FIXTURE_DIR, `${name}.txt`), 'utf8');
    result = extract(text, { registry, calendar, meeting: expected.options?.meeting });
  });

  it('reads the meeting', () => expect(result.meeting).toEqual(expected.meeting));
  it('reads the resolutions', () =>
    expect(resolutionsAsExpected(result, expected)).toEqual(expected.resolutions));
  it('finds every mandate with owners, partners, deadline and source', () =>
    expect(mandatesAsExpected(result)).toEqual(expected.mandates));
});
