import { extract } from '../extract';
import type { Due } from '@app/domain';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * Decisions by circulation, times counted from the decision, roles, and working groups' minutes
 * with task lines and carried-over tables; sentences written for these tests (not taken from any
 * labelled text or probe case). The calendar: 48 on 26.11.2025, 49 and 50 planned for 2026.
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };
const read = (text: string) =>
  extract(text, options).mandates.map((m) => ({
    owners: m.owners,
    due: m.due,
    uncertain: m.uncertain,
  }));
const decision = (head: string, body: string) =>
  read(`IT-Planungsrat\nEntscheidung 2026/90\n${head}\nThema: Test\nBeschluss\n${body}\n`);

describe('decisions by circulation', () => {
  it('"Umlaufverfahren vom … bis …" counts a period from the day it closed', () => {
    expect(
      decision(
        'Umlaufverfahren vom 06.02.2026 bis 20.02.2026',
        '1. Der IT-Planungsrat bittet die FITKO, innerhalb von sechs Wochen einen Zeitplan vorzulegen.',
      ),
    ).toEqual([{ owners: ['FITKO'], due: { kind: 'date', date: '2026-04-03' }, uncertain: [] }]);
  });

  it('"Datum: 13.02.2026 (Umlaufverfahren)": "in der nächsten Sitzung" is the next numbered one', () => {
    expect(
      decision(
        'Datum: 13.02.2026 (Umlaufverfahren)',
        '1. Die FITKO berichtet in der nächsten Sitzung des IT-Planungsrats über den Stand.',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'meeting', meeting: 49 }]);
  });
});

describe('times counted from the decision or from a session named before', () => {
  const session = '48. Sitzung des IT-Planungsrats am 26.11.2025';

  it.each<[string, string]>([
    ['bis zum Ende des auf die Beschlussfassung folgenden Kalenderhalbjahres', '2026-06-30'],
    ['bis Ende des nächsten Quartals', '2026-03-31'],
  ])('"%s" after a decision of 26.11.2025 is %s', (phrase, date) => {
    expect(
      decision(
        session,
        `1. Der IT-Planungsrat beauftragt die FITKO, ${phrase} einen Leitfaden zu erarbeiten.`,
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'date', date }]);
  });

  it('"vier Wochen vor dieser Sitzung" takes the session the point before named, flagged', () => {
    expect(
      decision(
        session,
        '1. Der IT-Planungsrat beauftragt die AG Test, ihm bis zur nächsten Sitzung einen Entwurf vorzulegen.\n2. Die Geschäftsstelle wird gebeten, den Entwurf spätestens vier Wochen vor dieser Sitzung zu versenden.',
      ),
    ).toEqual([
      { owners: ['AG Test'], due: { kind: 'meeting', meeting: 49 }, uncertain: [] },
      {
        owners: ['Geschäftsstelle'],
        due: { kind: 'meeting', meeting: 49 },
        uncertain: ['deadline-borrowed'],
      },
    ]);
  });

  it('"jährlich in der Sommersitzung, erstmals 2026" is a recurring duty, its start flagged', () => {
    expect(
      decision(
        session,
        '1. Die FITKO legt jährlich in der Sommersitzung des IT-Planungsrats, erstmals 2026, eine Kostenübersicht vor.',
      ),
    ).toEqual([{ owners: ['FITKO'], due: { kind: 'recurring' }, uncertain: ['deadline-unclear'] }]);
  });

  it('"übernehmen gemeinsam den Vorsitz" is a role, no task', () => {
    expect(
      decision(
        session,
        '1. Der IT-Planungsrat bittet die FITKO, bis zum 31.03.2026 einen Bericht vorzulegen.\n2. Sachsen und Thüringen übernehmen gemeinsam den Vorsitz der Kooperationsgruppe.',
      ).map((m) => m.owners),
    ).toEqual([['FITKO']]);
  });
});

