import { extract } from '../extract';
import type { Extraction } from '../extraction.types';
import { LAENDER, loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * Decisions of other councils of Bund and Länder (ministers' conferences) and municipal forms met
 * in the fifth held-out round, one rule at a time, on sentences written for these tests (not
 * taken from any labelled text). The registry is the IT-Planungsrat's: Bund and the 16 Länder.
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };

function page(...lines: string[]): Extraction {
  return extract(['https://konferenz.example.org/beschluesse?id=7', ...lines].join('\n'), options);
}

const owners = (x: Extraction) => x.mandates.map((m) => [m.point, m.owners]);

describe('federal ministries are the Bund', () => {
  it.each([
    ['das BMAS', ['Bund']],
    ['das Bundesministerium für Arbeit und Soziales', ['Bund']],
    ['das Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ)', ['Bund']],
    ['die Bundesministerin für Bildung und Forschung und Bremen', ['Bund', 'HB']],
    ['das Bundesministerium für Ernährung, Hamburg und Bayern', ['Bund', 'HH', 'BY']],
  ])('"%s"', (named, expected) => {
    const read = page(
      'Beschluss:',
      `Die Konferenz bittet ${named}, bis zum 30.06.2026 einen Bericht vorzulegen.`,
    );
    expect(read.mandates.map((m) => m.owners)).toEqual([expected]);
  });
});

describe('a conference of ministers decides', () => {
  it('with its members\' ministers as the subject ("Die Ministerinnen und Minister ... bitten")', () => {
    const read = page(
      'Beschluss:',
      'Die Ministerinnen und Minister, Senatorinnen und Senatoren für Umwelt der Länder bitten das BMUV, die Länder frühzeitig zu beteiligen.',
    );
    expect(owners(read)).toEqual([[1, ['Bund']]]);
  });

  it('by its short name ("Die JFMK bittet ...")', () => {
    const read = page('Beschluss:', 'Die JFMK bittet das BMFSFJ, einen Entwurf vorzulegen.');
    expect(owners(read)).toEqual([[1, ['Bund']]]);
  });

  it('asks officials who stand for named Länder: those Länder', () => {
    const read = page(
      'Beschluss:',
      'Die Ministerinnen und Minister der Länder beauftragen die Amtschefinnen und Amtschefs der Länder Hessen, Sachsen und Bremen, einen Vorschlag zu erarbeiten.',
    );
    expect(owners(read)).toEqual([[1, ['HE', 'SN', 'HB']]]);
  });
});

describe('a conference page: agenda item, bullets, its own numbered sessions', () => {
  const conference = (...body: string[]) =>
    page(
      'Beschlüsse',
      'Beschlüsse der JFMK 14.05.2026 - 15.05.2026',
      'TOP: 4.2 Kinderschutz in der digitalen Welt',
      'Die Ministerinnen und Minister der Länder fassen folgenden Beschluss:',
      ...body,
    );

  it('names the decision by the heading date and its agenda item', () => {
    const read = conference('- Die JFMK bittet das BMFSFJ, zu berichten.');
    expect(read.resolutions.map((r) => r.id)).toEqual(['2026-05-14 TOP 4.2']);
  });

  it('names it by the year alone where the heading gives no day', () => {
    const read = page(
      'Beschlüsse der 2009',
      'TOP: 7.1 Statistik',
      'Die Konferenz hat einstimmig beschlossen:',
      'Die Konferenz bittet das BMF, zu berichten.',
    );
    expect(read.resolutions.map((r) => r.id)).toEqual(['2009 TOP 7.1']);
  });

  it('counts bullets after the opening line as points, also one printed after a full stop', () => {
    const read = conference(
      '- Die Länder begrüßen den Bericht.',
      '- Sie halten weitere Schritte für nötig. - Die JFMK bittet das BMFSFJ, einen Entwurf vorzulegen.',
    );
    expect(owners(read)).toEqual([[3, ['Bund']]]);
  });

  it('reads "zur 51. JFMK" as the conference\'s own 51st session', () => {
    const read = conference(
      '- Die JFMK bittet die Amtschefinnen und Amtschefs der Länder, der 51. JFMK zu berichten.',
    );
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
      [LAENDER, { kind: 'meeting', meeting: 51 }],
    ]);
  });

  it('does not take a calendar week ("zur 12. KW") for a session', () => {
    const read = conference('- Die JFMK bittet das BMF, bis zur 12. KW zu berichten.');
    expect(read.mandates.map((m) => m.due.kind)).toEqual(['date']);
  });
});

