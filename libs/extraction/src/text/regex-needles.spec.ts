import { needlesOf } from './regex-needles';

describe('needlesOf: the words a pattern cannot match without', () => {
  it.each<[RegExp, string[] | undefined]>([
    [/sitzung/, ['sitzung']],
    [/(?:frühjahrs|frühlings|sommer|herbst|winter)sitzung/, ['sitzung']],
    [/\d\.\s*(?:[a-zäöüß]+\s+|it-planungsrats?-?|it-plr-)?sitzung/, ['sitzung']],
    [
      /jahresende|(?:ende|ablauf)\s+des\s+jahres|(?:dieses|laufenden)\s+jahr/,
      ['jahresende', 'jahres', 'jahr'],
    ],
    [/binnen|innerhalb|nach\s+der/, ['binnen', 'innerhalb', 'nach']],
    // an alternative without three plain letters: no needles at all
    [/bis|ab\s+\d/, undefined],
    [/\d{4}\s*(?:,|und)\s*\d/, undefined],
    // escapes, classes and optional letters are no needles
    [/\p{Lu}\u00a0abc[xyz]+/u, ['abc']],
    [/kommenden?\s+jahr/, ['kommende']],
    [/q[1-4]/, undefined],
  ])('%s', (pattern, needles) => {
    expect(needlesOf(pattern)).toEqual(needles);
  });

  it('never rules out a text the pattern matches', () => {
    const patterns = [
      /(?:nächsten|kommenden)\s+(?:[a-zäöüß]+\s+)?sitzung/,
      /jahresende|(?:ende|ablauf)\s+des\s+jahres|(?:dieses|laufenden|diesem)\s+(?:kalender)?jahr/,
      /kommenden?\s+jahr/,
    ];
    const texts = [
      'bis zur nächsten ordentlichen sitzung',
      'bis ende des jahres',
      'im laufenden jahr',
      'im kommende jahr',
      'zum jahresende',
    ];
    for (const pattern of patterns)
      for (const text of texts)
        if (pattern.test(text))
          expect((needlesOf(pattern) ?? ['']).some((n) => text.includes(n))).toBe(true);
  });
});