describe("working groups' minutes", () => {
  const minutes = (body: string) =>
    read(
      `Unterarbeitsgruppe Datenschutz der AG Schnittstellen\nErgebnisniederschrift der Sitzung vom 04.02.2026\n${body}\nNächste Sitzung: 22.04.2026\n`,
    );

  it('a header whose body is on the line above and whose session has no number: "vor nächster Sitzung" is its next one', () => {
    expect(
      minutes('TOP 1 Aufgaben\nToDo: SH – Entwurf erstellen – vor nächster Sitzung').map(
        (m) => m.due,
      ),
    ).toEqual<Due[]>([{ kind: 'date', date: '2026-04-22' }]);
  });

  it('"ToDo: who – what – by when" lines, the term perhaps on the next line', () => {
    expect(
      minutes(
        'TOP 1 Bescheide\nToDo: BY, BW – Mustertext zusammenführen – bis 06.03.2026\nTOP 2 Belegabruf\nToDo: Geschäftsführung AK – Thema anmelden –\nEnde Q2',
      ).map((m) => ({ owners: m.owners, due: m.due })),
    ).toEqual([
      { owners: ['BY', 'BW'], due: { kind: 'date', date: '2026-03-06' } },
      { owners: ['Geschäftsführung AK'], due: { kind: 'date', date: '2026-06-30' } },
    ]);
  });

  it('a carried-over table without outer bars: done and dropped rows hold none, a moved one its new term', () => {
    expect(
      minutes(
        'TOP 1 Offene Aufgaben\nNr. | Aufgabe | Verantw. | alter Termin | Status\nA1 | Export beschreiben | Fr. Keller (BW) | 31.12.2025 | erledigt\nA2 | Testumgebung bereitstellen | Hr. Sahin (Bund/RKI) | 31.01.2026 | verschoben auf 30.04.2026\nA3 | Umfrage | Geschäftsstelle | 15.01.2026 | entfällt\nA4 | Leitfaden | Fr. Okafor (HB), Hr. Vogt (SL) | 31.03.2026 | in Arbeit',
      ).map((m) => ({ owners: m.owners, due: m.due })),
    ).toEqual([
      { owners: ['Bund'], due: { kind: 'date', date: '2026-04-30' } },
      { owners: ['HB', 'SL'], due: { kind: 'date', date: '2026-03-31' } },
    ]);
  });

  it('two persons with their members, and a promise after what a person said first', () => {
    expect(
      minutes(
        'TOP 2 Berichte\nFrau Albers (NI) erläutert die Erfahrungen; sie sagt zu, den Bericht bis zur nächsten Sitzung zu verteilen.\nTOP 3 Fragen\nFestlegung: Herr Brunner (BY) und Frau Sauer (RP) erstellen bis zum 27.02.2026 einen Fragenkatalog.',
      ).map((m) => ({ owners: m.owners, due: m.due })),
    ).toEqual([
      { owners: ['NI'], due: { kind: 'date', date: '2026-04-22' } },
      { owners: ['BY', 'RP'], due: { kind: 'date', date: '2026-02-27' } },
    ]);
  });

  it('"lädt zu einer Sondersitzung ein, sobald …" is a task', () => {
    expect(
      minutes(
        'TOP 1 Termine\nDie Geschäftsstelle lädt zu einer Sondersitzung ein, sobald der Entwurf vorliegt.',
      ).map((m) => m.owners),
    ).toEqual([['Geschäftsstelle']]);
  });

  it('a single line with bars is no table ("Startseite | Gremien | Suche")', () => {
    expect(
      read(
        'Startseite | Gremien | Suche\nIT-Planungsrat | 26.11.2025 | 48. Sitzung | Beschluss 2025/90\n\n1. Der IT-Planungsrat bittet die FITKO, bis zum 31.03.2026 einen Bericht vorzulegen.\n',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'date', date: '2026-03-31' }]);
  });

  it('minutes headed "AG … – 12. Sitzung am …" over "Protokoll (Auszug)", tasks in a named order, a part running on', () => {
    expect(
      read(
        'AG Elektronische Akte – 12. Sitzung am 10.12.2025 in Mainz\nProtokoll (Auszug)\nVereinbarte Aufgaben (Aufgabe – Verantwortlich – Termin):\n• Entwurf E-Akte abstimmen – Herr Fenske (NW) – 13.03.2026\n• Rückmeldung zur Kostenverteilung – alle Länder außer NW – zwei Wochen nach\n  Versand des Entwurfs\n• Übersicht aktualisieren – Geschäftsstelle der AG – Mitte Januar\n',
      ).map((m) => ({ owners: m.owners.length, due: m.due })),
    ).toEqual([
      { owners: 1, due: { kind: 'date', date: '2026-03-13' } },
      { owners: 15, due: { kind: 'event' } },
      { owners: 1, due: { kind: 'date', date: '2026-01-15' } },
    ]);
  });

  it('"Projektgruppe …⏎Sitzung am … – Kurzprotokoll", each bullet with an arrow line of owner and term', () => {
    expect(
      read(
        'Projektgruppe Online-Kfz-Zulassung\nSitzung am 03.02.2026 – Kurzprotokoll\n2. Störungen\n   • Ticketsystem vereinheitlichen\n     → Verantwortlich: Frau Gerlach (Bund/KBA) / Termin: 31.03.2026\n   • Sammlung der Rückmeldungen fortführen\n     → Verantwortlich: alle / Termin: fortlaufend\n',
      ).map((m) => ({ owners: m.owners, due: m.due })),
    ).toEqual([
      { owners: ['Bund'], due: { kind: 'date', date: '2026-03-31' } },
      { owners: ['Projektgruppe Online-Kfz-Zulassung'], due: { kind: 'none' } },
    ]);
  });

  it('"Vermerk über die Sitzung" of a Koordinierungsrunde: its proposal to the council is no task, shown as a possible miss', () => {
    const result = extract(
      'Koordinierungsrunde Registermodernisierung\nVermerk über die Sitzung am 04.02.2026\nTOP 3 Vorbereitung\nDie Koordinierungsrunde schlägt dem IT-Planungsrat vor, die FITKO zu beauftragen, bis zum 30.06.2026 ein Konzept vorzulegen.\nFestlegung: Die Geschäftsstelle übersendet den Beschlussvorschlag bis zum 20.02.2026 an die AL-Runde.\n',
      options,
    );
    expect(result.mandates.map((m) => ({ owners: m.owners, due: m.due }))).toEqual([
      { owners: ['Geschäftsstelle'], due: { kind: 'date', date: '2026-02-20' } },
    ]);
    expect(result.possibleMisses.map((m) => m.word)).toEqual(['beauftragen']);
  });
});

