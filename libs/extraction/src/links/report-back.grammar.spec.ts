import { OwnerMatcher } from '../mandates/owner-matcher';
import { decisionAt as decision } from '../../../../test/factories/decision.factory';
import { loadRegistry } from '../../../../test/support/seed-data';
import type { ExtractedMandate, ExtractedResolution } from '../extraction.types';
import { decisionNumbers } from './decision-references';
import { findLinks, type EarlierMandate } from './link.finder';
import { classifyLink } from './link.kinds';
import { sameOwner } from './subject-words';

// Sentences written for this spec in the council's grammar (not taken from the development set):
// report-backs, decisions on what was due, partial lifting, owners named two ways.
const matcher = new OwnerMatcher(loadRegistry());
const asked = (
  resolution: string,
  point: number,
  owners: string[],
  source: string,
  meeting?: number,
): ExtractedMandate => ({
  resolution,
  point,
  owners,
  partners: [],
  action: source,
  due: meeting ? { kind: 'meeting', meeting } : { kind: 'none' },
  dueText: '',
  source,
  line: 10 + point - 1,
  basis: 'request',
  basisText: 'bittet',
  uncertain: [],
  newOwners: [],
});
const earlier: EarlierMandate[] = [
  // Point 1 of the same decision, owed by another member and never due: lifting or answering
  // point 2 leaves it alone.
  {
    key: 1,
    title: 'Registermodernisierung der Behörden',
    resolution: '2020/10',
    point: 1,
    meeting: 32,
    owners: ['NI'],
    due: { kind: 'none' },
    action: 'die Register der Kommunen erfassen',
    source: 'Niedersachsen wird gebeten, die Register der Kommunen zu erfassen.',
  },
  {
    key: 2,
    resolution: '2020/10',
    point: 2,
    owners: ['HB'],
    action: 'einen Vorschlag für ein Programm zur Registermodernisierung der Behörden vorlegen',
    source:
      'Der IT-Planungsrat bittet Bremen, bis zur 33. Sitzung einen Vorschlag für ein Programm zur Registermodernisierung der Behörden vorzulegen.',
    due: { kind: 'meeting', meeting: 33 },
    meeting: 32,
    title: 'Registermodernisierung der Behörden',
  },
  {
    key: 3,
    resolution: '2013/40',
    point: 1,
    owners: ['Arbeitsgruppe Initiative Föderale Zusammenarbeit (AFZ)'],
    action: 'ein Konzept für eine gemeinsame Einrichtung der Zusammenarbeit vorlegen',
    source:
      'Der IT-Planungsrat bittet die Arbeitsgruppe bis zur 14. Sitzung ein Konzept für eine gemeinsame Einrichtung vorzulegen.',
    due: { kind: 'meeting', meeting: 14 },
    meeting: 13,
    title: 'Initiative Föderale Zusammenarbeit',
  },
  {
    key: 4,
    resolution: '2019/44',
    point: 3,
    owners: ['Vorsitz'],
    action: 'die Fachministerkonferenzen über die geplante Vorgehensweise informieren',
    source:
      'Der IT-Planungsrat bittet den Vorsitzenden, die Fachministerkonferenzen über die geplante Vorgehensweise zu informieren und um Benennung geeigneter Ansprechpartner auf Arbeitsebene zu bitten.',
    due: { kind: 'none' },
    meeting: 30,
    title: 'Eckpunkte der Portalverbindung',
  },
];
const find = (r: ExtractedResolution, mandates: ExtractedMandate[] = []) =>
  findLinks([r], earlier, { matcher, mandates });

describe('what a later decision does to an earlier one, by its words', () => {
  const kind = (sentence: string) => classifyLink(sentence, decisionNumbers(sentence)[0]).kind;

  it.each([
    ['Der IT-Planungsrat ändert seinen Beschluss 2019/44 wie folgt: Ziffer 2 entfällt.'],
    ['Die Änderung des Beschlusses 2019/44 tritt am 1. Juli in Kraft.'],
    ['Der IT-Planungsrat hebt die Ziffer 2 des Beschlusses 2020/10 auf.'],
  ])('%s -> supersedes (words that begin with an umlaut are read)', (sentence) => {
    expect(kind(sentence)).toBe('supersedes');
  });

  it('reads a municipal council’s numbers (year, kind of paper, number)', () => {
    expect(
      decisionNumbers('bereits gefasste Beschlüsse: Nr. 2021/AN/2300').map((r) => r.id),
    ).toEqual(['2021/AN/2300']);
  });
});

