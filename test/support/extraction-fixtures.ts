import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, type Extraction } from '@app/extraction';
import { loadCalendar, loadRegistry, ROOT } from './seed-data';

/** The hand-written fixtures (test/fixtures/extraction): inputs and what a careful reader extracts. */
export const FIXTURE_DIR = join(ROOT, 'test', 'fixtures', 'extraction');

export interface ExpectedExtraction {
  description: string;
  options?: { meeting?: number };
  meeting: Extraction['meeting'];
  resolutions: Array<Record<string, unknown>>;
  mandates: Array<Record<string, unknown>>;
}

export function fixtureNames(extension: '.txt' | '.pdf'): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(extension))
    .map((f) => f.slice(0, -extension.length))
    .sort();
}

export function expectedFor(name: string): ExpectedExtraction {
  return JSON.parse(
    readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8'),
  ) as ExpectedExtraction;
}

/** The resolution fields an expected file names ("points" as a count). */
export function resolutionsAsExpected(
  result: Extraction,
  expected: ExpectedExtraction,
): Array<Record<string, unknown>> {
  return result.resolutions.map((r, i) => {
    const picked: Record<string, unknown> = {};
    for (const key of Object.keys(expected.resolutions[i] ?? {})) {
      picked[key] =
        key === 'points' ? r.points.length : (r as unknown as Record<string, unknown>)[key];
    }
    return picked;
  });
}

export function mandatesAsExpected(result: Extraction): Array<Record<string, unknown>> {
  return result.mandates.map((m) => ({
    resolution: m.resolution,
    point: m.point,
    owners: m.owners,
    partners: m.partners,
    due: m.due,
    source: m.source,
  }));
}

/**
 * A describe block per fixture of one kind (`title` names it, "%s" the fixture): the text `read`
 * gives for the fixture's file is extracted and must give the meeting, the resolutions and all
 * the mandates its expected file fixes.
 */
export function describeFixtures(
  title: string,
  extension: '.txt' | '.pdf',
  read: (file: string) => string | Promise<string>,
): void {
  const registry = loadRegistry();
  const calendar = loadCalendar();
  describe.each(fixtureNames(extension))(title, (name) => {
    const expected = expectedFor(name);
    let result: Extraction;
    beforeAll(async () => {
      const text = await read(join(FIXTURE_DIR, `${name}${extension}`));
      result = extract(text, { registry, calendar, meeting: expected.options?.meeting });
    });

    it('reads the meeting', () => expect(result.meeting).toEqual(expected.meeting));
    it('reads the resolutions', () =>
      expect(resolutionsAsExpected(result, expected)).toEqual(expected.resolutions));
    it('finds every mandate with owners, partners, deadline and source', () =>
      expect(mandatesAsExpected(result)).toEqual(expected.mandates));
  });
}