describe('what minutes record as agreed', () => {
  const vermerk = (body: string) =>
    read(
      `Steuerungsgruppe OZG-Nachnutzung\nErgebnisvermerk der Sitzung vom 19.11.2025\n1. Nachnutzung\n   ${body}\n`,
    ).map((m) => ({ owners: m.owners, due: m.due }));

  it.each<[string, string[]]>([
    [
      'Es wird vereinbart, dass Herr Dr. Lange (i. V. für TH) die Vorlage bis zum 16.01.2026 überarbeitet.',
      ['TH'],
    ],
    [
      'Im Ergebnis wird festgehalten, dass die Geschäftsstelle bis zum 16.01.2026 eine Liste erstellt.',
      ['Geschäftsstelle'],
    ],
  ])('"%s"', (sentence, owners) => {
    expect(vermerk(sentence)).toEqual([{ owners, due: { kind: 'date', date: '2026-01-16' } }]);
  });

  it('"Es wird festgelegt: Der Bund arbeitet … ein und legt … bis zum 13.03.2026 vor." under a label', () => {
    expect(
      vermerk(
        'Es wird festgelegt: Der Bund arbeitet die Kommentare ein und legt die Spezifikation bis zum 16.01.2026 vor.',
      ),
    ).toEqual([{ owners: ['Bund'], due: { kind: 'date', date: '2026-01-16' } }]);
  });

  it('"nächster LK" in a task table is the next session the minutes date', () => {
    expect(
      read(
        'Lenkungskreis Registermodernisierung\nProtokoll der 3. Sitzung am 21.01.2026\nAufgaben\n| Nr. | Aufgabe | Verantwortlich | Termin |\n| 3 | Kostenschätzung | FITKO | nächster LK |\nNächste Sitzung: 18.03.2026, 10:00 Uhr\n',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'date', date: '2026-03-18' }]);
  });

  it('"werden um Kenntnisnahme gebeten" is no task', () => {
    expect(vermerk('Die Mitgliedsgemeinden werden um Kenntnisnahme gebeten.')).toEqual([]);
  });
});

