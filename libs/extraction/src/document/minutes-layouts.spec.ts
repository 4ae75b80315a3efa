import type { Due } from '@app/domain';
import { extract } from '../extract';
import { LAENDER, loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * Layouts of minutes, on minutes written for these tests (not taken from any labelled text or
 * probe case): arrows that mark results, list entries "who: what – by when" with checkboxes, a
 * time inside the task of an entry without a term, a span of months, a header that says where the
 * session met after its date.
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };
const read = (text: string) =>
  extract(text, options).mandates.map((m) => ({ owners: m.owners, due: m.due }));
const HEAD = 'Arbeitsgruppe Testverfahren\nProtokoll der 3. Sitzung am 10.02.2026\n\n';

describe('arrows', () => {
  it('an arrow line after a report is a sentence of its own, the arrow no word of it', () => {
    expect(
      read(
        `${HEAD}1. Stand\n   Hessen berichtet, dass der Pilot läuft.\n   → Niedersachsen meldet der AG bis 27.02. seine Testfälle.\n`,
      ),
    ).toEqual([{ owners: ['NI'], due: { kind: 'date', date: '2026-02-27' } }]);
  });
});

describe('list entries "who: what – by when"', () => {
  it('open checkboxes are tasks, a checked one is done; "alle" is the group itself', () => {
    expect(
      read(
        `${HEAD}To-dos\n- [ ] SN: Testkonzept erstellen – bis 13.03.\n- [x] BE: Protokoll versenden – bis 20.02.\n- [ ] HB + HH: Abnahmekriterien definieren – bis Ende KW 13\n- [ ] alle: Zahlen melden – bis 31.03.\n`,
      ),
    ).toEqual([
      { owners: ['SN'], due: { kind: 'date', date: '2026-03-13' } },
      { owners: ['HB', 'HH'], due: { kind: 'date', date: '2026-03-29' } },
      { owners: ['Arbeitsgruppe Testverfahren'], due: { kind: 'date', date: '2026-03-31' } },
    ]);
  });

  it('an entry without a term says its time in the task: a span of months, due at its end', () => {
    expect(
      read(`${HEAD}1. Schulungen\n   → Bremen: Schulungen zwischen April und Juni durchführen.\n`),
    ).toEqual([{ owners: ['HB'], due: { kind: 'date', date: '2026-06-30' } }]);
  });

  it('a label before the colon names no one ("Ergebnis: …"; a guard)', () => {
    expect(read(`${HEAD}1. Stand\n   - Ergebnis: Entwurf bis 13.03. überarbeiten\n`)).toEqual([]);
  });
});

describe('spans and headers', () => {
  it.each<[string, Due]>([
    ['zwischen April und Juni 2026', { kind: 'date', date: '2026-06-30' }],
    ['zwischen dem 01.04. und dem 15.05.2026', { kind: 'date', date: '2026-05-15' }],
  ])('"%s": due at the end of the span', (span, due) => {
    expect(
      read(`${HEAD}1. Stand\n   Sachsen sagt zu, ${span} einen Bericht vorzulegen.\n`).map(
        (m) => m.due,
      ),
    ).toEqual([due]);
  });

  it('a header that says where the session met after its date names the group alone', () => {
    const extraction = extract(
      'Landkreis Beispiel\nProtokoll der 4. Sitzung der Steuerungsgruppe am 03.02.2026, Landratsamt, Raum 112\n\n1. Stand\n   Sachsen sagt zu, bis zum 27.02.2026 einen Bericht vorzulegen.\n',
      options,
    );
    expect(extraction.meeting).toMatchObject({ number: 4, body: 'Steuerungsgruppe' });
  });
});

