import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from './extract';
import { loadCalendar, loadRegistry, ROOT } from '../../../test/support/seed-data';

/**
 * Hand-written fixtures (test/fixtures/extraction): every phrasing and deadline family, the
 * three input shapes. Each expected file fixes the meeting, the resolutions' fields it names,
 * and the full list of mandates in document order.
 */
const dir = join(ROOT, 'test', 'fixtures', 'extraction');
const registry = loadRegistry();
const calendar = loadCalendar();
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''));

describe.each(names)('fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
  let result: ReturnType<typeof extract>;
  beforeAll(() => {
    result = extract(text, { registry, calendar, meeting: expected.options?.meeting });
  });

  it('reads the meeting', () => {
    expect(result.meeting).toEqual(expected.meeting);
  });

  it('reads the resolutions', () => {
    const got = result.resolutions.map((r, i) => {
      const want = expected.resolutions[i] ?? {};
      const picked: Record<string, unknown> = {};
      for (const key of Object.keys(want)) {
        picked[key] = key === 'points' ? r.points.length : (r as unknown as Record<string, unknown>)[key];
      }
      return picked;
    });
    expect(got).toEqual(expected.resolutions);
  });

  it('finds every mandate with owners, partners, deadline and source', () => {
    const got = result.mandates.map((m) => ({
      resolution: m.resolution,
      point: m.point,
      owners: m.owners,
      partners: m.partners,
      due: m.due,
      source: m.source,
    }));
    expect(got).toEqual(expected.mandates);
  });
});
