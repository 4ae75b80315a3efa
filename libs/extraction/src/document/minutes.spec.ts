import { extract } from '../extract';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * Minutes of working groups (Ergebnisprotokolle), written for these tests: task tables and
 * "X übernimmt ... und berichtet ...", the session taken from the header.
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };

const groupMinutes = [
  'Ergebnisprotokoll der 50. Sitzung der AG Informationssicherheit',
  'Datum: 12.03.2024, Videokonferenz',
  '',
  'TOP 1 Begrüßung',
  'Die Tagesordnung wird angenommen.',
  '',
  'TOP 2 Meldeverfahren',
  'Die FITKO übernimmt die Abstimmung mit dem BSI und berichtet in der 51. Sitzung.',
  '',
  'TOP 3 Aufgaben',
  '',
  '| Nr. | Aufgabe | Verantwortlich | Termin |',
  '|---|---|---|---|',
  '| 1 | Entwurf des Leitfadens überarbeiten | Hessen | 51. Sitzung |',
  '| 2 | Abfrage bei den Ländern durchführen | FITKO | 30.04.2024 |',
  '| 3 | Übersicht der Meldewege erstellen | Bayern, Sachsen | laufend |',
  '| 4 | Termine abstimmen | Geschäftsstelle | zeitnah |',
].join('\n');

describe('minutes of a working group', () => {
  const extraction = extract(groupMinutes, options);

  it('takes the session from the header, not from a deadline phrase', () => {
    expect(extraction.format).toBe('protocol');
    expect(extraction.meeting).toMatchObject({ number: 50, body: 'AG Informationssicherheit' });
    expect(extraction.resolutions.map((r) => r.id)).toEqual([
      '2024-03-12 TOP 1',
      '2024-03-12 TOP 2',
      '2024-03-12 TOP 3',
    ]);
  });

  it('reads "X übernimmt ... und berichtet in der 51. Sitzung": the group\'s session, no council date', () => {
    const [m] = extraction.mandates.filter((x) => x.resolution === '2024-03-12 TOP 2');
    expect(m).toMatchObject({ point: 1, owners: ['FITKO'], due: { kind: 'event' } });
  });

  it('reads each row of the task table: owners, deadline, task, the row as source', () => {
    const rows = extraction.mandates
      .filter((x) => x.resolution === '2024-03-12 TOP 3')
      .map((m) => [m.point, m.owners, m.due, m.action, m.uncertain]);
    expect(rows).toEqual([
      [1, ['HE'], { kind: 'event' }, 'Entwurf des Leitfadens überarbeiten', ['deadline-undated']],
      [
        2,
        ['FITKO'],
        { kind: 'date', date: '2024-04-30' },
        'Abfrage bei den Ländern durchführen',
        [],
      ],
      // "laufend": a standing task, no time to keep (two blind labellers read it so).
      [3, ['BY', 'SN'], { kind: 'none' }, 'Übersicht der Meldewege erstellen', []],
      [4, ['Geschäftsstelle'], { kind: 'none' }, 'Termine abstimmen', []],
    ]);
    const [first] = extraction.mandates.filter((x) => x.basis === 'task-table');
    expect(first).toMatchObject({
      source: '1 | Entwurf des Leitfadens überarbeiten | Hessen | 51. Sitzung',
      line: 14,
    });
  });

  it('flags a term cell it cannot read', () => {
    const text = groupMinutes.replace('| 30.04.2024 |', '| nach Rückmeldung des BSI abstimmen |');
    const [row] = extract(text, options).mandates.filter((m) => m.point === 2);
    expect(row.uncertain).toContain('deadline-unclear');
  });
});

describe("minutes of the council's own session", () => {
  it('reads the council session from the header and the next session as a council session', () => {
    const text = [
      'Ergebnisprotokoll der 37. Sitzung des IT-Planungsrats am 09.03.2022',
      '',
      'TOP 4 Registermodernisierung',
      'Die FITKO übernimmt die Auswertung und berichtet in der 38. Sitzung.',
    ].join('\n');
    const extraction = extract(text, options);
    expect(extraction.meeting).toMatchObject({ number: 37 });
    expect(extraction.mandates).toMatchObject([
      { resolution: '2022-03-09 TOP 4', owners: ['FITKO'], due: { kind: 'meeting', meeting: 38 } },
    ]);
  });
});