describe('an excerpt of a long list of decisions of the heads of government', () => {
  it('reads plural decision verbs ("begrüßen", "bitten") as decisions and keeps the printed numbers', () => {
    const read = page(
      'Dieses Dokument ist Teil einer Sammlung von Beschlüssen.',
      '41. Der Bundeskanzler und die Regierungschefinnen und Regierungschefs der Länder begrüßen',
      'die Fortschritte bei der Verwaltungsdigitalisierung.',
      '42. Deshalb werden die Länder ihre Portale bis Ende 2027',
      'verbinden.',
      '43. Sie begrüßen die Zusage des Bundes.',
    );
    expect(read.mandates.map((m) => [m.point, m.owners, m.due])).toEqual([
      [42, LAENDER, { kind: 'date', date: '2027-12-31' }],
    ]);
  });
});

describe('municipal forms', () => {
  const municipal = (...lines: string[]) =>
    extract(['https://ratsinfo.example.org/to0050.asp?__ktonr=77', ...lines].join('\n'), options);

  it('takes a roman-numbered "III. Beschluss" heading for a label, not for words of the subject', () => {
    const read = municipal(
      'Beschluss: mehrheitlich angenommen',
      'III.       Beschluss',
      'Der Gemeinderat beschließt, das Projekt fortzuführen, und beauftragt die Planer, die Gutachten anzupassen.',
    );
    expect(owners(read)).toEqual([[1, ['Planer']]]);
  });

  it('reads a named office holder ("Bürgermeister Kranich") as a person, not a body', () => {
    expect(
      owners(
        municipal('Beschluss:', 'Bürgermeister Kranich wird gebeten, die Angebote einzuholen.'),
      ),
    ).toEqual([[1, ['Bürgermeister Kranich']]]);
    expect(
      owners(
        municipal(
          'Beschluss:',
          'Die Angebote werden eingeholt.',
          'Bürgermeister Kranich führt an, dass die Halle eine neue Tür benötigt.',
        ),
      ),
    ).toEqual([]);
  });

  it('reads "sollen prüfen, ob ..." by the infinitive before the clause', () => {
    expect(
      owners(
        municipal(
          'Beschluss:',
          'Die Denkmalbehörden sollen erneut prüfen, ob das Gebäude schutzwürdig ist.',
        ),
      ),
    ).toEqual([[1, ['Denkmalbehörden']]]);
  });

  it('reads what an office will do under a decree of how to proceed, and only there', () => {
    const decreed = municipal(
      'Beschluss: beschlossen',
      'Einstimmig beschließt der Rat wie folgt vorzugehen:',
      'Die Bürgermeisterin wird zunächst beim Eigentümer anfragen, ob der Mast genutzt werden kann.',
    );
    expect(owners(decreed)).toEqual([[1, ['Bürgermeisterin']]]);
    const told = municipal(
      'Beschluss: zur Kenntnis genommen',
      'Die Bürgermeisterin wird zunächst beim Eigentümer anfragen, ob der Mast genutzt werden kann.',
    );
    expect(owners(told)).toEqual([]);
  });
});

