import { OwnerMatcher } from '../mandates/owner-matcher';
import { decisionAt as decision } from '../../../../test/factories/decision.factory';
import { loadRegistry } from '../../../../test/support/seed-data';
import type { ExtractedResolution } from '../extraction.types';
import { decisionNumbers, normaliseDecisionId } from './decision-references';
import { findLinks, type EarlierMandate } from './link.finder';
import { classifyLink } from './link.kinds';

// Sentences written for this spec in the council's grammar (not taken from the development set).
describe('decision numbers', () => {
  it.each([
    ['Der IT-Planungsrat ersetzt seinen Beschluss 2019/12.', ['2019/12']],
    ['gemäß Beschluss Nr. 2015/3 des IT-Planungsrats', ['2015/03']],
    ['die Beschlüsse 2019/50 und 2019/51 sowie 2020/02', ['2019/50', '2019/51', '2020/02']],
    ['(Beschluss 2022-06)', ['2022/06']],
    ['mit Entscheidung 2016/20 festgelegt', ['2016/20']],
    ['Umlaufbeschluss 2023/35 vom 10.10.2023', ['2023/35']],
    ['seines Beschlusses vom 17. März 2021 (2021/12)', ['2021/12']],
    ['IT-PLR-Beschluss 2020/40', ['2020/40']],
    ['Beschluss IT- | 2021/18 | HH', ['2021/18']],
  ])('%s', (text, ids) => {
    expect(decisionNumbers(text).map((r) => r.id)).toEqual(ids);
  });

  it.each([
    ['a date', 'am 2021-03-17 beschlossen'],
    ['another body', 'der Bundesratsbeschluss 2019/12'],
    ['a Drucksache', 'Drucksache 2020/45'],
    ['a year span', 'Beschluss für 2019/2020'],
    ['the AL-Runde’s own series', 'Beschluss 2025/06-AL'],
  ])('not %s', (_what, text) => {
    expect(decisionNumbers(text)).toEqual([]);
  });

  it('normalises numbers', () => {
    expect(normaliseDecisionId('2022-6')).toBe('2022/06');
    expect(normaliseDecisionId('2021 / 16')).toBe('2021/16');
    expect(normaliseDecisionId('2021-03-17 TOP 4')).toBe('2021-03-17 TOP 4');
  });
});

describe('the kind of a link', () => {
  const kind = (sentence: string) => classifyLink(sentence, decisionNumbers(sentence)[0]).kind;
  it.each([
    [
      'Der IT-Planungsrat nimmt den Bericht der FITKO zur Umsetzung des Beschlusses 2021/16 zur Kenntnis.',
      'fulfils',
    ],
    ['Der IT-Planungsrat billigt das mit Beschluss 2020/11 erbetene Konzept.', 'fulfils'],
    [
      'Der IT-Planungsrat bittet die FITKO, zu Beschluss 2021/16 bis zur 40. Sitzung erneut zu berichten.',
      'extends',
    ],
    [
      'Die mit Beschluss 2021/16 gesetzte Frist wird bis zum 31.12.2022 verlängert; die FITKO wird gebeten, dann zu berichten.',
      'extends',
    ],
    ['Der Bericht nach Beschluss 2019/40 ist bis spätestens 30.06.2023 vorzulegen.', 'extends'],
    [
      'Die FITKO wird gebeten, wie mit Beschluss 2019/02 vereinbart, auch künftig jährlich zu berichten.',
      'renews',
    ],
    ['Dieser Beschluss ersetzt den Beschluss 2018/41.', 'supersedes'],
    ['Der Beschluss 2017/12 wird aufgehoben.', 'supersedes'],
    ['Ziffer 2 des Beschlusses 2020/03 wird wie folgt geändert:', 'supersedes'],
    [
      'Das mit Beschluss 2016/20 festgelegte Budget steht künftig für andere Vorhaben zur Verfügung.',
      'supersedes',
    ],
    [
      'Auf Grundlage des Beschlusses 2021/23 bittet der IT-Planungsrat die Länder, bis zur 40. Sitzung zu berichten.',
      'references',
    ],
    ['Der IT-Planungsrat erinnert an seinen Beschluss 2019/12.', 'references'],
  ])('%s -> %s', (sentence, expected) => {
    expect(kind(sentence)).toBe(expected);
  });
});

describe('links without a number', () => {
  const matcher = new OwnerMatcher(loadRegistry());
  const earlier: EarlierMandate[] = [
    {
      key: 1,
      resolution: '2020/10',
      point: 2,
      owners: ['HB'],
      action: 'ein Konzept für die Registermodernisierung der Behörden vorlegen',
      source:
        'Der IT-Planungsrat bittet Bremen, bis zur 33. Sitzung ein Konzept für die Registermodernisierung der Behörden vorzulegen.',
      due: { kind: 'meeting', meeting: 33 },
      meeting: 32,
    },
    {
      key: 2,
      resolution: '2020/11',
      point: 1,
      owners: ['BY'],
      action: 'über die Verwaltungsdigitalisierung in Schulen berichten',
      source: 'Bayern wird gebeten, über die Verwaltungsdigitalisierung in Schulen zu berichten.',
      due: { kind: 'none' },
      meeting: 32,
    },
  ];
  const find = (r: ExtractedResolution) => findLinks([r], earlier, { matcher, mandates: [] });

  it('takes a report of the same owner on the same subject as fulfilling the earlier mandate', () => {
    const links = find(
      decision('2020/30', 33, [
        'Der IT-Planungsrat nimmt das Konzept Bremens zur Registermodernisierung der Behörden zur Kenntnis.',
      ]),
    );
    expect(links).toEqual([
      expect.objectContaining({ to: '2020/10', kind: 'fulfils', explicit: false, mandates: [1] }),
    ]);
  });

  it('does not link a report of another owner, nor one on another subject', () => {
    // Not even at the session Bremen's concept was due at.
    expect(
      find(
        decision('2020/30', 33, [
          'Der IT-Planungsrat nimmt den Bericht Hessens zur Registermodernisierung der Behörden zur Kenntnis.',
        ]),
      ),
    ).toEqual([]);
    // Without a named owner, what was due at this session on this subject is answered.
    expect(
      find(
        decision('2020/30', 33, [
          'Der IT-Planungsrat nimmt das vorgelegte Konzept zur Registermodernisierung der Behörden zur Kenntnis.',
        ]),
      ),
    ).toEqual([expect.objectContaining({ to: '2020/10', kind: 'fulfils' })]);
    expect(
      find(
        decision('2020/31', 34, [
          'Der IT-Planungsrat nimmt den Bericht Hessens zur Registermodernisierung der Behörden zur Kenntnis.',
        ]),
      ),
    ).toEqual([]);
    expect(
      find(
        decision('2020/32', 34, [
          'Der IT-Planungsrat nimmt den Bericht Bremens zum Breitbandausbau zur Kenntnis.',
        ]),
      ),
    ).toEqual([]);
  });

  it('never links to a later decision', () => {
    expect(
      find(
        decision('2019/40', 30, [
          'Der IT-Planungsrat nimmt das Konzept Bremens zur Registermodernisierung der Behörden zur Kenntnis.',
        ]),
      ),
    ).toEqual([]);
  });
});