describe('task tables set in columns of blanks, ruled, or signed', () => {
  it('columns apart by blanks under heads "Nr. Was Wer Bis"; owners by the signs of the attendance list', () => {
    expect(
      read(
        [
          'Steuerungsgruppe Testverfahren der Länder',
          'Ergebnisniederschrift der Sitzung vom 29.01.2026',
          '',
          'Anwesend:',
          'Frau Adler (Hessen)          – AD',
          'Herr Brück (Bund, BMI)       – BK',
          '',
          'TOP 2  Stand',
          'Aufgaben:',
          'Nr.   Was                                  Wer      Bis',
          '2.1   Übersicht der Versionen              AD       27.02.',
          '2.2   Prüfung einer Vereinbarung           BK/AD    31.03.',
          '      mit den Anbietern',
        ].join('\n'),
      ),
    ).toEqual([
      { owners: ['HE'], due: { kind: 'date', date: '2026-02-27' } },
      { owners: ['Bund', 'HE'], due: { kind: 'date', date: '2026-03-31' } },
    ]);
  });

  it('a table ruled with "-----+-----", its column "Thema"; "PG (alle)" is the group, "neu, zum 15.05.2026" the term', () => {
    expect(
      read(
        [
          'Projektgruppe Testportal',
          'Protokoll der Sitzung vom 10.03.2026',
          '',
          'Offene Punkte',
          'Lfd. | Thema                  | Verantwortlich | Termin',
          '-----+------------------------+----------------+---------------------',
          ' 1   | Anpassung an XMeld     | HH             | 30.04.2026',
          ' 2   | Bericht an den Rat     | Vorsitz        | neu, zum 15.05.2026',
          ' 3   | Evaluierung            | PG (alle)      | Q3 2026',
          ' 4   | Lasttest               | HB             | entfällt',
        ].join('\n'),
      ),
    ).toEqual([
      { owners: ['HH'], due: { kind: 'date', date: '2026-04-30' } },
      { owners: ['Vorsitz'], due: { kind: 'date', date: '2026-05-15' } },
      { owners: ['Projektgruppe Testportal'], due: { kind: 'date', date: '2026-09-30' } },
    ]);
  });
});

describe("labels, headings and the minutes' own sessions", () => {
  const MINUTES = [
    'Ergebnisprotokoll',
    'Bund-Länder-Arbeitsgruppe „Testportal“ – 7. Sitzung (Videokonferenz)',
    'Datum: 18.02.2026',
    '',
    '1 Begrüßung',
    'Die Tagesordnung wird angenommen.',
    '',
    '2.1 Bericht des Bundes',
    'Der Bund (BMI) berichtet über den Stand der Verordnung. Der Entwurf soll im Mai 2026 vorliegen.',
    'Maßnahme 2.1-1: Der Bund (BMI) stellt der AG die Eckpunkte bis Ende KW 12 zur Verfügung.',
    '',
    '2.2 Erfahrungen der Länder',
    'Maßnahme 2.2-1: BaWü und S-H werten die Abbruchquoten aus. Termin: 31.03.',
    '',
    '3 Verschiedenes',
    'Nächste Sitzung: 22.04.2026, 10:00 Uhr.',
    'Maßnahme 3-1: M-V bereitet für die nächste Sitzung einen Kurzvortrag vor.',
  ].join('\n');

  it('a group named before "– 7. Sitzung (Videokonferenz)" heads the minutes; "2.1 Bericht" is an item', () => {
    const extraction = extract(MINUTES, options);
    expect(extraction.meeting).toMatchObject({
      number: 7,
      body: 'Bund-Länder-Arbeitsgruppe „Testportal“',
    });
    expect(extraction.agendaItems.map((a) => a.number)).toEqual(['1', '2.1', '2.2', '3']);
  });

  it('"Maßnahme 2.1-1:" is no word of the task; "werten … aus. Termin: 31.03."; "für die nächste Sitzung" the day the minutes give', () => {
    expect(read(MINUTES)).toEqual([
      { owners: ['Bund'], due: { kind: 'date', date: '2026-03-22' } },
      { owners: ['BW', 'SH'], due: { kind: 'date', date: '2026-03-31' } },
      { owners: ['MV'], due: { kind: 'date', date: '2026-04-22' } },
    ]);
  });

  it('"LA-2025-09-01/A1 Brandenburg legt …" after "Aufträge:": the item\'s number is no name', () => {
    expect(
      read(
        'Lenkungsausschuss „Testportal“\nNiederschrift der 9. Sitzung am 09.12.2025\n\nBeschluss LA-2025-09-01\nDer Lenkungsausschuss billigt den Plan.\nAufträge:\nLA-2025-09-01/A1   Brandenburg legt binnen drei Monaten ein Rollenkonzept vor.\nLA-2025-09-01/A2   Berlin meldet die Mittel bis zum 30.06.2026 an.',
      ),
    ).toEqual([
      { owners: ['BB'], due: { kind: 'date', date: '2026-03-09' } },
      { owners: ['BE'], due: { kind: 'date', date: '2026-06-30' } },
    ]);
  });

  it("a 9th session held in 2025 is not the council's 9th (of 2012): the periods count from its own day", () => {
    const extraction = extract(
      'Lenkungsausschuss „Testportal“\nNiederschrift der 9. Sitzung am 09.12.2025\n\nBeschluss LA-2025-09-01\nDer Lenkungsausschuss billigt den Plan.\nAufträge:\nLA-2025-09-01/A1   Brandenburg legt binnen drei Monaten ein Rollenkonzept vor.',
      options,
    );
    expect(extraction.resolutions[0].meeting).toEqual({ kind: 'session', date: '2025-12-09' });
  });

  it('a page that names the council keeps its numbered session, whatever day it prints (a guard)', () => {
    const extraction = extract(
      'IT-Planungsrat | 17.03.2024 | 9. Sitzung | Beschluss 2024/03\nTitel\n1. Der IT-Planungsrat bittet die FITKO, bis zur 10. Sitzung zu berichten.\n',
      options,
    );
    expect(extraction.resolutions[0].meeting).toMatchObject({ kind: 'session', number: 9 });
  });
});