describe('probe round 11 forms', () => {
  it('"1. Entscheidung … (Umlaufverfahren, beendet am …)": numbered decisions, each counted from its closing day', () => {
    expect(
      read(
        'Bekanntmachung\nder Entscheidungen des IT-Planungsrats im Umlaufverfahren\nVom 2. März 2026\n1. Entscheidung 2026/06 (Umlaufverfahren, beendet am 4. Februar 2026)\n   Hamburg wird gebeten, innerhalb von vier Monaten nach Abschluss dieses Umlaufverfahrens ein Konzept vorzulegen.\n2. Entscheidung 2026/07 (Umlaufverfahren, beendet am 18. Februar 2026)\n   Berlin wird gebeten, binnen sechs Wochen einen Entwurf zu übersenden.\n',
      ).map((m) => ({ owners: m.owners, due: m.due })),
    ).toEqual([
      { owners: ['HH'], due: { kind: 'date', date: '2026-06-04' } },
      { owners: ['BE'], due: { kind: 'date', date: '2026-04-01' } },
    ]);
  });

  it('"Termin alt | Status / Termin neu": done rows hold none, "neu, bis …" is the term', () => {
    expect(
      read(
        'Steuerungskreis Test\nProtokoll der Sitzung vom 10.02.2026\nID | Aufgabe | zuständig | Termin alt | Status / Termin neu\nSK-14 | Konzept abstimmen | NI | 31.12.2025 | erledigt\nSK-17 | Schnittstelle testen | Bund (BfJ) | 31.01.2026 | verschoben auf 30.04.2026\nSK-25 | Bericht | Geschäftsstelle | – | neu, bis 30.06.2026\n',
      ).map((m) => ({ owners: m.owners, due: m.due })),
    ).toEqual([
      { owners: ['Bund'], due: { kind: 'date', date: '2026-04-30' } },
      { owners: ['Geschäftsstelle'], due: { kind: 'date', date: '2026-06-30' } },
    ]);
  });

  it('"BW berichtet, man werde … bis Ende März veröffentlichen" is what was told, no task', () => {
    expect(
      read(
        'Arbeitskreis Test\nProtokoll der Sitzung vom 12.02.2026\nTOP 2  Berichte\nBW berichtet, man werde die Ausschreibung voraussichtlich bis Ende März veröffentlichen.\nTOP 3  Vorgehen\nFestlegung: ST erstellt bis 27.03.2026 eine Übersicht.\n',
      ).map((m) => m.owners),
    ).toEqual([['ST']]);
  });

  it('a Beschlussvorlage with its Beratungsfolge and no vote is a draft: its mandates are flagged as such', () => {
    expect(
      read(
        'Stadt Beispiel\nBeschlussvorlage Nr. 2026/0031\nDatum: 19.01.2026\nBeratungsfolge:\n| Gremium | Sitzung | Zuständigkeit |\n| Stadtverordnetenversammlung | 12.03.2026 | Entscheidung |\nBeschlussvorschlag:\n1. Der Plan wird beschlossen.\n2. Der Magistrat wird beauftragt, die Ausschreibung bis zum 30.04.2026 zu veröffentlichen.\n',
      ).map((m) => m.uncertain),
    ).toEqual([['motion-only']]);
  });
});

describe('a duty that recurs, its day given by one of its tasks', () => {
  it('"jährlich fortzuschreiben und … jeweils bis zum 30. September vorzulegen" is one recurring duty', () => {
    expect(
      decision(
        '48. Sitzung des IT-Planungsrats am 26.11.2025',
        '1. Die FITKO wird beauftragt, die Kalkulation jährlich fortzuschreiben und dem IT-Planungsrat jeweils bis zum 30. September vorzulegen.',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'recurring', date: '2026-09-30' }]);
  });
});

