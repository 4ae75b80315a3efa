import { extract } from './extract';
import { ExtractionError } from './extraction.error';
import { loadCalendar, loadRegistry } from '../../../test/support/seed-data';
import { readReal, realNames, scoreRealSet } from '../../../test/support/real-set';

/**
 * The real development set (test/fixtures/real): 50 texts as found, labelled by hand before the
 * extractor was changed for them (LABELLING.md), scored with the rules of score-extraction.py.
 * Only this directory is read: the held-out texts (test/fixtures/held-out) stay unseen here.
 */
describe('extraction of the real development set against its hand-made labels', () => {
  const result = scoreRealSet();

  it('refuses no text of the set', () => {
    expect(
      result.rows.filter((row) => row.error).map((row) => `${row.name}: ${row.error}`),
    ).toEqual([]);
  });

  it('finds the mandates: micro-averaged F1 >= 0.95', () => {
    expect(result.totals.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('names their owners: >= 0.95 of all gold mandates', () => {
    expect(result.totals.owners).toBeGreaterThanOrEqual(0.95);
  });

  it('reads their deadlines: >= 0.95 of all gold mandates', () => {
    expect(result.totals.due).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves few errors unflagged: silent error rate <= 0.05 of the gold mandates', () => {
    expect(result.totals.silent).toBeLessThanOrEqual(0.05);
  });

  it('keeps the flag meaningful: flagged readings <= 0.25 of the mandates found', () => {
    expect(result.totals.flagged).toBeLessThanOrEqual(0.25);
  });

  it('scores every gold mandate of the set', () => {
    const gold = realNames().reduce(
      (n, name) => n + (readReal(name).gold.mandates as unknown[]).length,
      0,
    );
    expect(result.totals.gold).toBe(gold);
    expect(gold).toBeGreaterThan(90);
  });
});

describe('texts with no decision at all', () => {
  const options = { registry: loadRegistry(), calendar: loadCalendar() };
  it.each([
    [
      'a news page without a decision',
      'https://example.org/news\nDer IT-Planungsrat tagte heute in Berlin.\nEs gab Kaffee und Kuchen.',
    ],
    ['navigation text only', 'Startseite\nSuchergebnis\nTeilen\n========\nImpressum'],
  ])('%s gets the clear error', (_what, text) => {
    expect(() => extract(text, options)).toThrow(ExtractionError);
    expect(() => extract(text, options)).toThrow(/im Text wurden keine Beschlüsse gefunden/);
  });
});