describe('municipal minutes, sixth round', () => {
  const minutes = (...lines: string[]) =>
    extract(['https://ratsinfo.example.org/to0050.asp?__ktonr=78', ...lines].join('\n'), options);

  it('reads "Hierzu soll Herr X ... vortragen" with the time of the sentence before, flagged as lent', () => {
    const read = minutes(
      'Beschluss:',
      'Der Punkt wird vertagt und soll im nächsten Umweltausschuss behandelt werden. Hierzu soll Herr Lindqvist für das Wasserwerk vortragen.',
    );
    expect(read.mandates.map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [
        ['Herr Lindqvist'],
        { kind: 'event' },
        ['deadline-borrowed', 'owner-unknown', 'not-decided'],
      ],
    ]);
  });

  it('reads a duty set as a condition, "unter der Maßgabe, dass ... durch die Fachverwaltung ... wird"', () => {
    const read = minutes(
      'Die Bezirksvertretung vertagt den Punkt, unter der Maßgabe, dass in der nächsten Sitzung die Vorlage durch die Fachverwaltung erläutert wird.',
      'Abstimmungsergebnis: Einstimmig zugestimmt.',
    );
    expect(read.mandates.map((m) => [m.owners, m.due.kind])).toEqual([
      [['Fachverwaltung'], 'event'],
    ]);
  });

  it('flags a request quoted as the wording of a motion or an amendment', () => {
    const read = minutes(
      'Die Bezirksversammlung stimmt der Tagesordnung zu.',
      'Die Fraktion übernimmt den Vorschlag, die Ziffer 2 wie folgt zu ergänzen: „Die Behörde für Schulbau wird gebeten, den Schulhof zu öffnen.“',
    );
    expect(read.mandates.map((m) => m.uncertain)).toEqual([
      expect.arrayContaining(['motion-only']),
    ]);
  });

  it('reads a page whose only decision is "fordert X zur nächsten ...sitzung auf" instead of refusing it', () => {
    const read = minutes(
      'Herr Berndt berichtet über den Sachverhalt.',
      'Der Kulturausschuss fordert die Verwaltung zur nächsten Kulturausschusssitzung auf, die Mietverträge zu prüfen.',
    );
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['Verwaltung'], { kind: 'event' }],
    ]);
  });

  it('lists "festgelegt, dass sich der Beirat am 14.10.2026 ... befassen ... soll" as a possible miss', () => {
    const read = minutes(
      'Als Ergebnis wird festgelegt, dass sich der Gestaltungsbeirat in seiner Sitzung am 14.10.2026 mit dem Entwurf befassen soll.',
    );
    expect(read.possibleMisses.map((p) => p.word)).toEqual(['soll']);
  });
});

describe('minutes of a conference, seventh round', () => {
  const conference = [
    'https://konferenz.example.org/protokoll-88',
    'Protokoll der 88. Konferenz vom 4. bis 5. März 2026',
    'TOP 1) Begrüßung',
    'Die Vorsitzende stellt den geplanten Ablauf der Konferenz vor.',
    'TOP 2) Bericht der Arbeitsgruppe Register',
    'Der Vertreter Sachsens berichtet von zwei Treffen der Arbeitsgruppe.',
    'Die Konferenz beschließt einstimmig:',
    '1. Die Konferenz bittet Sachsen, der 89. Konferenz einen Entwurf vorzulegen.',
  ].join('\n');

  it('takes the header and its first day, and each "TOP n)" for a decision of its own', () => {
    const read = extract(conference, options);
    expect(read.resolutions.map((r) => r.id)).toEqual(['2026-03-04 TOP 1', '2026-03-04 TOP 2']);
    expect(read.mandates.map((m) => [m.resolution, m.point, m.owners])).toEqual([
      ['2026-03-04 TOP 2', 1, ['SN']],
    ]);
  });

  it('does not take what the chair or a participant tells without a time for a task', () => {
    const read = extract(conference, options);
    expect(read.mandates.map((m) => m.owners)).not.toContainEqual(['Vorsitz']);
  });

  it('reads "Sie ... fordert X auf" as the body asking (a singular verb after "Sie")', () => {
    const read = extract(
      [
        'https://ratsinfo.example.org/to0050.asp?__ktonr=79',
        'Beschluss:',
        'Die Bezirksvertretung dankt für die Information. Sie bedauert, dass die Radwege fehlen, und fordert die Verwaltung auf, sie bei der weiteren Planung zu berücksichtigen.',
      ].join('\n'),
      options,
    );
    expect(read.mandates.map((m) => m.owners)).toEqual([['Verwaltung']]);
  });
});

describe("a conference's list of decisions under its agenda items (tenth round)", () => {
  const list = [
    'https://konferenz.example.org/beschluesse-62',
    'Beschlüsse der 62. Konferenz der Verkehrsministerinnen und Verkehrsminister',
    '',
    'Am 14. und 15. April 2026 tagte die Konferenz in Erfurt. Hervorzuheben sind folgende Beschlüsse:',
    '',
    '  •  TOP I.4 Barrierefreie Bahnhöfe:',
    '    "Die Ministerinnen und Minister der Länder bitten das Bundesministerium für Verkehr, bis zur Herbstkonferenz einen Bericht vorzulegen."',
    '  • TOP II.12 Radverkehr:',
    '    "Die Ministerinnen und Minister nehmen den Bericht zur Kenntnis."',
  ].join('\n');

  it('takes "Beschlüsse der 62. Konferenz" as the header, its first day, and each "• TOP I.4 Titel:"', () => {
    const read = extract(list, options);
    expect(read.resolutions.map((r) => [r.id, r.title])).toEqual([
      ['2026-04-14 TOP I.4', 'Barrierefreie Bahnhöfe'],
      ['2026-04-14 TOP II.12', 'Radverkehr'],
    ]);
    expect(read.mandates.map((m) => [m.resolution, m.owners, m.due.kind])).toEqual([
      ['2026-04-14 TOP I.4', ['Bund'], 'event'],
    ]);
  });
});

