import { scoreExtraction } from '../../../test/support/score-extraction';

/** The scorer's silent error count: errors nobody is warned of, by mandate, point or text. */
const gold = {
  resolutions: [{ id: '2021/99' }],
  mandates: [
    { resolution: '2021/99', point: 1, owners: ['HB'], due: { kind: 'meeting', meeting: 37 } },
    { resolution: '2021/99', point: 2, owners: ['HE'], due: { kind: 'none' } },
    { resolution: '2021/99', point: 3, owners: ['NI'], due: { kind: 'none' } },
  ],
};
const found = (extra: object = {}) => ({
  resolutions: [{ id: '2021/99' }],
  mandates: [
    // A wrong deadline; a missed point 2; point 3 right; an extra mandate at point 4.
    { resolution: '2021/99', point: 1, owners: ['HB'], due: { kind: 'meeting', meeting: 38 } },
    { resolution: '2021/99', point: 3, owners: ['NI'], due: { kind: 'none' } },
    { resolution: '2021/99', point: 4, owners: ['BE'], due: { kind: 'none' } },
  ],
  ...extra,
});

describe('silent errors', () => {
  it('counts a misreading, a miss and an extra mandate that carry no flag', () => {
    expect(scoreExtraction(gold, found()).counts).toMatchObject({
      silentGold: 2,
      silentExtra: 1,
      flagged: 0,
    });
  });

  it('counts none of them once the mandates, the point or the text are flagged', () => {
    const flagged = found();
    flagged.mandates[0] = { ...flagged.mandates[0], uncertain: ['deadline-unclear'] } as never;
    flagged.mandates[2] = { ...flagged.mandates[2], uncertain: ['owner-inferred'] } as never;
    const withMiss = { ...flagged, possibleMisses: [{ resolution: '2021/99', point: 2 }] };
    expect(scoreExtraction(gold, withMiss).counts).toMatchObject({
      silentGold: 0,
      silentExtra: 0,
      flagged: 2,
    });
    expect(scoreExtraction(gold, found({ shapeDoubt: 'Aufbau unbekannt.' })).counts).toMatchObject({
      silentGold: 0,
      silentExtra: 0,
    });
  });
});