describe('minutes headed loosely, with tasks in blocks and arrow lines', () => {
  const owned = (text: string) => read(text).map((m) => ({ owners: m.owners, due: m.due }));

  it('"Unterarbeitsgruppe … (UAG BF)⏎Protokoll 3/2026 – Sitzung am …" with "Wer:/Was:/Bis wann:" blocks', () => {
    expect(
      owned(
        'Unterarbeitsgruppe Barrierefreie Formulare (UAG BF)\nProtokoll 3/2026 – Sitzung am 04.03.2026\nZu Punkt 2: Prüfschritte\nWer: Fr. Baumann (SH)\nWas: Prüfschritte überarbeiten\nBis wann: 18.03.2026\nWer: alle Mitglieder der UAG\nWas: Bedarfe erheben\nBis wann: Ende April\n',
      ),
    ).toEqual([
      { owners: ['SH'], due: { kind: 'date', date: '2026-03-18' } },
      {
        owners: ['Unterarbeitsgruppe Barrierefreie Formulare'],
        due: { kind: 'date', date: '2026-04-30' },
      },
    ]);
  });

  it('"Besprechung der Projektgruppe …⏎Datum: …" with "→ who: what, by when" lines; a row with no task holds none', () => {
    expect(
      owned(
        'Besprechung der Projektgruppe Once-Only\nDatum: 09.12.2025\nProtokollführung: FITKO\nErgebnisse:\n- Das Zielbild wird angenommen.\n  → FITKO: Zielbild veröffentlichen, bis 19.12.2025\n  → HB, SL, TH: Nachlieferung bis Jahresende\n  → Bund (BMJV): Stellungnahme zur Rechtsgrundlage, Termin offen\n',
      ),
    ).toEqual([
      { owners: ['FITKO'], due: { kind: 'date', date: '2025-12-19' } },
      { owners: ['HB', 'SL', 'TH'], due: { kind: 'date', date: '2025-12-31' } },
      { owners: ['Bund'], due: { kind: 'none' } },
    ]);
    expect(
      owned(
        'Projektgruppe Test\nKurzprotokoll der Videokonferenz am 14.01.2026\nTOP 2 – Aufgaben\nWer\tWas\tBis\nHE\tAuswertung verteilen\t06.02.\nHB\t–\t–\n',
      ),
    ).toEqual([{ owners: ['HE'], due: { kind: 'date', date: '2026-02-06' } }]);
  });

  it('"Arbeitskreis … – 31. Sitzung⏎Ort/Datum: …" with "Aufgabe: <sentence>" lines', () => {
    expect(
      owned(
        'Arbeitskreis Digitale Justiz – 31. Sitzung\nOrt/Datum: Mainz, 18.–19.11.2025\nLeitung: RP\nTOP 3  E-Akte\nAufgabe: BY und BW erstellen bis 31.01.2026 einen gemeinsamen Bericht.\n',
      ),
    ).toEqual([{ owners: ['BY', 'BW'], due: { kind: 'date', date: '2026-01-31' } }]);
  });

  it('"Alle Teilnehmenden senden … bis …" is shown as a possible miss (who that is, the reader does not guess)', () => {
    const result = extract(
      'Projektgruppe eRechnung – Ergebnisprotokoll der Sitzung vom 29.01.2026\nIm Ergebnis wird festgehalten:\n– Alle Teilnehmenden senden ihre Anmerkungen bis 13.02.2026 an das Projektbüro.\n– Das Projektbüro führt die Anmerkungen zusammen.\n',
      options,
    );
    expect(result.possibleMisses.map((m) => m.word)).toEqual(['Alle']);
  });
});

describe('numbered Festlegungen of a Kooperationsgruppe', () => {
  it('"Kooperationsgruppe … – Protokoll der 23. Sitzung": "Festlegung 23/2: … legt ihn der Kooperationsgruppe bis zur nächsten Sitzung vor" is its own next session', () => {
    expect(
      read(
        'Kooperationsgruppe Geodaten – Protokoll der 23. Sitzung\nDatum: 03.12.2025, Ort: Erfurt\nTOP 2  Monitoring\nFestlegung 23/1: Alle Länder melden ihre Daten bis zum 16.01.2026 an das BKG.\nFestlegung 23/2: Der Bund erstellt den Bericht und legt ihn der Kooperationsgruppe bis zur nächsten Sitzung vor.\nTOP 5  Termine\n24. Sitzung: 18.03.2026 (Videokonferenz)\n',
      ).map((m) => ({ owners: m.owners.length, due: m.due })),
    ).toEqual([
      { owners: 16, due: { kind: 'date', date: '2026-01-16' } },
      { owners: 1, due: { kind: 'date', date: '2026-03-18' } },
    ]);
  });
});

describe('persons written with "Hr." and "Fr."', () => {
  it('"Hr. Kral (SenInnSport Berlin) übernimmt es, …" is Berlin\'s task, as "Herr Kral (…)" is', () => {
    expect(
      read(
        'Arbeitsgruppe Wallet\nErgebnisprotokoll der Sitzung vom 27.01.2026\nTOP 2 Recht\nHr. Kral (SenInnSport Berlin) übernimmt es, bis Ende Februar eine Übersicht zu erstellen.\n',
      ),
    ).toEqual([
      { owners: ['BE'], due: { kind: 'date', date: '2026-02-28' }, uncertain: ['owner-inferred'] },
    ]);
  });
});