describe('numbered Festlegungen of a body with a long name', () => {
  const AK = [
    'Arbeitskreis II „Test und Verfahren“ der Ständigen Konferenz der Testministerinnen und Testminister der Länder',
    'Ergebnisprotokoll der 88. Sitzung am 24. und 25. Februar 2026 in Erfurt',
    '',
    'TOP 3  Testportal',
    'Festlegungen:',
  ].join('\n');

  it.each([
    ['3.1 Der AK II bittet NRW, bis zum 15.04.2026 zu berichten.', ['NW']],
    ['3.1 Der Arbeitskreis bittet NRW, bis zum 15.04.2026 zu berichten.', ['NW']],
    ['3.1 Berlin sagt zu, bis zum 15.04.2026 einen Entwurf zu verteilen.', ['BE']],
  ])(
    '"%s": the body by its abbreviation or head noun asks; the item number is no name',
    (item, owners) => {
      expect(read(`${AK}\n${item}`)).toEqual([
        { owners, due: { kind: 'date', date: '2026-04-15' } },
      ]);
    },
  );
});

describe('minutes exported from a wiki', () => {
  it('Markdown headings and bold labels; "## Nächste Sitzung" over the day dates "vor nächster Sitzung"', () => {
    const extraction = extract(
      [
        '# Lenkungskreis Testportal – Protokoll 05.03.2026',
        '',
        '**Teilnehmende:** HB, HH, NI',
        '',
        '## Aufgabenliste',
        '',
        '| # | Aufgabe | Verantwortlich | Fällig | Status |',
        '|---|---------|----------------|--------|--------|',
        '| 1 | Abgleich der Listen | NI | vor nächster Sitzung | neu |',
        '',
        '## Nächste Sitzung',
        '23.04.2026 (Präsenz, Kiel)',
      ].join('\n'),
      options,
    );
    expect(extraction.meeting).toMatchObject({ body: 'Lenkungskreis Testportal' });
    expect(extraction.mandates.map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [['NI'], { kind: 'date', date: '2026-04-23' }, []],
    ]);
  });
});

