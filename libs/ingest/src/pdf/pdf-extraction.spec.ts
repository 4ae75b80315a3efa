import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, type Extraction } from '@app/extraction';
import { decisionTextFromBytes } from '../input/decision-text.reader';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';
import {
  expectedFor,
  FIXTURE_DIR,
  fixtureNames,
  mandatesAsExpected,
  resolutionsAsExpected,
} from '../../../../test/support/extraction-fixtures';

/** PDF fixtures go through the same text path and must give what their text twins give. */
describe.each(fixtureNames('.pdf'))('PDF fixture %s', (name) => {
  const expected = expectedFor(name);
  let result: Extraction;
  beforeAll(async () => {
    const text = await decisionTextFromBytes(
      `${name}.pdf`,
      readFileSync(join(FIXTURE_DIR, `${name}.pdf`)),
    );
    result = extract(text, {
      registry: loadRegistry(),
      calendar: loadCalendar(),
      meeting: expected.options?.meeting,
    });
  });

  it('reads the meeting', () => expect(result.meeting).toEqual(expected.meeting));
  it('reads the resolutions', () =>
    expect(resolutionsAsExpected(result, expected)).toEqual(expected.resolutions));
  it('finds every mandate', () => expect(mandatesAsExpected(result)).toEqual(expected.mandates));
});