describe('"Sie bitten …" after the deciding officials', () => {
  it('is the officials asking, not a possible miss', () => {
    const read = page(
      'Beschluss:',
      'Die Ministerinnen und Minister stellen fest, dass Handlungsbedarf besteht. Sie bitten den Bund, bis zum 31.12.2026 zu berichten.',
    );
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['Bund'], { kind: 'date', date: '2026-12-31' }],
    ]);
    expect(read.possibleMisses).toEqual([]);
  });

  it('"Sie" after the addressees is no deciding body: left as a possible miss', () => {
    const read = page(
      'Beschluss:',
      'Die Länder werden gebeten, ihre Daten zu melden. Sie bitten den Bund, bis zum 31.12.2026 zu berichten.',
    );
    expect(read.mandates.map((m) => m.owners)).toEqual([LAENDER]);
    expect(read.possibleMisses).toMatchObject([{ word: 'bitten' }]);
  });
});

describe('the heads of the Länder chancelleries stand for the Länder', () => {
  it.each([
    'die Chefin und die Chefs der Staats- und Senatskanzleien',
    'die Chefinnen und Chefs der Staatskanzleien der Länder',
  ])('"%s"', (named) => {
    const read = page('Beschluss:', `Die Konferenz bittet ${named}, bis Juni 2026 zu berichten.`);
    expect(read.mandates.map((m) => [m.owners, m.action, m.uncertain])).toEqual([
      [LAENDER, 'bis Juni 2026 zu berichten', []],
    ]);
  });
});

describe("a conference's own sessions are not the council's", () => {
  it.each<[string, object]>([
    ['bis zur Frühjahrssitzung 2027', { kind: 'date', date: '2027-05-31' }],
    ['bis zur Herbstsitzung', { kind: 'date', date: '2026-11-30' }],
    ['zur 99. Sitzung', { kind: 'event' }],
  ])('"%s"', (phrase, due) => {
    const read = page(
      'Beschlüsse der Konferenz 11.06.2026',
      'Die Ministerinnen und Minister der Länder fassen folgenden Beschluss:',
      `- Die Ministerinnen und Minister der Länder bitten das BMG, ${phrase} zu berichten.`,
    );
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([[['Bund'], due]]);
  });

  it("while the council's own decision keeps its calendar", () => {
    const read = extract(
      'https://example.org/beschluss\nTest\n\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\n1. Der IT-Planungsrat bittet die FITKO, bis zur Frühjahrssitzung 2022 zu berichten.\n',
      options,
    );
    expect(read.mandates.map((m) => m.due)).toEqual([{ kind: 'meeting', meeting: 37 }]);
  });
});

describe("municipal forms of the decision's own verb", () => {
  it('"beschließt, die Verwaltung mit der Ausarbeitung … zu beauftragen": the task before the verb', () => {
    const read = page(
      'Beschluss:',
      'Der Gemeinderat beschließt, die Verwaltung mit der Ausarbeitung eines Konzeptes zu beauftragen.',
    );
    expect(read.mandates.map((m) => [m.owners, m.action])).toEqual([
      [['Verwaltung'], 'mit der Ausarbeitung eines Konzeptes'],
    ]);
  });

  it('"Die Bezirksvertretung bittet die Verwaltung um …": a representative body decides', () => {
    const read = page(
      'Beschluss:',
      'Die Bezirksvertretung bittet die Verwaltung um Prüfung und um Bericht in der nächsten Sitzung.',
    );
    expect(read.mandates.map((m) => m.owners)).toEqual([['Verwaltung']]);
    expect(read.possibleMisses).toEqual([]);
  });
});
