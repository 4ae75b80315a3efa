import { extract } from '../extract';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * The net under every task layout of minutes: a line laid out as an entry that names an owner (or
 * stands under "Aufgaben", "To-dos" …) and a time, and gave no mandate, is a possible miss.
 * Minutes written for these tests, in layouts the reader has no rule for.
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };
const misses = (text: string) =>
  extract(text, options).possibleMisses.map((m) => [m.line, m.word, m.sentence]);

const HEAD = [
  'Arbeitsgruppe Testverfahren der Länder',
  'Ergebnisprotokoll der 7. Sitzung am 12.02.2026 (Videokonferenz)',
  'Teilnehmende: BY, HB, NI, SN, Bund (BMI)',
  '',
  'TOP 1 Stand der Umsetzung',
  'Die Mitglieder tauschen sich über den Stand aus.',
  'Festlegung: Sachsen erstellt bis zum 13.03.2026 einen Entwurf des Leitfadens.',
  '',
];

describe('task lines no rule reads', () => {
  it('a list of checkboxes: each open line with an owner and a time is a possible miss', () => {
    const text = [
      ...HEAD,
      'TOP 2 Weiteres Vorgehen',
      '  [ ] HB ~ Testdaten bereitstellen ~ 27.02.',
      '  [ ] NI ~ Abnahmekriterien beschreiben ~ Ende KW 14',
      '  [x] BY ~ Protokoll versenden ~ 20.02.',
      '',
      'Die nächste Sitzung findet am 16.04.2026 statt.',
    ].join('\n');
    expect(misses(text)).toEqual([
      [10, '27.02.', '[ ] HB ~ Testdaten bereitstellen ~ 27.02.'],
      [11, 'Ende KW 14', '[ ] NI ~ Abnahmekriterien beschreiben ~ Ende KW 14'],
    ]);
  });

  it('rows under "Aufgaben" with initials for owners: a possible miss each; a row without a time is none', () => {
    const text = [
      ...HEAD,
      'Aufgaben',
      'lfd   Gegenstand                     Person   Zieldatum',
      'a     Schnittstellenbeschreibung      MK       31.03.',
      'b     Kostenschätzung                 TR/LW    Q2 2026',
      'c     Pressetext                      MK       offen',
    ].join('\n');
    expect(misses(text).map(([line, word]) => [line, word])).toEqual([
      [11, '31.03.'],
      [12, 'Q2 2026'],
    ]);
  });

  it('says nothing of prose, reports, the head, the next session or a task it read', () => {
    const text = [
      ...HEAD,
      'TOP 2 Berichte',
      '- Niedersachsen berichtet, der Pilot sei seit dem 01.02.2026 in Betrieb.',
      '- Bayern weist darauf hin, dass die Ausschreibung bis Ende März läuft.',
      '- Nächste Sitzung: 16.04.2026',
      '- Der Bund (BMI) informiert über die Planung bis 2027.',
    ].join('\n');
    expect(misses(text)).toEqual([]);
    expect(extract(text, options).mandates.map((m) => m.owners)).toEqual([['SN']]);
  });
});
