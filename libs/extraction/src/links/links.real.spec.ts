import {
  findRealLinks,
  readGoldLinks,
  realExtractions,
  scoreLinks,
} from '../../../../test/support/real-links';

/**
 * The links of the real development set (test/fixtures/links/links.gold.json): labelled by hand,
 * from reading the texts, before the finder was written against them (LABELLING.md). A link
 * counts where the pair of decisions and the kind agree. The texts are read over the chronology:
 * in session order, each offered only the mandates of the texts before it, as the ingest does.
 * Reached: precision 0.97, recall 0.91 (32 pairs).
 */
describe('links between the real development set’s decisions against the hand-made labels', () => {
  const gold = readGoldLinks();
  const score = scoreLinks(findRealLinks(realExtractions()), gold);

  it('has at least 20 labelled pairs', () => {
    expect(score.gold).toBeGreaterThanOrEqual(20);
  });

  it('precision of link and kind >= 0.95', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('recall of link and kind >= 0.9', () => {
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds every explicit reference between decisions of the set', () => {
    const keys = new Set(
      findRealLinks(realExtractions()).map((l) => `${l.file}|${l.from}|${l.to}`),
    );
    const missed = gold
      .filter((g) => g.explicit && g.inSet)
      .filter((g) => !keys.has(`${g.file}|${g.from}|${g.to}`));
    expect(missed).toEqual([]);
  });
});