describe('term cells in the words of a table', () => {
  it.each<[string, object, string[]]>([
    // A session the minutes date nowhere: the date the clerk has to give.
    ['nächste Sitzung', { kind: 'event' }, ['deadline-undated']],
    ['2. Quartal', { kind: 'date', date: '2024-06-30' }, []],
    ['erstes Halbjahr 2025', { kind: 'date', date: '2025-06-30' }, []],
  ])('"%s"', (term, due, doubts) => {
    const text = [
      'Ergebnisprotokoll der 50. Sitzung der AG Informationssicherheit',
      'Datum: 12.03.2024, Videokonferenz',
      '',
      'TOP 3 Aufgaben',
      '',
      '| Nr. | Aufgabe | Verantwortlich | Termin |',
      '|---|---|---|---|',
      `| 1 | Vorlage erstellen | FITKO | ${term} |`,
    ].join('\n');
    const [row] = extract(text, options).mandates;
    expect(row.due).toEqual(due);
    expect(row.uncertain).toEqual(doubts);
  });
});

describe('minutes whose header gives no session number', () => {
  const text = [
    'Protokoll',
    'Sitzung der Unterarbeitsgruppe Barrierefreiheit',
    '14.10.2025',
    'Die Mitglieder vereinbaren folgende Aufgaben:',
    '| Nr. | Aufgabe | Verantwortlich | Termin |',
    '| --- | --- | --- | --- |',
    '| 1 | Prüfbericht verschicken | FITKO | 31.10.2025 |',
    '| 2 | Rückmeldung geben | HB | 28.11.2025 |',
  ].join('\n');

  it('reads the session by its date and the body it names', () => {
    const extraction = extract(text, options);
    expect(extraction.meeting).toMatchObject({
      body: 'Unterarbeitsgruppe Barrierefreiheit',
      documentDate: '2025-10-14',
    });
    expect(extraction.meeting).not.toHaveProperty('number');
    expect(extraction.resolutions[0].meeting).toEqual({
      kind: 'session',
      body: 'Unterarbeitsgruppe Barrierefreiheit',
      date: '2025-10-14',
    });
    expect(extraction.mandates.map((m) => [m.resolution, m.owners, m.due])).toEqual([
      ['2025-10-14 TOP Aufgaben', ['FITKO'], { kind: 'date', date: '2025-10-31' }],
      ['2025-10-14 TOP Aufgaben', ['HB'], { kind: 'date', date: '2025-11-28' }],
    ]);
  });
});

describe('a task table that carries tasks over with their status', () => {
  it('reads no task from a row marked done, dropped or closed, and the open ones as before', () => {
    const text = [
      'Ergebnisprotokoll der 9. Sitzung der AG Rechtsetzung',
      '29.09.2025',
      '',
      'TOP 1 Stand der Aufgaben',
      '| Nr. | Aufgabe | Verantwortlich | Termin | Status |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | Liste ergänzen | HH | 31.08.2025 | erledigt |',
      '| 2 | Abstimmung mit dem Normenkontrollrat | Bund | 15.09.2025 | entfällt |',
      '| 3 | Gutachten einholen | BE | 30.11.2025 | offen |',
      '| 4 | Muster abstimmen | NW | 15.12.2025 | abgeschlossen |',
    ].join('\n');
    expect(extract(text, options).mandates.map((m) => [m.owners, m.due])).toEqual([
      [['BE'], { kind: 'date', date: '2025-11-30' }],
    ]);
  });
});

describe('minutes without agenda items', () => {
  it('read their prose as one item named by the session: tasks taken on, roles not', () => {
    const text = [
      'Ergebnisprotokoll',
      '4. Sitzung der AG Registerdaten',
      '19. November 2025',
      'Brandenburg übernimmt die Leitung der Unterarbeitsgruppe „Adressen“. Die Unterarbeitsgruppe legt bis zum 31.01.2026 einen ersten Bericht vor.',
      'Sachsen übernimmt die Pflege des Glossars bis zur nächsten Sitzung.',
    ].join('\n');
    const extraction = extract(text, options);
    expect(extraction.resolutions.map((r) => r.id)).toEqual(['2025-11-19']);
    expect(extraction.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['Unterarbeitsgruppe Adressen'], { kind: 'date', date: '2026-01-31' }],
      [['SN'], { kind: 'event' }],
    ]);
  });
});

