import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from './extract';
import { toContractJson } from './contract';
import { loadCalendar, loadRegistry, ROOT } from '../../../test/support/seed-data';
import { scoreExtraction } from '../../../test/support/score-extraction';

describe('extraction of the sample protocol (itplr-32) against its hand-made answer', () => {
  const text = readFileSync(join(ROOT, 'seeds', 'protocols', 'itplr-32.md'), 'utf8');
  const gold = JSON.parse(
    readFileSync(join(ROOT, 'test', 'fixtures', 'itplr-32.gold.json'), 'utf8'),
  );
  const result = toContractJson(
    extract(text, { registry: loadRegistry(), calendar: loadCalendar() }),
  );
  const score = scoreExtraction(gold, result);

  it('finds exactly the gold mandates, with their owners and deadlines', () => {
    expect(score.problems).toEqual([]);
    expect(score).toMatchObject({ precision: 1, recall: 1, f1: 1, owners: 1, due: 1 });
  });

  it('names every owner as the registry does (the scorer would accept a part of a name)', () => {
    const extraction = extract(text, { registry: loadRegistry(), calendar: loadCalendar() });
    expect(extraction.newOwners).toEqual([]);
  });

  it('reads every resolution: id, agenda item, vote and Grüne Liste', () => {
    expect(score.resolutions).toBe(1);
  });

  it('states the meeting as the protocol does', () => {
    expect(result).toMatchObject({
      body: 'IT-Planungsrat',
      meeting: { number: 32, documentDate: '2020-07-24' },
    });
  });
});