describe('owners by the attendance line', () => {
  const minutes = (line: string) =>
    read(
      `Arbeitsgruppe Testverfahren\nKurzniederschrift der Videokonferenz vom 06.11.2025\nTeilnehmende: BW, BY, HB, SN; Bund (BMF) als Gast\n\nTOP 2  Statistik\n${line}\n`,
    ).map((m) => m.owners);

  it('"alle vertretenen Länder" are the Länder of the attendance line, not all 16; a guest is none', () => {
    expect(
      minutes('Alle vertretenen Länder werden gebeten, bis zum 15.01.2026 ihre Zahlen zu melden.'),
    ).toEqual([['BW', 'BY', 'HB', 'SN']]);
  });

  it('"die übrigen Teilnehmenden" are those attending who were not named before', () => {
    expect(
      minutes(
        'Sachsen sagt zu, bis zum 15.12.2025 einen Vorschlag zu erstellen. Die übrigen Teilnehmenden kommentieren den Vorschlag bis zum 15.01.2026.',
      ),
    ).toEqual([['SN'], ['BW', 'BY', 'HB']]);
  });
});

describe('tasks told in a sentence with who and by when in brackets', () => {
  it('"(verantwortlich: NI, Termin: 15.04.)", "(verantwortlich: HE, SN; Termin: zum Monatsende)": a task each, read once', () => {
    expect(
      read(
        `${HEAD}1. Stand\nDie AG verständigt sich darauf, die Ergebnisse in einem Bericht zusammenzufassen (verantwortlich: NI, Termin: 15.04.). Die Länder werden um\nKommentierung gebeten (verantwortlich: alle Länder, Termin: KW 14/2026).\n2. Gebühren\nHessen und Sachsen stellen die Regelungen in einer Übersicht zusammen (verantwortlich: HE, SN; Termin: zum Monatsende).\n`,
      ),
    ).toEqual([
      { owners: ['NI'], due: { kind: 'date', date: '2026-04-15' } },
      {
        owners: LAENDER,
        due: { kind: 'date', date: '2026-04-05' },
      },
      { owners: ['HE', 'SN'], due: { kind: 'date', date: '2026-02-28' } },
    ]);
  });

  it('a table of "Zusagen" with "zuständig" and "bis" is a task table', () => {
    expect(
      read(
        `${HEAD}Anlage – Zusagen der Verwaltung\nlfd. Nr. | Zusage | zuständig | bis\n1 | Aufstellung der Ausfälle | Fachdienst Ordnung | 18.03.2026\n2 | Zugangsdaten versenden | Fachdienst Zentrale Dienste | 20.03.2026\n`,
      ).map((m) => m.owners),
    ).toEqual([['Fachdienst Ordnung'], ['Fachdienst Zentrale Dienste']]);
  });
});

describe('a promise told and listed again', () => {
  it('the annex row repeating a promise of the prose (same owner, same day) is one task; "Ende nächster Woche" the Sunday of the week after', () => {
    expect(
      read(
        `${HEAD}1. Anfragen\nDer Fachdienst Ordnung sagt zu, eine Aufstellung binnen 14 Tagen nachzureichen.\n\nAnlage – Zusagen der Verwaltung\nlfd. Nr. | Zusage | zuständig | bis\n1 | Aufstellung der Ausfälle | Fachdienst Ordnung | 24.02.2026\n2 | Zugangsdaten versenden | Fachdienst Zentrale Dienste | Ende nächster Woche\n`,
      ),
    ).toEqual([
      { owners: ['Fachdienst Ordnung'], due: { kind: 'date', date: '2026-02-24' } },
      { owners: ['Fachdienst Zentrale Dienste'], due: { kind: 'date', date: '2026-02-22' } },
    ]);
  });
});

describe('a carried-over row whose term stays, with its day', () => {
  it('"Termin bleibt 31.03.2026" in the status: that day', () => {
    expect(
      read(
        `${HEAD}1. Offene Punkte\n| Nr. | Thema | Verantw. | Stand |\n|---|---|---|---|\n| 15/4 | Abstimmung mit der KoSIT | NW | Termin bleibt 31.03.2026 |\n`,
      ),
    ).toEqual([{ owners: ['NW'], due: { kind: 'date', date: '2026-03-31' } }]);
  });
});