describe("a working group's minutes that date its next sessions", () => {
  const minutes = [
    'Arbeitsgruppe Datenschema Handwerk',
    'Ergebnisprotokoll der 5. Sitzung am 2. September 2025 (Videokonferenz)',
    '',
    'TOP 2\tStand',
    'Es wird vereinbart, dass Sachsen die Ergebnisse bis zur nächsten Sitzung auswertet.',
    'Der Bund berichtet bis zur nächsten Sitzung des IT-Planungsrats über die Finanzierung.',
    'TOP 3\tAufgaben',
    'Nr.\tAufgabe\tZuständig\tFrist',
    '1\tEntwurf versenden\tHE\t15.09.2025',
    '2\tCodelisten abstimmen\tFITKO\tnächste Sitzung',
    '3\tVorhaben vorstellen\tBund\terledigt',
    'TOP 4\tTermine',
    'Die nächste Sitzung findet am 21. Oktober 2025 als Videokonferenz statt.',
  ].join('\n');

  it('reads a table pasted with tabs, its body named on the line above the header', () => {
    const extraction = extract(minutes, options);
    expect(extraction.meeting).toMatchObject({
      number: 5,
      body: 'Arbeitsgruppe Datenschema Handwerk',
    });
    const rows = extraction.mandates.filter((m) => m.basis === 'task-table');
    // The row marked done in its term column is no task.
    expect(rows.map((m) => [m.owners, m.action])).toEqual([
      [['HE'], 'Entwurf versenden'],
      [['FITKO'], 'Codelisten abstimmen'],
    ]);
  });

  it('reads "nächste Sitzung" as the day the page gives it; the council\'s next session stays the council\'s', () => {
    const dues = extract(minutes, options).mandates.map((m) => [m.owners, m.due]);
    expect(dues).toEqual([
      [['SN'], { kind: 'date', date: '2025-10-21' }],
      // Not the group's day: the council's session, not counted from a group's minutes.
      [['Bund'], { kind: 'event' }],
      [['HE'], { kind: 'date', date: '2025-09-15' }],
      [['FITKO'], { kind: 'date', date: '2025-10-21' }],
    ]);
  });

  it('reads "übernächste Sitzung" by the numbered sessions the page dates', () => {
    const text = [
      'Ergebnisprotokoll der 11. Sitzung der AG Berichtswesen',
      '8. September 2025, Videokonferenz',
      'TOP 2 Formate',
      'Es wird vereinbart, dass die FITKO der AG zur übernächsten Sitzung einen Vorschlag vorlegt.',
      'TOP 3 Termine',
      '12. Sitzung: 20.10.2025',
      '13. Sitzung: 08.12.2025',
    ].join('\n');
    expect(extract(text, options).mandates.map((m) => [m.owners, m.due])).toEqual([
      [['FITKO'], { kind: 'date', date: '2025-12-08' }],
    ]);
  });
});

describe('minutes that list the sessions to come, or name their own body', () => {
  it('"bis zur (über)nächsten Sitzung" takes the dates a list of sessions gives', () => {
    const text = [
      'Protokoll der 2. Sitzung der Projektgruppe Digitale Fahrzeugdokumente',
      '10.12.2025, Videokonferenz',
      'TOP 3 Pilotländer',
      'Schleswig-Holstein legt bis zur nächsten Sitzung einen Zeitplan vor.',
      'Mecklenburg-Vorpommern prüft die Anbindung und berichtet bis zur übernächsten Sitzung.',
      'TOP 5 Weitere Sitzungstermine',
      '10.03.2026 (Videokonferenz), 16.06.2026 (Schwerin), 29.09.2026 (Kiel)',
    ].join('\n');
    expect(extract(text, options).mandates.map((m) => [m.owners, m.due])).toEqual([
      [['SH'], { kind: 'date', date: '2026-03-10' }],
      [['MV'], { kind: 'date', date: '2026-06-16' }],
    ]);
  });

  it('"bis zur nächsten Sitzung der AL-Runde" in the minutes of the Abteilungsleiterrunde is its own', () => {
    const text = [
      'Ergebnisprotokoll',
      'Sitzung der Abteilungsleiterrunde des IT-Planungsrats',
      'am 27. Januar 2026, Berlin',
      'TOP 5 Signaturlösungen',
      'Es wird vereinbart, dass Hessen und Thüringen bis zur nächsten Sitzung der AL-Runde einen Vorschlag erarbeiten.',
      'TOP 6 Verschiedenes',
      'Die nächste Sitzung der AL-Runde findet am 24. März 2026 statt.',
    ].join('\n');
    expect(extract(text, options).mandates.map((m) => [m.owners, m.due])).toEqual([
      [['HE', 'TH'], { kind: 'date', date: '2026-03-24' }],
    ]);
  });
});

