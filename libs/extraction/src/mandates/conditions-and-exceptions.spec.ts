import type { Due } from '@app/domain';
import { extract } from '../extract';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * Forms found on first contact with probe round 13, on sentences written for these tests: a
 * proposal adopted by "wie Beschlussvorschlag", a condition's time, a group with exceptions, a
 * conference's meeting as a time, a determiner after a date, a body's name that does not run on
 * into what it did.
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };
const decision = (body: string) =>
  extract(
    `Entscheidung 2025/98 – Testentscheidung\n48. Sitzung des IT-Planungsrats am 26.11.2025\n\n${body}\n`,
    options,
  ).mandates.map((m) => ({ owners: m.owners, due: m.due }));

describe('a proposal adopted "wie Beschlussvorschlag"', () => {
  it("the proposal's points are the decision, its owners not run on into the Kenntnisnahme", () => {
    const read = extract(
      [
        'Landratsamt Beispiel',
        'Sitzungsvorlage Nr. 2026/099',
        'Sitzung am 10.02.2026 – öffentlich – TOP 3',
        '',
        'Beschlussvorschlag:',
        '1. Der Ausschuss nimmt den Bericht der Verwaltung zum Stand der Planung zur Kenntnis.',
        '2. Die Verwaltung wird beauftragt, die Planung bis zum Jahresende 2026 abzuschließen.',
        '',
        'Beschluss:',
        'wie Beschlussvorschlag',
        '',
        'Abstimmungsergebnis: 11 : 0',
      ].join('\n'),
      options,
    ).mandates;
    expect(read.map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [['Verwaltung'], { kind: 'date', date: '2026-12-31' }, []],
    ]);
  });
});

describe('times of a condition, exceptions to a group, conferences', () => {
  it('"Falls bis zur 49. Sitzung …, legt die FITKO … zur 50. Sitzung … vor": the task\'s own time', () => {
    expect(
      decision(
        '1. Falls bis zur 49. Sitzung keine Einigung erzielt ist, legt die FITKO dem IT-Planungsrat zur 50. Sitzung einen Vorschlag vor.',
      ),
    ).toEqual([{ owners: ['FITKO'], due: { kind: 'meeting', meeting: 50 } }]);
  });

  it('"Alle Länder außer Bayern und Hessen": all but those (a guard: read so before)', () => {
    expect(
      decision(
        '1. Alle Länder außer Bayern und Hessen werden gebeten, bis zum 30.06.2026 zu berichten.',
      ).map((m) => m.owners),
    ).toEqual([
      ['BW', 'BE', 'BB', 'HB', 'HH', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'],
    ]);
  });

  it('"alle Länder außer BY und HE" in a task table\'s owner cell', () => {
    const read = extract(
      'Arbeitsgruppe Testverfahren\nProtokoll der 3. Sitzung am 10.02.2026\n\n| Verantwortlich | Aufgabe | Termin |\n|---|---|---|\n| alle Länder außer BY und HE | Bedarf melden | 31.03.2026 |\n',
      options,
    ).mandates;
    expect(read.map((m) => m.owners)).toEqual([
      ['BW', 'BE', 'BB', 'HB', 'HH', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'],
    ]);
  });

  it('"der Frühjahrskonferenz 2026 zu berichten": a conference\'s meeting no page dates', () => {
    expect(
      decision(
        '1. Hessen wird gebeten, ein Konzept zu erarbeiten und der Frühjahrskonferenz 2026 zu berichten.',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'event' }]);
  });

  it('"bis zum 31. März 2026 ihre bestehenden Angebote zu melden": a determiner after the date, the task\'s time', () => {
    expect(
      decision(
        '1. Die Länder werden gebeten, bis zum 31. März 2026 ihre bestehenden Angebote zu melden.',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'date', date: '2026-03-31' }]);
  });
});