describe('report-backs and decisions named by number', () => {
  it('lifting one point of a decision concerns only that point’s mandates', () => {
    const [link] = find(
      decision('2020/40', 35, [
        'Der IT-Planungsrat hebt die Ziffer 2 des Beschlusses 2020/10 auf.',
      ]),
    );
    expect(link).toEqual(
      expect.objectContaining({ to: '2020/10', kind: 'supersedes', mandates: [2] }),
    );
  });

  it('a decision that only names an earlier one fulfils what it asked for this session, on the same subject', () => {
    const sentence =
      'Der IT-Planungsrat beschließt auf Grundlage des Beschlusses 2020/10 das Programm zur Registermodernisierung der Behörden.';
    expect(find(decision('2020/30', 33, [sentence]))).toEqual([
      expect.objectContaining({ to: '2020/10', kind: 'fulfils', mandates: [2] }),
    ]);
    // A session later nothing of 2020/10 was due: it is only named.
    expect(find(decision('2020/50', 34, [sentence]))).toEqual([
      expect.objectContaining({ to: '2020/10', kind: 'references' }),
    ]);
  });
});

describe('report-backs without a number', () => {
  it('a decision on what was due at this session answers it, without a named owner', () => {
    const point =
      'Der IT-Planungsrat beschließt das Programm zur Registermodernisierung der Behörden.';
    expect(find(decision('2020/30', 33, [point]))).toEqual([
      expect.objectContaining({ to: '2020/10', kind: 'fulfils', mandates: [2], explicit: false }),
    ]);
    // Not due here, and no report taken note of: no link.
    expect(find(decision('2020/50', 34, [point]))).toEqual([]);
  });

  it('knows an owner named two ways, and a late interim report with a new deadline extends the task', () => {
    const later = decision(
      '2014/30',
      15,
      [
        'Der IT-Planungsrat nimmt den Bericht der Arbeitsgruppe "Föderale Zusammenarbeit" zur Kenntnis.',
        'Der IT-Planungsrat bittet die Arbeitsgruppe zu seiner 16. Sitzung einen Organisationsvorschlag zu entwickeln.',
      ],
      'Föderale Zusammenarbeit',
    );
    const again = asked(
      '2014/30',
      2,
      ['Arbeitsgruppe Föderale Zusammenarbeit'],
      'Der IT-Planungsrat bittet die Arbeitsgruppe zu seiner 16. Sitzung einen Organisationsvorschlag zu entwickeln.',
      16,
    );
    expect(find(later, [again])).toEqual([
      expect.objectContaining({ to: '2013/40', kind: 'extends', mandates: [3] }),
    ]);
    // On time and nothing asked again: the report fulfils it.
    const onTime = decision('2014/02', 14, [later.points[0].text], 'Föderale Zusammenarbeit');
    expect(find(onTime)).toEqual([expect.objectContaining({ to: '2013/40', kind: 'fulfils' })]);
  });

  it('does not take the same boilerplate request under another subject as the task going on', () => {
    const request = asked('2021/07', 4, ['Vorsitz'], earlier[3].source);
    expect(
      find(decision('2021/07', 34, [earlier[3].source], 'Registermodernisierung'), [request]),
    ).toEqual([]);
    expect(
      find(decision('2021/07', 34, [earlier[3].source], 'Portalverbindung'), [request]),
    ).toEqual([expect.objectContaining({ to: '2019/44', kind: 'extends' })]);
  });

  it('gives its reasons in German, with the subject words as the text writes them', () => {
    const links = [
      ...find(
        decision('2020/30', 33, [
          'Der IT-Planungsrat beschließt das Programm zur Registermodernisierung der Behörden.',
        ]),
      ),
      ...find(
        decision('2020/31', 33, [
          'Der IT-Planungsrat beschließt auf Grundlage des Beschlusses 2020/10 das Programm zur Registermodernisierung der Behörden.',
        ]),
      ),
      ...find(
        decision('2020/40', 35, [
          'Der IT-Planungsrat hebt die Ziffer 2 des Beschlusses 2020/10 auf.',
        ]),
      ),
      ...find(
        decision('2020/41', 35, ['Der IT-Planungsrat erinnert an seinen Beschluss 2020/10.']),
      ),
    ];
    expect(links).toHaveLength(4);
    for (const { reason } of links) {
      expect(reason).not.toMatch(
        /\b(?:the|of|names|decision|named|asks|same|subject|point|without)\b/,
      );
      expect(reason).toMatch(/\.$/);
    }
    expect(links[0].reason).toContain('„Registermodernisierung“');
    expect(links[0].reason).not.toMatch(/\bregister\b/);
  });
});

describe('the same owner named two ways', () => {
  it.each([
    ['AG FITKO', 'Arbeitsgruppe FITKO', true],
    [
      'Arbeitsgruppe Föderale Zusammenarbeit',
      'Arbeitsgruppe Initiative Föderale Zusammenarbeit (AFZ)',
      true,
    ],
    ['Aufbaustab', 'Aufbaustab Föderale Zusammenarbeit', true],
    ['Arbeitsgruppe Cloud Computing', 'Arbeitsgruppe Informationssicherheit', false],
    ['Arbeitsgruppe', 'Arbeitsgruppe Informationssicherheit', false],
    ['HB', 'Bund', false],
  ])('%s / %s -> %s', (a, b, same) => {
    expect(sameOwner(a, b)).toBe(same);
  });
});