describe('a task table under a heading and no more', () => {
  it('reads its rows as tasks of one decision dated by the heading ("Anlage 2 … – Aufgabenübersicht")', () => {
    const text = [
      'Anlage 2 zum Protokoll der AL-Runde vom 24.03.2026 – Aufgabenübersicht',
      '',
      'lfd. Nr.\tAufgabe\tzuständig\tbis',
      '1\tStellungnahme zum Entwurf\talle Länder\t30.04.2026',
      '2\tEntwurf der Finanzierungsregelung\tBMI\t49. Sitzung IT-PLR',
      '3\tFortschrittsbericht\tGesamtsteuerung Registermodernisierung\tMitte April 2026',
    ].join('\n');
    const extraction = extract(text, options);
    expect(extraction.resolutions.map((r) => r.id)).toEqual(['2026-03-24#1']);
    expect(extraction.mandates.map((m) => [m.owners.length, m.due, m.uncertain])).toEqual([
      [16, { kind: 'date', date: '2026-04-30' }, []],
      [1, { kind: 'meeting', meeting: 49 }, []],
      [1, { kind: 'date', date: '2026-04-15' }, []],
    ]);
  });
});

describe('minutes headed in other words, their items numbered as headings', () => {
  it('"Kurzprotokoll – Telefonkonferenz der …": items "1. …", "2. …" on lines of their own', () => {
    const text = [
      'Kurzprotokoll – Telefonkonferenz der Unterarbeitsgruppe Schnittstellen XBau',
      'Mittwoch, 14.01.2026, 14:00–15:00 Uhr',
      '',
      '1. Stand der Schemaänderungen',
      'Herr Pohl (BY) erläutert die offenen Änderungsanträge.',
      '',
      '2. Weiteres Vorgehen',
      'Frau Lorenz (BW) sagt zu, die Folien bis zum 16.01.2026 an den Verteiler zu senden.',
    ].join('\n');
    const extraction = extract(text, options);
    expect(extraction.meeting).toMatchObject({ body: 'Unterarbeitsgruppe Schnittstellen XBau' });
    expect(extraction.mandates.map((m) => [m.resolution, m.owners, m.due])).toEqual([
      ['2026-01-14 TOP 2', ['BW'], { kind: 'date', date: '2026-01-16' }],
    ]);
  });

  it('"Ergebnisprotokoll der Arbeitsgruppe …": under "Im Ergebnis wird festgehalten:" a task needs no time', () => {
    const text = [
      'Ergebnisprotokoll der Arbeitsgruppe Schnittstellenregister',
      'Sitzung vom 16. Dezember 2025, Berlin',
      '',
      'TOP 2 Stand der Erhebung',
      'Die Arbeitsgruppe diskutiert mögliche Pflichtfelder.',
      'Im Ergebnis wird festgehalten:',
      '1. Berlin erstellt bis Ende Januar 2026 eine bereinigte Übersicht.',
      '2. Die FITKO prüft die datenschutzrechtlichen Fragen und informiert die Arbeitsgruppe.',
    ].join('\n');
    const extraction = extract(text, options);
    expect(extraction.meeting).toMatchObject({ body: 'Arbeitsgruppe Schnittstellenregister' });
    expect(extraction.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['BE'], { kind: 'date', date: '2026-01-31' }],
      [['FITKO'], { kind: 'none' }],
    ]);
  });
});

describe('next sessions listed line by line, and a person taking on a task by the next session', () => {
  it('"Nächste Sitzungen:⏎22.04.2026 (…)⏎24.06.2026 (…)" dates the next two sessions', () => {
    const text = [
      'Ergebnisprotokoll der AG FIT-Store',
      'Sitzung vom 18.02.2026',
      'TOP 2 Nachnutzung',
      'Brandenburg bringt zur nächsten Sitzung die Nutzungszahlen mit.',
      'Bis zur übernächsten Sitzung legt Sachsen-Anhalt einen Entwurf vor.',
      'Nächste Sitzungen:',
      '22.04.2026 (Präsenz, Magdeburg)',
      '24.06.2026 (Videokonferenz)',
    ].join('\n');
    expect(extract(text, options).mandates.map((m) => [m.owners, m.due])).toEqual([
      [['BB'], { kind: 'date', date: '2026-04-22' }],
      [['ST'], { kind: 'date', date: '2026-06-24' }],
    ]);
  });

  it('"Herr Lindner (SH) übernimmt es, bis zur nächsten Sitzung …" is SH\'s task, flagged', () => {
    const text = [
      'Protokoll',
      '2. Sitzung der Unterarbeitsgruppe Datenschutz',
      '11.12.2025, Kiel',
      'TOP 2 Muster',
      'Herr Lindner (SH) übernimmt es, bis zur nächsten Sitzung einen Entwurf zu erstellen.',
      'Nächste Sitzung: 12.03.2026, 13:00 Uhr',
    ].join('\n');
    expect(extract(text, options).mandates.map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [['SH'], { kind: 'date', date: '2026-03-12' }, ['owner-inferred']],
    ]);
  });
});
