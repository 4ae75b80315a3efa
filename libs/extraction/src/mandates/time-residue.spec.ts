import type { Due } from '@app/domain';
import { extract } from '../extract';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';
import { leftOverTime } from './time-residue';

/**
 * The net under every deadline rule: a time the clause names that its deadline did not take makes
 * the reading a doubt, whatever form the time has, while the object's own dates stay quiet.
 * Sentences written for these tests.
 */
const none: Due = { kind: 'none' };
const event: Due = { kind: 'event' };

describe('a time the deadline did not take', () => {
  it.each([
    ['die Mängel bis Ostern 2027 zu beseitigen', 'bis Ostern'],
    ['spätestens zwei Monate vor Ablauf der Konzession eine Vorlage zu erstellen', 'spätestens'],
    ['die Ergebnisse im Herbst 2026 vorzulegen', 'Herbst 2026'],
    ['binnen eines halben Jahres zu berichten', 'binnen'],
    ['dem Ausschuss in seiner Junisitzung zu berichten', 'Junisitzung'],
    ['den Bericht zur Herbstsitzung des Rates vorzulegen', 'Herbstsitzung'],
    ['den Entwurf in der 51. Sitzung vorzustellen', '51. Sitzung'],
    ['den Plan bis Ende KW 12 abzustimmen', 'bis Ende'],
    ['die Zahlen zum 30.9. zu melden', '30.9.'],
    ['die Zahlen bis 15. Oktober zu melden', '15. Oktober'],
    ['nach dem ersten Quartal zu berichten', 'Quartal'],
    ['dem Ausschuss in seiner Sitzung am 10.03.2026 zu berichten', '10.03.2026'],
  ])('no deadline read in "%s": the doubt names "%s"', (clause, word) => {
    expect(leftOverTime(clause, none, '')).toBe(word);
  });

  it('an event read from one phrase, with another time left beside it', () => {
    expect(
      leftOverTime(
        'nach Inkrafttreten der Satzung, spätestens bis zum 30.06.2027, zu berichten',
        event,
        'nach Inkrafttreten der Satzung',
      ),
    ).toBe('spätestens');
  });

  it.each([
    ['die ab dem 1. Juli 2026 verbindlichen Standards umzusetzen'],
    ['den zum 31.12.2026 auslaufenden Vertrag neu auszuschreiben'],
    ['den im März 2024 begonnenen, erfolgreichen Dialog fortzusetzen'],
    ['die seit dem 01.03.2025 geltenden Gebühren zu prüfen'],
    ['den Beschluss vom 12.03.2025 umzusetzen'],
    ['gemäß dem Beschluss der Konferenz am 2. Juni 2022 eine Finanzierung einzubeziehen'],
    ['eine Planung für die nächsten fünf Jahre aufzustellen'],
    ['die Kosten für 2027 zu ermitteln'],
    ['zeitnah zu berichten'],
    ['einen Bericht vorzulegen'],
  ])('the object\'s own time or no time at all: "%s" is no doubt', (clause) => {
    expect(leftOverTime(clause, none, '', '2025-12-04')).toBeUndefined();
  });

  it('a reading with a firm time is left to the rules, and the phrase it came from is not left over', () => {
    expect(
      leftOverTime('bis zum 30.06.2026 zu berichten', { kind: 'date', date: '2026-06-30' }, ''),
    ).toBeUndefined();
    expect(
      leftOverTime('bis zur nächsten Sitzung zu berichten', event, 'bis zur nächsten Sitzung'),
    ).toBeUndefined();
  });
});

describe('the net in a reading', () => {
  const options = { registry: loadRegistry(), calendar: loadCalendar() };
  const read = (body: string) =>
    extract(
      `Stadt Beispielstadt\nSitzung des Stadtrates am 04.12.2025\n\nTOP Ö 3   Testvorlage\nVorlage 2025/0001\n\nBeschluss:\n${body}\n\nAbstimmungsergebnis: einstimmig\n`,
      options,
    ).mandates.map((m) => ({ due: m.due, uncertain: m.uncertain }));

  it('a time counted back from the end of a contract: no deadline read, flagged', () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt, spätestens zwei Monate vor Ablauf der Konzession eine Vorlage über die Neuvergabe zu erstellen.',
      ),
    ).toEqual([{ due: { kind: 'none' }, uncertain: ['deadline-unclear'] }]);
  });

  it("the object's own date, between an article and a participle, is no deadline and no doubt", () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt, den zum 31.12.2026 auslaufenden Vertrag neu auszuschreiben.',
      ),
    ).toEqual([{ due: { kind: 'none' }, uncertain: [] }]);
  });

  it('a time before a participle without an article is the task\'s: "bis zum … überarbeitete Unterlagen"', () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt, bis zum 30.06.2026 überarbeitete Unterlagen vorzulegen.',
      ),
    ).toEqual([{ due: { kind: 'date', date: '2026-06-30' }, uncertain: [] }]);
  });

  it('an event that is a session or counted from the decision: no date yet, said so', () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt, bis zur nächsten Sitzung des Ausschusses ein Konzept vorzulegen.',
      ),
    ).toEqual([{ due: { kind: 'event' }, uncertain: ['deadline-undated'] }]);
  });

  it("an event that is a condition or another body's decision is no doubt", () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt, nach Beschlussfassung des Kreistages die Ausschreibung vorzubereiten.',
      ),
    ).toEqual([{ due: { kind: 'event' }, uncertain: [] }]);
    expect(
      read(
        'Die Verwaltung wird beauftragt, innerhalb von drei Monaten nach Inkrafttreten der Satzung zu berichten.',
      ),
    ).toEqual([{ due: { kind: 'event' }, uncertain: [] }]);
  });
});
