import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extraction } from '@app/extraction';
import { ROOT } from './seed-data';

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
