import { extract } from './extract';
import { toContractJson } from './contract';
import { describeUncertain, UNCERTAIN_REASONS } from './doubt.wording';
import type { UncertainReason } from './extraction.types';
import { loadCalendar, loadRegistry } from '../../../test/support/seed-data';

/**
 * Doubt made visible: readings from a fallback carry `uncertain`, points that ask someone but
 * yield nothing are possible misses, and a text of unknown shape says so as a whole. Sentences
 * written for these tests (36th session, 29.10.2021).
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };

function decision(body: string, title = 'Testbeschluss'): string {
  return `https://example.org/beschluss\n${title}\n\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\n${body}\n`;
}

describe('uncertain readings, with their reason', () => {
  it('lends the time of a following passive step of the same task ("wird ... eingeholt"), flagged', () => {
    const [asked] = extract(
      decision(
        '1. Der IT-Planungsrat bittet die FITKO, die Anbieter zu befragen. Sollte dies möglich sein, werden bis zur 38. Sitzung Angebote eingeholt.',
      ),
      options,
    ).mandates;
    expect(asked).toMatchObject({ due: { kind: 'meeting', meeting: 38 } });
    expect(asked.uncertain).toEqual(['deadline-borrowed']);
  });

  it('flags "bis ..." where the task is to keep something so until then (how long, or by when?)', () => {
    const [keep, deliver] = extract(
      decision(
        '1. Der IT-Planungsrat bittet die FITKO, den Dienst bis zur 38. Sitzung unverändert fortzuführen.\n2. Der IT-Planungsrat bittet Hessen, bis zur 38. Sitzung einen Bericht vorzulegen.',
      ),
      options,
    ).mandates;
    expect(keep).toMatchObject({ due: { kind: 'meeting', meeting: 38 } });
    expect(keep.uncertain).toEqual(['deadline-unclear']);
    expect(deliver.uncertain).toEqual([]);
  });

  it('flags a deadline lent by another sentence of the point, not one of its own', () => {
    const [lent, own] = extract(
      decision(
        '1. Der IT-Planungsrat bittet die FITKO, ein Konzept zu erarbeiten. Es soll in der 38. Sitzung vorgestellt werden.\n2. Der IT-Planungsrat bittet Hessen, bis zur 38. Sitzung zu berichten.',
      ),
      options,
    ).mandates;
    expect(lent).toMatchObject({ due: { kind: 'meeting', meeting: 38 } });
    expect(lent.uncertain).toEqual(['deadline-borrowed']);
    expect(own).toMatchObject({ due: { kind: 'meeting', meeting: 38 }, uncertain: [] });
  });

  it('flags an unknown owner that names no kind of body, not a named working group', () => {
    const [label, group] = extract(
      decision(
        '1. Der IT-Planungsrat bittet XÖV-Nord, einen Bericht vorzulegen.\n2. Der IT-Planungsrat bittet die Arbeitsgruppe Registerdaten, einen Bericht vorzulegen.',
      ),
      options,
    ).mandates;
    expect(label).toMatchObject({ owners: ['XÖV-Nord'], uncertain: ['owner-unknown'] });
    expect(group).toMatchObject({ owners: ['Arbeitsgruppe Registerdaten'], uncertain: [] });
    expect(group.newOwners).toEqual(['Arbeitsgruppe Registerdaten']);
  });

  it.each<[string, string, string[]]>([
    ['Der Ortsvorsteher wird gebeten, sich für den Aufzug einzusetzen.', 'Ortsvorsteher', []],
    ['Der Bezirksamtsleiter wird gebeten, einen Bericht vorzulegen.', 'Bezirksamtsleiter', []],
    ['Die Gemeinde wird gebeten, einen Bericht vorzulegen.', 'Gemeinde', []],
    // After an article "…vorsitzende" does not tell the office's form: still in doubt.
    [
      'Die Ausschussvorsitzende wird gebeten, einen Bericht vorzulegen.',
      'Ausschussvorsitzende',
      ['owner-unknown'],
    ],
  ])('an office or a municipality is no bare label: "%s"', (sentence, owner, uncertain) => {
    const page = `https://ratsinfo.example.org/to0050.asp?__ktonr=818\nBeschluss:\n\n${sentence}\n`;
    expect(extract(page, options).mandates).toMatchObject([{ owners: [owner], uncertain }]);
  });

  it('reads no task from a committee\'s recommendation passed on to the council ("Beschlussempfehlung an den Rat: … möge beschließen")', () => {
    const page = [
      'Finanzausschuss – Sitzung vom 13.01.2026',
      'TOP Ö 2  Zweitwohnungsteuer',
      'Vorlage: FA/2026/002',
      '',
      'Beschlussempfehlung an den Rat:',
      'Der Rat der Stadt möge beschließen:',
      'Die Verwaltung wird beauftragt, eine Satzung zu erarbeiten und dem Rat bis zum 30.06.2026 vorzulegen.',
      '',
      'Abstimmungsergebnis: 7 Ja, 4 Nein – die Beschlussempfehlung wird mehrheitlich an den Rat weitergeleitet.',
    ].join('\n');
    expect(extract(page, options).mandates).toEqual([]);
  });

  it.each([
    [
      'In Ziffer 1 wird das Datum „30.09.2026“ durch „30.06.2026“ ersetzt.',
      '– angenommen',
      '2026-06-30',
    ],
    [
      'Die Worte „bis zum 30.09.2026“ werden ersetzt durch „bis zum 30.06.2026“.',
      '– angenommen',
      '2026-06-30',
    ],
    // An amendment voted down changes nothing.
    [
      'In Ziffer 1 wird das Datum „30.09.2026“ durch „30.06.2026“ ersetzt.',
      '– abgelehnt',
      '2026-09-30',
    ],
  ])('applies an adopted amendment to the deadline: "%s" %s', (amendment, vote, date) => {
    const page = [
      'Gemeinderat – Sitzung am 05.02.2026',
      'TOP Ö 8  Sanierung der Grundschule',
      'Vorlage: 2026/0021',
      '',
      'Beschlussvorschlag:',
      '1. Die Verwaltung wird beauftragt, einen Zeitplan bis zum 30.09.2026 vorzulegen.',
      '',
      'Änderungsantrag der Fraktion:',
      amendment,
      `Abstimmung über den Änderungsantrag: 12 Ja, 9 Nein ${vote}`,
      '',
      'Abstimmung über den so geänderten Beschlussvorschlag: 20 Ja, 0 Nein – angenommen',
    ].join('\n');
    const [m] = extract(page, options).mandates;
    expect(m.due).toEqual({ kind: 'date', date });
    expect(m.uncertain.includes('deadline-borrowed')).toBe(vote.includes('angenommen'));
  });

  it('reads a power given ("Der Vorsitz wird ermächtigt, …") as no task, but shows it as a possible miss', () => {
    const extraction = extract(
      decision(
        '1. Der Vorsitz wird ermächtigt, redaktionelle Änderungen vorzunehmen.\n2. Die Geschäftsstelle wird gebeten, die Fassung bis zum 19. Dezember 2021 zu veröffentlichen.',
      ),
      options,
    );
    expect(extraction.mandates.map((m) => [m.point, m.owners])).toEqual([[2, ['Geschäftsstelle']]]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1 }]);
  });

  it('reads no speaker\'s account of an earlier decision ("habe beschlossen, … zu bitten")', () => {
    const page = [
      'https://ratsinfo.example.org/to0050.asp?__ktonr=818',
      'Beschluss:',
      '',
      'Herr Tilsner antwortet. Die Bezirksversammlung habe im Mai beschlossen, den Bezirksamtsleiter zu bitten, die Nachbargemeinden zu befragen.',
    ].join('\n');
    expect(extract(page, options).mandates).toEqual([]);
  });

  it('does not flag "die Arbeitsgruppe" the decision named before, but one named after the title', () => {
    const named = extract(
      decision(
        '1. Der IT-Planungsrat richtet die Arbeitsgruppe Registerdaten ein.\n2. Die Arbeitsgruppe wird gebeten, zur 38. Sitzung zu berichten.',
      ),
      options,
    ).mandates;
    expect(named).toMatchObject([{ owners: ['Arbeitsgruppe Registerdaten'], uncertain: [] }]);
    const titled = extract(
      decision(
        '1. Der IT-Planungsrat richtet eine länderoffene Arbeitsgruppe ein.\n2. Die Arbeitsgruppe wird gebeten, zur 38. Sitzung zu berichten.',
        'Registerdaten',
      ),
      options,
    ).mandates;
    expect(titled).toMatchObject([{ owners: ['Arbeitsgruppe Registerdaten'] }]);
    expect(titled[0].uncertain).toContain('owner-inferred');
  });

  it('does not flag a group named after the title where the registry knows that name', () => {
    const known = extract(
      decision(
        '1. Der IT-Planungsrat richtet eine länderoffene Arbeitsgruppe ein.\n2. Die Arbeitsgruppe wird gebeten, zur 38. Sitzung zu berichten.',
        'Informationssicherheit',
      ),
      options,
    ).mandates;
    expect(known).toMatchObject([{ owners: ['AG Informationssicherheit'], uncertain: [] }]);
  });

  it('does not flag "die Federführer" the decision itself defined', () => {
    const [m] = extract(
      decision(
        '1. Die Federführung wird durch die Länder Thüringen und Sachsen wahrgenommen.\n2. Die Federführer werden gebeten, zur 38. Sitzung einen Zeitplan vorzulegen.',
      ),
      options,
    ).mandates;
    expect(m).toMatchObject({ owners: ['TH', 'SN'], uncertain: [] });
  });

  it('flags every request of a motion the page does not say was adopted', () => {
    const motion = (outcome: string) =>
      [
        'https://ratsinfo.example.org/vo0050.asp?__kvonr=4711',
        'Antrag der Fraktion: Sanierung der Turnhalle',
        '',
        `Der Ortsbeirat möge beschließen: 1. Der Magistrat wird gebeten, bis zum 30.06.2027 einen Sanierungsplan vorzulegen. 2. Die Verwaltung wird beauftragt, die Kosten zu ermitteln.${outcome}`,
      ].join('\n');
    const open = extract(motion(''), options).mandates;
    expect(open.map((m) => m.owners)).toEqual([['Magistrat'], ['Verwaltung']]);
    for (const m of open) expect(m.uncertain).toContain('motion-only');
    const adopted = extract(
      motion('\n\nAbstimmungsergebnis: einstimmig angenommen'),
      options,
    ).mandates;
    expect(adopted).toHaveLength(2);
    for (const m of adopted) expect(m.uncertain).not.toContain('motion-only');
  });

  it('reads the addressee after the verb when an adverbial opens the sentence', () => {
    const page = [
      'https://ratsinfo.example.org/to0050.asp?__ktonr=815',
      'Beschluss: einstimmig beschlossen',
      '',
      'Im Hinblick auf die Beschwerden der Anwohner wird der Stadtvorstand gebeten, bis zur nächsten Sitzung einen Vorschlag zur Verkehrsberuhigung vorzulegen. Der Zuschuss aus der Kostenstelle Straßenbau darf dabei nicht überschritten werden.',
    ].join('\n');
    const [m] = extract(page, options).mandates;
    expect(m.owners).toEqual(['Stadtvorstand']);
    expect(m.uncertain).not.toContain('owner-inferred');
  });

  it('reads no deadline from a span the task covers, and says the reading is unclear', () => {
    const [m] = extract(
      decision(
        '1. Der IT-Planungsrat bittet Sachsen, von 2023 bis 2025 Mittel für das Projekt einzuplanen.',
      ),
      options,
    ).mandates;
    expect(m.due).toEqual({ kind: 'none' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });

  it("flags the members' recorded agreement read as a duty", () => {
    const [m] = extract(
      decision(
        '1. Die Mitglieder des IT-Planungsrats haben sich darauf verständigt, die Vorhaben zu priorisieren.',
      ),
      options,
    ).mandates;
    expect(m.uncertain).toContain('request-unclear');
  });

  it('says every reason in a German sentence, the same on every page', () => {
    const codes = Object.keys(UNCERTAIN_REASONS) as UncertainReason[];
    for (const code of codes) {
      const sentence = UNCERTAIN_REASONS[code];
      expect(sentence).toMatch(/^[A-ZÄÖÜ][^]*\.$/);
      expect(sentence).not.toMatch(/[a-z]+-[a-z]+|owner|deadline|shape/);
    }
    expect(describeUncertain(['deadline-borrowed', 'cut-off'])).toEqual([
      'Die Frist stammt aus einem anderen Satz derselben Ziffer.',
      'Der Text bricht an dieser Stelle ab.',
    ]);
  });
});

describe('possible misses: a point that asks someone but yields no mandate', () => {
  const text = decision(
    '1. Der IT-Planungsrat nimmt den Bericht zur Kenntnis.\n2. Für die Umsetzung wird gebeten, die nötigen Mittel rechtzeitig bereitzustellen.\n3. Der IT-Planungsrat bittet Bremen, bis zur 37. Sitzung zu berichten.',
  );

  it('lists the point, its line and its sentence, in the extraction and its JSON', () => {
    const extraction = extract(text, options);
    expect(extraction.mandates.map((m) => [m.point, m.owners])).toEqual([[3, ['HB']]]);
    expect(extraction.possibleMisses).toEqual([
      {
        resolution: '2021/99',
        point: 2,
        line: 7,
        word: 'gebeten',
        sentence: 'Für die Umsetzung wird gebeten, die nötigen Mittel rechtzeitig bereitzustellen.',
      },
    ]);
    const json = toContractJson(extraction) as { possibleMisses: Array<{ reason: string }> };
    expect(json.possibleMisses[0].reason).toMatch(/^Diese Ziffer enthält eine Bitte/);
  });

  it('reads the request of a decision that was postponed, flagged, instead of passing over it', () => {
    const page = [
      'https://ratsinfo.example.org/to0050.asp?__ktonr=816',
      'Beschluss:',
      '',
      'Die Entscheidung wird vertagt. Die Verwaltung wird beauftragt, bis zur nächsten Sitzung die Varianten zu bewerten.',
    ].join('\n');
    const extraction = extract(page, options);
    expect(extraction.mandates).toMatchObject([
      {
        owners: ['Verwaltung'],
        due: { kind: 'event' },
        uncertain: ['deadline-undated', 'not-decided'],
      },
    ]);
    expect(extraction.possibleMisses).toEqual([]);
    expect(describeUncertain(extraction.mandates[0].uncertain)).toEqual([
      'Die Frist hängt an einem Termin, dessen Datum der Text nicht nennt (etwa der nächsten Sitzung); ohne eingetragenes Datum wird der Auftrag nie überfällig.',
      'Der Beschluss wurde vertagt, verwiesen, abgelehnt oder einem anderen Gremium nur empfohlen; ob dieser Auftrag gilt, ist zu prüfen.',
    ]);
  });

  it('does not take "abgelehnt" said of a part of the decision for its outcome', () => {
    const page = [
      'https://ratsinfo.example.org/to0050.asp?__ktonr=819',
      'Beschluss: beschlossen',
      '',
      'Mit 4 zu 8 Stimmen wird eine Erweiterung der Tagesordnung abgelehnt.',
      'Zu Nr. 1: Die Anwendung der Satzung wird vorerst abgelehnt. Der Bürgermeister wird gebeten, mit den Eigentümern zu sprechen.',
    ].join('\n');
    expect(extract(page, options).mandates).toMatchObject([
      { owners: ['Bürgermeister'], uncertain: [] },
    ]);
  });

  // A result line of its own ("Beschluss: mehrheitlich abgelehnt") speaks of the text printed with
  // it: what that text asks was not adopted. No mandate (it would be an open obligation until the
  // clerk deleted it), but a possible miss that says why, so nothing is passed over in silence.
  it.each([
    [
      'Beschluss: mehrheitlich abgelehnt',
      'Der Bürgermeister wird beauftragt, die Satzung bis zum 30.06.2025 zu ändern.',
      'beauftragt',
    ],
    [
      'Beschluss: einstimmig empfohlen',
      'Der Bürgermeister wird beauftragt, einen regelmäßigen Austausch zu etablieren.',
      'beauftragt',
    ],
    [
      'Beschluss: zurückgestellt (Ja 4, Nein 9, Enthaltungen 2)',
      'Der Ausschuss bittet die Verwaltung, bis zur nächsten Sitzung Kosten zu ermitteln.',
      'bittet',
    ],
    [
      'Abstimmungsergebnis: abgelehnt |',
      'Die Verwaltung wird gebeten, einen Radweg zu planen.',
      'gebeten',
    ],
    [
      'Beschluss: Der Beschlussvorschlag wurde abgelehnt.',
      'Die Kreisverwaltung wird beauftragt, ein Konzept zu erstellen.',
      'beauftragt',
    ],
  ])(
    'reads no task from a text whose result line says "%s", and shows it as not adopted',
    (verdict, request, word) => {
      const page = [
        'https://ratsinfo.example.org/to0050.asp?__ktonr=817',
        verdict,
        '',
        request,
      ].join('\n');
      const extraction = extract(page, options);
      expect(extraction.mandates).toEqual([]);
      expect(extraction.possibleMisses).toMatchObject([{ point: 1, word, notAdopted: true }]);
      const json = toContractJson(extraction) as { possibleMisses: Array<{ reason: string }> };
      expect(json.possibleMisses[0].reason).toBe(
        'Laut Ergebnis wurde dieser Text abgelehnt, vertagt, verwiesen oder einem anderen Gremium nur empfohlen; der Auftrag darin wurde deshalb nicht übernommen.',
      );
    },
  );

  it('keeps the request beside an outcome said in a sentence of the decision, flagged', () => {
    const page = [
      'https://ratsinfo.example.org/to0050.asp?__ktonr=818',
      'Beschluss:',
      '',
      'Der Tagesordnungspunkt wird vertagt. Die Verwaltung wird gebeten, bis dahin die Anwohner zu befragen.',
    ].join('\n');
    const extraction = extract(page, options);
    expect(extraction.mandates).toMatchObject([
      { owners: ['Verwaltung'], uncertain: expect.arrayContaining(['not-decided']) },
    ]);
    expect(extraction.possibleMisses).toEqual([]);
  });

  it('lists a request beside a mandate read in the same point', () => {
    const extraction = extract(
      decision(
        '1. Der IT-Planungsrat bittet Bremen, bis zur 38. Sitzung zu berichten. Für die Umsetzung wird gebeten, die nötigen Mittel rechtzeitig bereitzustellen.',
      ),
      options,
    );
    expect(extraction.mandates.map((m) => [m.point, m.owners])).toEqual([[1, ['HB']]]);
    expect(extraction.possibleMisses).toMatchObject([
      { point: 1, word: 'gebeten', sentence: expect.stringMatching(/^Für die Umsetzung/) },
    ]);
  });

  it('lists no sentence that was read and merged into the mandate of its point', () => {
    const extraction = extract(
      decision(
        '1. Der IT-Planungsrat bittet die FITKO, bis zur 38. Sitzung ein Betriebskonzept zu erstellen. Er bittet die FITKO außerdem, bis zur 38. Sitzung einen Finanzierungsplan vorzulegen.',
      ),
      options,
    );
    expect(extraction.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['FITKO'], { kind: 'meeting', meeting: 38 }],
    ]);
    expect(extraction.possibleMisses).toEqual([]);
  });

  it('lists what a named body "muss" or "soll" do where nothing was read, but not what a thing shall be', () => {
    const page = (sentence: string) =>
      extract(
        ['https://ratsinfo.example.org/to0050.asp?__ktonr=818', 'Beschluss:', '', sentence].join(
          '\n',
        ),
        options,
      );
    expect(
      page('Die Verwaltung muss die Satzung bis zum Jahresende anpassen.').possibleMisses,
    ).toMatchObject([
      { word: 'muss', sentence: 'Die Verwaltung muss die Satzung bis zum Jahresende anpassen.' },
    ]);
    expect(
      page('Die Verwaltung wird die Planung bis zum Herbst überarbeiten.').possibleMisses,
    ).toMatchObject([{ word: 'wird' }]);
    expect(page('Die Straße wird im Herbst saniert.').possibleMisses).toEqual([]);
    expect(
      page('Der Ausschuss erwartet vom Landesbetrieb zügige Schritte zur Sanierung der Brücke.')
        .possibleMisses,
    ).toMatchObject([{ word: 'erwartet' }]);
    expect(page('Die Vereinbarungen werden zum Jahresende aufgehoben.').possibleMisses).toEqual([]);
    expect(page('Die Fassade muss erhalten werden.').possibleMisses).toEqual([]);
    expect(page('Die Satzung muss bis zum Jahresende angepasst sein.').possibleMisses).toEqual([]);
  });

  it('lists nothing where every request was read, or there is none', () => {
    const plain = extract(
      decision(
        '1. Der IT-Planungsrat nimmt den Bericht zur Kenntnis.\n2. Er bittet Bremen, zu berichten.',
      ),
      options,
    );
    expect(plain.possibleMisses).toEqual([]);
    expect(toContractJson(plain)).not.toHaveProperty('possibleMisses');
  });
});

describe('a text whose shape is not recognised says so as a whole', () => {
  it('flags a council page whose decisions under record numbers are not told apart', () => {
    const page = [
      'https://ratsinfo.example.org/si0057.asp?__ksinr=77',
      'Niederschrift Stadtrat 12.03.2024',
      'TOP 5 Drucksache 21/0345 Radwegekonzept',
      'Die Verwaltung wird beauftragt, ein Radwegekonzept zu erarbeiten.',
      'TOP 6 Drucksache 21/0346 Spielplatz Nord',
      'Die Verwaltung wird beauftragt, den Spielplatz bis Ende 2024 zu sanieren.',
      'TOP 7 Drucksache 21/0350 Beleuchtung',
      'Der Stadtrat bittet die Verwaltung, die Beleuchtung zu erneuern.',
    ].join('\n');
    const extraction = extract(page, options);
    expect(extraction.shapeDoubt).toBe(
      'Der Text nennt 3 Vorlagen- oder Tagesordnungsnummern, aber nur ein Beschluss wurde erkannt: Die Grenzen zwischen den Beschlüssen wurden nicht erkannt, alle Aufträge sind zu prüfen.',
    );
    expect(extraction.mandates.length).toBeGreaterThan(0);
    for (const m of extraction.mandates) expect(m.uncertain).toContain('shape-unknown');
    expect(toContractJson(extraction)).toHaveProperty('shapeDoubt', extraction.shapeDoubt);
  });

  it('tells apart agenda items that each have a result line, named by their record numbers', () => {
    const page = [
      'https://ratsinfo.example.org/si0057.asp?__ksinr=78',
      'Niederschrift Stadtrat 12.03.2024',
      'TOP 5 Drucksache 21/0345 Radwegekonzept',
      'Beschluss: Die Verwaltung wird beauftragt, ein Radwegekonzept zu erarbeiten.',
      'TOP 6 Drucksache 21/0346 Spielplatz Nord',
      'Beschluss: Die Verwaltung wird beauftragt, den Spielplatz bis Ende 2024 zu sanieren.',
      'TOP 7 Drucksache 21/0350 Beleuchtung',
      'Beschluss: Der Stadtrat bittet die Verwaltung, die Beleuchtung zu erneuern.',
    ].join('\n');
    const extraction = extract(page, options);
    expect(extraction.resolutions.map((r) => [r.id, r.title])).toEqual([
      ['21/0345', 'Radwegekonzept'],
      ['21/0346', 'Spielplatz Nord'],
      ['21/0350', 'Beleuchtung'],
    ]);
    expect(extraction.mandates.map((m) => [m.resolution, m.due, m.uncertain])).toEqual([
      ['21/0345', { kind: 'none' }, []],
      ['21/0346', { kind: 'date', date: '2024-12-31' }, []],
      ['21/0350', { kind: 'none' }, []],
    ]);
    expect(extraction.shapeDoubt).toBeUndefined();
  });

  it('tells apart decisions each under a record heading of its own ("Vorlage 2025/0427 – …")', () => {
    const page = [
      'Niederschrift (Auszug) über die öffentliche Sitzung des Gemeinderates am 25.09.2025',
      '',
      'Vorlage 2025/0427 – Digitales Bürgerbüro',
      'Beschluss: Die Verwaltung wird beauftragt, bis zum 30.11.2025 ein Konzept vorzulegen.',
      'Abstimmung: einstimmig',
      '',
      'Vorlage 2025/0431 – Freies WLAN',
      'Beschluss: Der Antrag wird in den Ausschuss für Digitales verwiesen.',
      '',
      'Vorlage 2025/0433 – Zweckverband',
      'Beschluss: Der Bürgermeister wird beauftragt, bis zum 31.01.2026 zu berichten.',
      '',
      'Nächste Sitzung des Gemeinderates: Donnerstag, 16.10.2025, 19:00 Uhr',
      'Zuletzt aktualisiert: 26.09.2025',
    ].join('\n');
    const extraction = extract(page, options);
    expect(extraction.shapeDoubt).toBeUndefined();
    expect(extraction.mandates.map((m) => [m.resolution, m.owners, m.due, m.uncertain])).toEqual([
      ['2025/0427', ['Verwaltung'], { kind: 'date', date: '2025-11-30' }, []],
      ['2025/0433', ['Bürgermeister'], { kind: 'date', date: '2026-01-31' }, []],
    ]);
  });

  it('reads "zur nächsten Sitzung" as the day the page gives the council\'s next one, not another body\'s', () => {
    const page = (sentence: string) =>
      extract(
        [
          'Beschlussauszug aus der Sitzung des Gemeinderates vom 11.09.2025',
          'Vorlage 2025/0502 – Mängelmelder',
          `Beschluss: ${sentence}`,
          '',
          'Nächste Sitzung des Gemeinderates: Donnerstag, 16.10.2025, 19:00 Uhr, Bürgerhaus',
        ].join('\n'),
        options,
      ).mandates.map((m) => m.due);
    expect(
      page('Die Verwaltung wird gebeten, die Vorlage zur nächsten Sitzung erneut vorzulegen.'),
    ).toEqual([{ kind: 'date', date: '2025-10-16' }]);
    expect(
      page(
        'Die Verwaltung wird gebeten, die Vorlage dem Hauptausschuss in seiner nächsten Sitzung vorzulegen.',
      ),
    ).toEqual([{ kind: 'event' }]);
    // The council the page dates is named before the phrase: still its day.
    expect(
      page('Die Verwaltung wird gebeten, dem Gemeinderat in der nächsten Sitzung zu berichten.'),
    ).toEqual([{ kind: 'date', date: '2025-10-16' }]);
  });

  it('counts "innerhalb von drei Monaten nach Beschlussfassung" from "Auszug aus der Niederschrift über die Sitzung … vom …"', () => {
    const page = [
      'Gemeinde Wiesental',
      'Auszug aus der Niederschrift über die Sitzung des Gemeinderates vom 04.12.2025',
      '',
      'Beschluss Nr. 112/2025:',
      'Die Gemeindeverwaltung wird beauftragt, dem Gemeinderat innerhalb von drei Monaten nach Beschlussfassung einen Entwurf vorzulegen.',
    ].join('\n');
    expect(extract(page, options).mandates.map((m) => [m.due, m.uncertain])).toEqual([
      [{ kind: 'date', date: '2026-03-04' }, []],
    ]);
  });

  it('ends the decision on a saved page at its next section ("▸ Hintergrund", "Veranstaltungshinweis")', () => {
    const page = [
      'Startseite > Der IT-Planungsrat > Entscheidungen > 48. Sitzung',
      '',
      'Entscheidung 2025/49 – Barrierefreiheit digitaler Verwaltungsleistungen',
      '',
      '▾ Beschluss',
      'Der IT-Planungsrat bittet die FITKO, bis zum 31. Mai 2026 einen Prüfleitfaden für die',
      'Barrierefreiheit zu veröffentlichen und mit den Ländern abzustimmen.',
      '',
      '▸ Hintergrund',
      '',
      'Veranstaltungshinweis',
      'Fachtag am 24.02.2026 in Bonn – Anmeldung bis 30.01.2026 [Zur Anmeldung]',
    ].join('\n');
    expect(extract(page, options).mandates.map((m) => m.due)).toEqual([
      { kind: 'date', date: '2026-05-31' },
    ]);
  });

  it('reads no owner from a saved page\'s footer "Zuletzt aktualisiert: …"', () => {
    const page = [
      'IT-Planungsrat | 26.03.2025 | 46. Sitzung | B-2025/14-IT',
      'Drucken | Teilen',
      'Die FITKO wird beauftragt, den Regelbetrieb bis zum 30.09.2025 aufzunehmen.',
      'Zuletzt aktualisiert: 14.04.2025',
      '[Zurück zur Übersicht]',
    ].join('\n');
    expect(extract(page, options).mandates.map((m) => m.owners)).toEqual([['FITKO']]);
  });

  it('counts an agenda item and its record number on the next line as one heading', () => {
    const page = [
      'https://ratsinfo.example.org/si0057.asp?__ksinr=88',
      'Niederschrift über die Sitzung des Stadtrates am 12.03.2024',
      'TOP 5 Radwegekonzept',
      'Vorlage: 2024/045',
      'Beschluss:',
      'Der Stadtrat beauftragt die Verwaltung, bis zum 30.06.2024 ein Radwegekonzept vorzulegen.',
      'TOP 6 Spielplatz Nord',
      'Vorlage: 2024/046',
      'Beschluss:',
      'Die Verwaltung wird beauftragt, den Spielplatz bis Ende 2024 zu sanieren.',
    ].join('\n');
    const extraction = extract(page, options);
    expect(extraction.resolutions.map((r) => r.id)).toEqual(['2024/045', '2024/046']);
    expect(extraction.shapeDoubt).toBeUndefined();
    expect(extraction.mandates.map((m) => m.uncertain)).toEqual([[], []]);
  });

  it('says so where a task table came apart into loose lines (a converted PDF)', () => {
    const page = [
      'https://dokumente.example.org/protokoll-beirat',
      'Protokoll der Beiratssitzung',
      'Entscheidungen | Beschlüsse',
      'Der Beirat beschließt, die Förderrichtlinie zu ändern.',
      'Aufgaben',
      'zuständig',
      'Veröffentlichung der neuen Richtlinie auf der WebGeschäftsstelle',
      'seite',
      'Termin',
      'sofort',
    ].join('\n');
    expect(extract(page, options).shapeDoubt).toBe(
      'Der Text enthält eine Aufgabenliste (Aufgabe, zuständig, Termin), deren Zeilen nicht als Tabelle gelesen werden konnten: Die Aufgaben darin sind von Hand zu prüfen.',
    );
  });

  it('raises no doubt on a decision of the council', () => {
    const extraction = extract(
      decision('1. Der IT-Planungsrat bittet Bremen, zu berichten.'),
      options,
    );
    expect(extraction.shapeDoubt).toBeUndefined();
    expect(extraction.mandates[0].uncertain).toEqual([]);
  });
});

describe('an owner that is a record number or heading', () => {
  it('makes the whole text doubtful', () => {
    const extraction = extract(
      decision('1. Der IT-Planungsrat bittet TOP 7, einen Bericht vorzulegen.'),
      options,
    );
    expect(extraction.shapeDoubt).toMatch(/^Als zuständige Stelle wurde „TOP 7“ gelesen/);
    expect(extraction.mandates[0].uncertain).toContain('shape-unknown');
  });
});

describe("a named body's task with a time, welcomed or supported: a possible miss", () => {
  it.each([
    ['Der IT-Planungsrat begrüßt, dass die FITKO bis zur 38. Sitzung ein Konzept vorlegt.', 'dass'],
    ['Die Länder unterstützen die FITKO dabei, bis Ende 2022 ein Konzept vorzulegen.', 'dabei'],
  ])('"%s"', (sentence, word) => {
    const extraction = extract(decision(`1. ${sentence}`), options);
    expect(extraction.mandates).toEqual([]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word, sentence }]);
  });

  it.each([
    // done already, only meant, the council's own time, or no time at all
    'Der IT-Planungsrat nimmt zur Kenntnis, dass die FITKO das Konzept bis Ende 2021 fertiggestellt hat.',
    'Der IT-Planungsrat nimmt zur Kenntnis, dass der Bund beabsichtigt, die Förderung bis Ende 2023 fortzusetzen.',
    'Der IT-Planungsrat begrüßt, dass der IT-Planungsrat bis zur 38. Sitzung entscheidet.',
    'Der IT-Planungsrat begrüßt, dass die FITKO ein Konzept vorlegt.',
  ])('not "%s"', (sentence) => {
    expect(extract(decision(`1. ${sentence}`), options).possibleMisses).toEqual([]);
  });
});

describe('a page that gives no year', () => {
  const page = (head: string, body: string) =>
    `https://ratsinfo.example.de/vo0050.asp?__kvonr=4711\nVorlage: Digitalisierung der Schulen\n${head}\n\nBeschluss:\n${body}\n`;

  it('reads no year-relative deadline against a year it does not know, and says so', () => {
    const [m] = extract(
      page('', 'Die Verwaltung wird beauftragt, bis Ende des Jahres ein Konzept vorzulegen.'),
      options,
    ).mandates;
    expect(m.due).toEqual({ kind: 'none' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });

  it('keeps a yearly duty yearly, its first day unknown and flagged', () => {
    const [m] = extract(
      page('', 'Die Verwaltung wird beauftragt, dem Rat jährlich zum 31.03. zu berichten.'),
      options,
    ).mandates;
    expect(m.due).toEqual({ kind: 'recurring' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });

  it('reads a full date without doubt', () => {
    const [m] = extract(
      page('', 'Die Verwaltung wird beauftragt, bis zum 30.06.2023 ein Konzept vorzulegen.'),
      options,
    ).mandates;
    expect(m.due).toEqual({ kind: 'date', date: '2023-06-30' });
    expect(m.uncertain).toEqual([]);
  });

  it.each([
    ['Sitzung des Rates vom 14.03.2023', '2023-03-14'],
    ['Datum: 14.03.2023', '2023-03-14'],
    ['Montag, 13. März 2023 , 18:00 Uhr', '2023-03-13'],
  ])('takes the year from a dated head line ("%s")', (head, day) => {
    const extraction = extract(
      page(head, 'Die Verwaltung wird beauftragt, bis Ende des Jahres ein Konzept vorzulegen.'),
      options,
    );
    expect(extraction.meeting).toMatchObject({ documentDate: day });
    expect(extraction.mandates[0].due).toEqual({ kind: 'date', date: '2023-12-31' });
  });

  it('does not date the page by an earlier session it mentions', () => {
    const extraction = extract(
      page(
        'TOP 4 Genehmigung des Protokolls der 11. öffentlichen Sitzung vom 11.02.2019',
        'Die Verwaltung wird beauftragt, bis Ende des Jahres ein Konzept vorzulegen.',
      ),
      options,
    );
    expect(extraction.meeting).toEqual({});
  });
});

describe('a text whose decisions no known shape marks, but which asks someone', () => {
  it('is read whole as one decision, every reading flagged as of unknown shape', () => {
    const extraction = extract(
      'https://example.org/entschliessung/337\nEntschließung des Landtags vom 12. März 2021 betreffend Tierschutz\n„Die Landesregierung wird aufgefordert, dem Landtag einen Bericht bis 1. April 2021 zuzuleiten.“\n',
      options,
    );
    expect(extraction.mandates).toHaveLength(1);
    expect(extraction.mandates[0]).toMatchObject({
      due: { kind: 'date', date: '2021-04-01' },
      uncertain: ['owner-unknown', 'shape-unknown'],
    });
  });

  it('keeps a first line that asks already (a text without a source line)', () => {
    const extraction = extract(
      'Die Landesregierung wird aufgefordert, dem Landtag bis zum 1. April 2021 zu berichten.\nBegründung folgt.\n',
      options,
    );
    expect(extraction.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['Landesregierung'], { kind: 'date', date: '2021-04-01' }],
    ]);
  });

  it('reads the minutes\' "Der Vorsitzende soll …" as a sentence, not as a signature', () => {
    const extraction = extract(
      'https://example.org/to0050?__ktonr=1\nDer Vorsitzende verliest die Vorlage. Der Vorsitzende soll überdies Kontakte zur Arbeitsgruppe aufnehmen.\n',
      options,
    );
    expect(extraction.mandates.map((m) => [m.owners, m.uncertain])).toEqual([
      [['Vorsitz'], ['shape-unknown']],
    ]);
  });

  it('is still refused where it names nobody to act ("der Bericht soll … überarbeitet werden")', () => {
    expect(() =>
      extract(
        'https://example.org/brief\nSehr geehrte Damen und Herren,\nder Bericht soll bis Ende Juni überarbeitet werden.\nMit freundlichen Grüßen\n',
        options,
      ),
    ).toThrow(/keine Beschlüsse gefunden/);
  });

  it('is still refused, with the reason, where nobody is asked', () => {
    expect(() =>
      extract(
        'https://example.org/bericht\nBericht über die Sitzung\nDer Ausschuss hat den Bericht zur Kenntnis genommen.\n',
        options,
      ),
    ).toThrow(/keine Beschlüsse gefunden/);
  });
});

describe('a recommended task, a set-up body\'s task, "Diese …": possible misses with a time', () => {
  it.each([
    [
      'Der IT-Planungsrat empfiehlt den Ländern, bis Ende 2022 die Umsetzung abzuschließen.',
      'empfiehlt',
    ],
    [
      'Der IT-Planungsrat setzt eine Arbeitsgruppe ein, die bis Ende 2022 ein Konzept vorlegen soll.',
      'soll',
    ],
  ])('"%s"', (sentence, word) => {
    const extraction = extract(decision(`1. ${sentence}`), options);
    expect(extraction.mandates).toEqual([]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word, sentence }]);
  });

  it('"Diese legt bis … vor" after a body is set up', () => {
    const extraction = extract(
      decision(
        '1. Der IT-Planungsrat richtet eine Projektgruppe ein. Diese legt bis Ende 2022 ein Konzept vor.',
      ),
      options,
    );
    expect(extraction.mandates).toEqual([]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word: 'Diese' }]);
  });

  it('a recommendation to an office without a time: "empfiehlt dem Landrat, … vorzunehmen"', () => {
    const sentence =
      'Der Ausschuss empfiehlt dem Landrat, die erforderlichen Anpassungen vorzunehmen.';
    const extraction = extract(decision(`1. ${sentence}`), options);
    expect(extraction.mandates).toEqual([]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word: 'empfiehlt', sentence }]);
  });

  it('"beschließt, … durch das Ing.-Büro überprüfen zu lassen": someone is to see to it', () => {
    const sentence =
      'Die Gemeindevertretung beschließt die Becken durch das Ing.-Büro Hauck überprüfen zu lassen.';
    const extraction = extract(decision(`1. ${sentence}`), options);
    expect(extraction.mandates).toEqual([]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word: 'lassen', sentence }]);
  });

  it('"vergibt den Planungsauftrag an das Büro Arz": what the contractor owes is in the contract', () => {
    const sentence = 'Der Gemeinderat vergibt den Planungsauftrag an das Büro Arz.';
    const extraction = extract(decision(`1. ${sentence}`), options);
    expect(extraction.mandates).toEqual([]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word: 'vergibt', sentence }]);
  });

  it.each([
    'Der IT-Planungsrat empfiehlt den Ländern, das Produkt zu nutzen.',
    'Der IT-Planungsrat richtet eine Projektgruppe ein. Diese hat ihre Arbeit im Januar 2021 aufgenommen.',
  ])('not without a time, nor for what is done: "%s"', (sentence) => {
    expect(extract(decision(`1. ${sentence}`), options).possibleMisses).toEqual([]);
  });
});
