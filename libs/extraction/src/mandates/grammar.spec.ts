import { extract } from '../extract';
import type { Due } from '@app/domain';
import type { ExtractedMandate } from '../extraction.types';
import { LAENDER, loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * The council's grammar, one rule at a time, on sentences written for these tests (not taken from
 * the development set): who is asked and by which form, and by when. Each text is a web decision
 * of the 36th session (29.10.2021, next session 37).
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };
const L = LAENDER;

function decision(body: string, title = 'Testbeschluss'): string {
  return `https://example.org/beschluss\n${title}\n\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\n${body}\n`;
}

function mandates(body: string, title?: string): ExtractedMandate[] {
  return extract(decision(body, title), options).mandates;
}

function read(body: string, title?: string): Array<[number, string[], Due]> {
  return mandates(body, title).map((m) => [m.point, m.owners, m.due]);
}

const none: Due = { kind: 'none' };

describe('who is asked: the forms of a request', () => {
  it.each<[string, string, Array<[number, string[], Due]>]>([
    [
      'active, council subject',
      '1. Der IT-Planungsrat bittet Niedersachsen, einen Bericht vorzulegen.',
      [[1, ['NI'], none]],
    ],
    [
      'pronoun subject "Er"',
      '1. Er beauftragt die FITKO, den Leitfaden zu aktualisieren.',
      [[1, ['FITKO'], none]],
    ],
    [
      'council after the verb',
      '1. Zur Vorbereitung der Haushaltsaufstellung bittet der IT-Planungsrat das Saarland, Zahlen zu liefern.',
      [[1, ['SL'], none]],
    ],
    [
      'passive, subject first',
      '1. Die Länder werden gebeten, Ansprechpersonen zu benennen.',
      [[1, L, none]],
    ],
    [
      'passive, subject after the verb',
      '1. Auf Anregung Bayerns wird das Land Berlin gebeten, die Pilotierung zu begleiten.',
      [[1, ['BE'], none]],
    ],
    [
      'passive with "um"',
      '1. Die FITKO wird um einen Zwischenbericht zur nächsten Sitzung gebeten.',
      [[1, ['FITKO'], { kind: 'meeting', meeting: 37 }]],
    ],
    [
      'invitation',
      '1. Die Länder werden eingeladen, sich an der Pilotphase zu beteiligen.',
      [[1, L, none]],
    ],
    [
      'relative clause: the body set up is commissioned',
      '1. Der IT-Planungsrat richtet eine Projektgruppe ein, die mit der Erarbeitung eines Leitfadens bis zur 38. Sitzung beauftragt wird.',
      [[1, ['Projektgruppe Testbeschluss'], { kind: 'meeting', meeting: 38 }]],
    ],
    [
      'commission given to a dative',
      '1. Der Ausschuss erteilt dem Bauamt den Prüfauftrag, die Kosten zu ermitteln.',
      [[1, ['Bauamt'], none]],
    ],
    [
      'named actor states its own duty',
      '1. Die FITKO legt dem IT-Planungsrat jährlich einen Bericht vor.',
      [[1, ['FITKO'], { kind: 'recurring' }]],
    ],
    [
      'own commitment of the members',
      '1. Die Mitglieder des IT-Planungsrats verpflichten sich, die Standards anzuwenden.',
      [[1, ['Bund', ...L], none]],
    ],
    [
      'inverted actor statement after an adverbial',
      '1. Ergänzend dazu stellen die Länder die notwendigen Daten bereit.',
      [[1, L, none]],
    ],
    [
      'future of a known actor',
      '1. Im Anschluss daran wird Brandenburg die Ergebnisse veröffentlichen.',
      [[1, ['BB'], none]],
    ],
    [
      'duty with its agent named',
      '1. Die Anträge sind durch die Länder bis zum 30.11.2021 zu stellen.',
      [[1, L, { kind: 'date', date: '2021-11-30' }]],
    ],
  ])('%s', (_rule, body, expected) => {
    expect(read(body)).toEqual(expected);
  });

  it.each([
    ['taking note', '1. Der IT-Planungsrat nimmt den Bericht der FITKO zur Kenntnis.'],
    ['approving', '1. Der IT-Planungsrat billigt den Vorschlag des Bundes.'],
    ['an intention', '1. Der IT-Planungsrat beabsichtigt, die Länder zu beteiligen.'],
    ['an impersonal duty', '1. Der Bericht ist bis zum 31.12.2021 vorzulegen.'],
    ['a member asking in discussion', '1. Bayern bittet um eine frühzeitige Beteiligung.'],
    [
      'a participle, not a request',
      '1. Das BMI, beauftragt durch die Länder, übernimmt die Vergabe.',
    ],
    ['the council itself', '1. Der IT-Planungsrat wird die Länder in die Umsetzung einbeziehen.'],
    [
      'members deliberating as the council',
      '1. Bund und Länder werden sich in einer Sondersitzung mit dem Thema befassen.',
    ],
    [
      'a passive of who publishes',
      '1. Änderungen werden durch das BMI im Bundesanzeiger bekannt gemacht.',
    ],
    [
      'a recommendation quoted for another body',
      '1. Der IT-Planungsrat empfiehlt der Ministerpräsidentenkonferenz folgenden Beschluss: „Die Regierungschefinnen und Regierungschefs bitten den Bund und die Länder, die Strategie umzusetzen.“',
    ],
    [
      'decisions the council plans to take',
      '1. Der IT-Planungsrat plant in seiner 37. Sitzung die folgenden Beschlüsse zu fassen:\n- Der IT-Planungsrat beauftragt die FITKO mit dem Betrieb.',
    ],
    [
      "a body's remit where the decision sets it up",
      '1. Der IT-Planungsrat richtet eine Lenkungsgruppe ein. Die Lenkungsgruppe koordiniert die Umsetzung.',
    ],
  ])('%s is no mandate', (_what, body) => {
    expect(read(body)).toEqual([]);
  });
});

describe('the task of a passive request that ends with its participle', () => {
  it.each([
    [
      '1. Die Verwaltung wird mit der Ausschreibung beauftragt.',
      'mit der Ausschreibung beauftragt',
    ],
    [
      '1. Die FITKO wird um einen Bericht zur 37. Sitzung gebeten.',
      'um einen Bericht zur 37. Sitzung gebeten',
    ],
  ])('%s', (body, action) => {
    expect(mandates(body).map((m) => m.action)).toEqual([action]);
  });
});

describe('"zu beauftragen" is an infinitive, not the decision\'s own verb', () => {
  it('keeps the whole task of "bittet X, ... zu informieren und um ... zu bitten"', () => {
    expect(
      mandates(
        '1. Der IT-Planungsrat bittet den Vorsitz, die Länder zu informieren und um Benennung von Ansprechpartnern zu bitten.',
      ).map((m) => [m.owners, m.action]),
    ).toEqual([
      [['Vorsitz'], 'die Länder zu informieren und um Benennung von Ansprechpartnern zu bitten'],
    ]);
  });

  it('reads no ownerless mandate from a committee recommending that the council commission someone', () => {
    const result = extract(
      decision(
        '1. Der Ausschuss empfiehlt dem Rat, die Verwaltung mit der Planung zu beauftragen.',
      ),
      options,
    );
    expect(result.mandates).toEqual([]);
    expect(result.possibleMisses.map((p) => p.word)).toEqual(['beauftragen']);
  });
});

describe('a member\'s own commitment, and "haben zu"', () => {
  it.each<[string, string[], Due]>([
    [
      '1. Der Bund sagt zu, bis zur 37. Sitzung einen Entwurf vorzulegen.',
      ['Bund'],
      { kind: 'meeting', meeting: 37 },
    ],
    ['1. Hamburg erklärt sich bereit, ein Pilotprojekt durchzuführen.', ['HH'], none],
    [
      '1. Die FITKO hat bis zur 37. Sitzung einen Bericht vorzulegen.',
      ['FITKO'],
      { kind: 'meeting', meeting: 37 },
    ],
  ])('%s', (body, owners, due) => {
    expect(read(body)).toEqual([[1, owners, due]]);
  });

  it('reads no duty from what a body has done or is there for', () => {
    expect(read('1. Die FITKO hat den Bericht im Mai vorgelegt.')).toEqual([]);
    expect(read('1. Die FITKO hat die Aufgabe, die Umsetzung zu koordinieren.')).toEqual([]);
  });

  it("still reads the council's own numbered points", () => {
    expect(read('1. Der IT-Planungsrat bittet die FITKO, einen Entwurf vorzulegen.')).toEqual([
      [1, ['FITKO'], none],
    ]);
  });
});

describe('one verb, two addressees with tasks of their own', () => {
  it('ends a task before the link word to the next request', () => {
    expect(
      mandates(
        '1. Der IT-Planungsrat beauftragt die FITKO, ein Konzept vorzulegen, und bittet die Länder um Unterstützung.',
      ).map((m) => m.action),
    ).toEqual(['ein Konzept vorzulegen', 'Unterstützung']);
  });

  it('reads ", und die Länder, ... zu liefern" as a second request with its own time', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet die FITKO, bis zur 37. Sitzung einen Bericht vorzulegen, und die Länder, bis zum 31.12.2021 ihre Daten zu liefern.',
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 37 }],
      [1, L, { kind: 'date', date: '2021-12-31' }],
    ]);
  });

  it('keeps one request where "und" joins two tasks of the same addressee', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet die FITKO, den Bericht zu überarbeiten, und die Ergebnisse zu veröffentlichen.',
      ),
    ).toEqual([[1, ['FITKO'], none]]);
  });
});

describe('who is asked: names, groups and references', () => {
  it('expands the city states and the other Länder (registry groups)', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet die Stadtstaaten, Zahlen zu liefern.\n2. Die Flächenländer werden gebeten, Zahlen zu liefern.',
      ),
    ).toEqual([
      [1, ['BE', 'HB', 'HH'], none],
      [2, L.filter((code) => !['BE', 'HB', 'HH'].includes(code)), none],
    ]);
  });

  it('keeps an unknown addressee by its name, marked as new', () => {
    const [m] = mandates(
      '1. Der IT-Planungsrat bittet die Arbeitsgruppe Barrierefreiheit, Kriterien vorzuschlagen.',
    );
    expect(m).toMatchObject({
      owners: ['Arbeitsgruppe Barrierefreiheit'],
      newOwners: ['Arbeitsgruppe Barrierefreiheit'],
      basis: 'request',
      uncertain: [],
    });
  });

  it('names a bare "die Arbeitsgruppe" after the one the decision named before', () => {
    const found = read(
      '1. Der IT-Planungsrat nimmt den Bericht der Arbeitsgruppe „Datenschutz und Transparenz“ zur Kenntnis.\n2. Er bittet die Arbeitsgruppe, bis zur 38. Sitzung Empfehlungen vorzulegen.',
    );
    expect(found).toEqual([
      [2, ['Arbeitsgruppe Datenschutz und Transparenz'], { kind: 'meeting', meeting: 38 }],
    ]);
  });

  it('names a bare "die Arbeitsgruppe" the decision does not name after its subject, and says so', () => {
    const [m] = mandates(
      '1. Der IT-Planungsrat bittet die Arbeitsgruppe, Empfehlungen vorzulegen.',
      'Barrierefreie Formulare',
    );
    expect(m).toMatchObject({
      owners: ['Arbeitsgruppe Barrierefreie Formulare'],
      uncertain: ['owner-inferred'],
    });
  });

  it('resolves "Er bittet sie" to those asked before, and "ihn" by gender', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet Hamburg und Bremen, ein Konzept zu erstellen.\n2. Er bittet sie, dabei die Kommunen einzubeziehen.',
      ),
    ).toEqual([
      [1, ['HH', 'HB'], none],
      [2, ['HH', 'HB'], none],
    ]);
    expect(
      read(
        '1. Der IT-Planungsrat errichtet einen Beirat nach dem Vorbild der Steuerungsgruppe Register und beauftragt ihn, Leitlinien zu entwickeln.',
      ),
    ).toEqual([[1, ['Beirat'], none]]);
  });

  it('expands groups, reads lists with roles, brackets and "die Federführer"', () => {
    expect(read('1. Der IT-Planungsrat bittet seine Mitglieder, Daten zu melden.')).toEqual([
      [1, ['Bund', ...L], none],
    ]);
    expect(
      read(
        '1. Der IT-Planungsrat bittet Sachsen (als Vorsitzland) und die AG Cloud, ein Zielbild zu entwerfen.',
      ),
    ).toEqual([[1, ['SN', 'AG Cloud Computing und Digitale Souveränität'], none]]);
    expect(
      read(
        '1. Die Federführung wird durch die Länder Thüringen und Sachsen wahrgenommen.\n2. Die Federführer werden gebeten, einen Zeitplan vorzulegen.',
      ),
    ).toEqual([[2, ['TH', 'SN'], none]]);
  });

  it('reads what the council decides or expects someone to do ("beschließt, dass ...")', () => {
    expect(
      read(
        [
          '1. Der IT-Planungsrat beschließt, dass die FITKO bis zur 38. Sitzung einen Bericht vorlegt.',
          '2. Der IT-Planungsrat erwartet von den Ländern, dass sie bis zum 30.06.2022 ihre Bedarfe melden.',
          '3. Er hält es für erforderlich, dass Hessen das Konzept überarbeitet.',
          '4. Der IT-Planungsrat beschließt, dass die Mittel bereitgestellt werden.',
          '5. Der IT-Planungsrat beschließt, dass der Standard ab dem 01.01.2023 gilt.',
        ].join('\n'),
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
      [2, L, { kind: 'date', date: '2022-06-30' }],
      [3, ['HE'], none],
    ]);
  });

  it('reads "betraut X mit" as a commission, and a duty after "übernimmt die Federführung und"', () => {
    expect(
      read(
        '1. Der IT-Planungsrat betraut die FITKO mit der Marktanalyse.\n2. Hamburg übernimmt die Federführung und berichtet zur 38. Sitzung.',
      ),
    ).toEqual([
      [1, ['FITKO'], none],
      [2, ['HH'], { kind: 'meeting', meeting: 38 }],
    ]);
  });

  it('leaves out the members a group names as exceptions', () => {
    expect(
      read(
        '1. Die Länder mit Ausnahme von Bayern und Hessen werden gebeten, die Lösung nachzunutzen.',
      ),
    ).toEqual([[1, L.filter((l) => l !== 'BY' && l !== 'HE'), none]]);
    expect(read('1. Der IT-Planungsrat bittet alle Länder außer Hamburg, zu berichten.')).toEqual([
      [1, L.filter((l) => l !== 'HH'), none],
    ]);
  });

  it('reads other federal ministries and the federal departments as the Bund', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet das BMDV, zu berichten.\n2. Die Ressorts des Bundes und der Länder werden gebeten, Bedarfe zu melden.',
      ),
    ).toEqual([
      [1, ['Bund'], none],
      [2, ['Bund', ...L], none],
    ]);
  });

  it('reads "die beteiligten Länder" as the Länder the decision named, not all of them', () => {
    const found = mandates(
      '1. Der IT-Planungsrat bittet Hessen und Berlin, ein Pilotverfahren durchzuführen.\n2. Die beteiligten Länder werden gebeten, über die Ergebnisse zu berichten.',
    );
    expect(found[1]).toMatchObject({ owners: ['HE', 'BE'], uncertain: ['owner-inferred'] });
  });

  it('reads "die Mitglieder aus X und Y" as those members', () => {
    expect(
      read('1. Der IT-Planungsrat beauftragt die Mitglieder aus Bund und Bayern mit der Auswahl.'),
    ).toEqual([[1, ['Bund', 'BY'], none]]);
  });

  it('ends the addressees at the comma that opens the task', () => {
    expect(
      read('1. Der IT-Planungsrat bittet den Vorsitz, die Finanzministerkonferenz zu informieren.'),
    ).toEqual([[1, ['Vorsitz'], none]]);
  });

  it('takes the owner from who presented a thing where the request names nobody', () => {
    expect(
      read(
        '1. Der IT-Planungsrat nimmt den durch den Bund und die FITKO vorgelegten Plan zur Kenntnis und bittet darum, ihn bis zur 38. Sitzung fortzuschreiben.',
      ),
    ).toEqual([[1, ['Bund', 'FITKO'], { kind: 'meeting', meeting: 38 }]]);
  });
});

describe('by when: deadlines', () => {
  const due = (body: string) => mandates(body).map((m) => m.due);
  it.each<[string, Due]>([
    ['zur nächsten Sitzung', { kind: 'meeting', meeting: 37 }],
    ['bis zur 40. Sitzung', { kind: 'meeting', meeting: 40 }],
    ['auf der 38. Sitzung', { kind: 'meeting', meeting: 38 }],
    ['für die 39. Sitzung', { kind: 'meeting', meeting: 39 }],
    ['möglichst zur nächsten Sitzung', { kind: 'meeting', meeting: 37, soft: true }],
    ['zur Frühjahrssitzung 2022', { kind: 'meeting', meeting: 37 }],
    ['bis Ende 2022', { kind: 'date', date: '2022-12-31' }],
    ['bis zum 15. Dezember', { kind: 'date', date: '2021-12-15' }],
    ['bis spätestens 31.03.2022', { kind: 'date', date: '2022-03-31' }],
    ['bis Mitte Februar 2022', { kind: 'date', date: '2022-02-15' }],
    ['bis zur 3. Kalenderwoche 2022', { kind: 'date', date: '2022-01-23' }],
    ['bis Herbst 2022', { kind: 'date', date: '2022-11-30' }],
    ['bis Ende des ersten Quartals 2022', { kind: 'date', date: '2022-03-31' }],
    ['bis Ende Q2 2022', { kind: 'date', date: '2022-06-30' }],
    ['bis zur AL-Runde am 14.12.2021', { kind: 'date', date: '2021-12-14' }],
    ['bis zur Sitzung der AL-Runde im Januar 2022', { kind: 'date', date: '2022-01-31' }],
    ['bis zur 40. AL-Runde', { kind: 'event' }],
    ['nach Abschluss der Pilotphase', { kind: 'event' }],
    ['bis zu den Haushaltsberatungen', { kind: 'event' }],
    ['rechtzeitig zu den Beratungen über den Haushalt 2027', { kind: 'event' }],
    ['ab der 37. Sitzung regelmäßig', { kind: 'recurring', fromMeeting: 37 }],
    ['jeweils zur ersten Sitzung eines Jahres', { kind: 'recurring' }],
    ['zeitnah', none],
  ])('"%s"', (phrase, expected) => {
    expect(
      due(`1. Der IT-Planungsrat bittet die FITKO, ${phrase} einen Bericht vorzulegen.`),
    ).toEqual([expected]);
  });

  it('reads "zum <Datum>" next to the task as its deadline, but not a date of the object', () => {
    expect(
      due(
        '1. Der IT-Planungsrat bittet die FITKO, das Verfahren zum 01.07.2022 in den Betrieb zu übernehmen.',
      ),
    ).toEqual([{ kind: 'date', date: '2022-07-01' }]);
    expect(
      due(
        '1. Der IT-Planungsrat bittet Bremen, die zum 01.07.2022 geltende Vereinbarung auf der Grundlage des Konzepts der Arbeitsgruppe anzuwenden.',
      ),
    ).toEqual([none]);
  });

  it('takes no deadline from what a date describes: a limited group, a relative clause, the past', () => {
    expect(
      due('1. Die FITKO wird gebeten, eine bis Juni 2022 befristete Arbeitsgruppe einzurichten.'),
    ).toEqual([none]);
    expect(
      due(
        '1. Der IT-Planungsrat beauftragt Hessen, nach Zustimmung der Länder ein Büro einzurichten, das im März 2022 seine Arbeit aufnimmt.',
      ),
    ).toEqual([{ kind: 'event' }]);
    expect(due('1. Die FITKO wird gebeten, die im Mai 2021 begonnene Reihe fortzusetzen.')).toEqual(
      [none],
    );
  });

  it('lends a deadline from a sentence without request, and carries "bis dahin"', () => {
    expect(
      due(
        '1. Die FITKO wird gebeten, die Anforderungen zu erheben. In der 38. Sitzung soll darüber berichtet werden.',
      ),
    ).toEqual([{ kind: 'meeting', meeting: 38 }]);
    expect(
      due(
        '1. Der IT-Planungsrat strebt an, den Standard in seiner 39. Sitzung zu beschließen. Er bittet Bayern, bis dahin ein Finanzierungskonzept zu erarbeiten.',
      ),
    ).toEqual([{ kind: 'meeting', meeting: 39 }]);
    expect(
      due(
        '1. Der Bund wird gebeten, bis zur 38. Sitzung zu berichten.\n2. Die FITKO wird gebeten, zum gleichen Termin einen Plan vorzulegen.',
      ),
    ).toEqual([
      { kind: 'meeting', meeting: 38 },
      { kind: 'meeting', meeting: 38 },
    ]);
  });

  it('gives two tasks of one request with deadlines of their own two mandates', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet die FITKO, bis zum 30. November einen Entwurf vorzulegen und spätestens bis zur 38. Sitzung die Endfassung zu finalisieren.',
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'date', date: '2021-11-30' }],
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
    ]);
  });

  it('counts the next session of a special session from the calendar', () => {
    const text =
      'https://example.org\nTitel\n\n15.01.2022 | Sondersitzung | Beschluss 2022/98\n\n1. Die FITKO wird gebeten, zur nächsten Sitzung zu berichten.\n';
    const result = extract(text, options);
    expect(result.meeting).toMatchObject({ kind: 'special', date: '2022-01-15' });
    expect(result.mandates[0].due).toEqual({ kind: 'meeting', meeting: 37 });
  });
});

/**
 * Municipal decision pages: a verdict line, then the decision, often numbered; minutes that tell
 * the meeting's course around a commission. Pages written for these tests.
 */
describe('text from a PDF: words broken at the end of a line', () => {
  it('joins "Bre-/men" and "Sit-/zung", keeps "Bund-/Länder" hyphenated and "Bund- und" open', () => {
    const found = mandates(
      [
        '1. Der IT-Planungsrat bittet das Land Bre-',
        'men, bis zur 38. Sit-',
        'zung einen Be-',
        'richt vorzulegen.',
        '2. Er bittet die Bund-',
        'Länder-Arbeitsgruppe Cloud, die Bund- und',
        'Länderportale bis zum 30.06.2022 zu verbinden.',
      ].join('\n'),
    );
    expect(found.map((m) => [m.point, m.owners, m.due])).toEqual([
      [1, ['HB'], { kind: 'meeting', meeting: 38 }],
      [2, ['Bund-Länder-Arbeitsgruppe Cloud'], { kind: 'date', date: '2022-06-30' }],
    ]);
    expect(found.map((m) => m.source)).toEqual([
      'Der IT-Planungsrat bittet das Land Bremen, bis zur 38. Sitzung einen Bericht vorzulegen.',
      'Er bittet die Bund-Länder-Arbeitsgruppe Cloud, die Bund- und Länderportale bis zum 30.06.2022 zu verbinden.',
    ]);
  });
});

describe('municipal decision pages', () => {
  const page = (...lines: string[]) =>
    ['https://ratsinfo.example.org/to0050.asp?__ktonr=9001', ...lines].join('\n');
  const readPage = (...lines: string[]) =>
    extract(page(...lines), options).mandates.map((m) => [m.point, m.owners, m.due, m.uncertain]);

  it.each([
    ['1.', '2.'],
    ['1)', '2)'],
    ['1.)', '2.)'],
  ])('splits points numbered "%s" after the verdict line', (one, two) => {
    expect(
      readPage(
        'Beschluss: einstimmig angenommen',
        '',
        `${one}    Der Bericht über die Schulwegsicherung wird zur Kenntnis genommen.`,
        `${two}    Der Amtsdirektor wird beauftragt, die Eltern über das Ergebnis zu unterrichten.`,
      ),
    ).toEqual([[2, ['Amtsdirektor'], { kind: 'none' }, []]]);
  });

  it('takes a person asked by title and name for the owner, flagged as not in the registry', () => {
    expect(
      readPage(
        'Beschluss: einstimmig beschlossen',
        '',
        'Herr Lindqvist wird gebeten eine Kostenaufstellung zu fertigen.',
        'Der Ausschuss bittet Frau Dr. Obermaier, bis zur nächsten Sitzung zu berichten.',
      ),
    ).toEqual([
      [1, ['Herr Lindqvist'], { kind: 'none' }, ['owner-unknown']],
      [1, ['Frau Dr. Obermaier'], { kind: 'event' }, ['deadline-undated', 'owner-unknown']],
    ]);
  });

  it('does not take what a person tells or proposes in the minutes for a duty', () => {
    expect(
      readPage(
        'Beschluss: zur Kenntnis genommen',
        '',
        'Herr Lindqvist berichtet über den Stand der Planung.',
        'Frau Obermaier schlägt vor, die Frage im Herbst erneut zu beraten.',
      ),
    ).toEqual([]);
  });

  it('splits the points after a line that introduces them', () => {
    expect(
      readPage(
        'Beschluss: einstimmig angenommen',
        '',
        'Ergebnis/Beschluss:',
        '',
        'Der Ortsrat fasst folgenden Beschluss.',
        '1.  Der Bericht über die Schulwegsicherung wird zur Kenntnis genommen.',
        '2.  Der Amtsdirektor wird beauftragt, die Eltern über das Ergebnis zu unterrichten.',
      ).map(([point, owners]) => [point, owners]),
    ).toEqual([[2, ['Amtsdirektor']]]);
  });

  it('splits points lettered "zu a)", "zu b)" on lines of their own', () => {
    expect(
      readPage(
        'zu a) - Der Bericht über die Kita-Plätze wird zur Kenntnis genommen.',
        'zu b) – Je nach Stand der Planung wird die Verwaltung mit der Suche nach einem Grundstück beauftragt.',
      ).map(([point, owners]) => [point, owners]),
    ).toEqual([[2, ['Verwaltung']]]);
  });

  it('reads the budget deliberations as an event without a date, and a "dass ... soll" addition as a possible miss', () => {
    expect(
      readPage(
        'Beschluss: einstimmig beschlossen',
        '',
        'Die Verwaltung wird beauftragt, den Finanzbedarf zu den Haushaltsberatungen 2027 anzumelden.',
      ),
    ).toEqual([[1, ['Verwaltung'], { kind: 'event' }, ['deadline-undated']]]);
    const postponed = extract(
      page(
        'Beschluss: einstimmig vertagt',
        '',
        'Der Punkt wird mit dem Zusatz vertagt, dass die Verwaltung bereits Fördermittel beantragen soll.',
      ),
      options,
    );
    expect(postponed.mandates).toEqual([]);
    expect(postponed.possibleMisses).toMatchObject([{ word: 'soll' }]);
  });

  it('keeps a list that a request introduces as what it asks for', () => {
    expect(
      readPage(
        'Beschluss: einstimmig angenommen',
        '',
        'Die Verwaltung wird beauftragt, bis zum 30.06.2026 folgende Punkte zu prüfen:',
        '1. die Beleuchtung des Parkplatzes,',
        '2. die Zufahrt für Rettungsfahrzeuge.',
      ).map(([point, owners]) => [point, owners]),
    ).toEqual([[1, ['Verwaltung']]]);
  });

  it('reads the addressee after the verb when a subordinate clause comes first', () => {
    expect(
      readPage(
        'Beschluss: einstimmig beschlossen',
        '',
        'Da die Angebote nicht vergleichbar sind, wird der Werkausschuss gebeten, neue Angebote einzuholen.',
      ).map(([, owners]) => owners),
    ).toEqual([['Werkausschuss']]);
  });

  it("takes no mandate from minutes telling the meeting's course", () => {
    expect(
      readPage(
        'Beschluss: einstimmig beschlossen',
        '',
        'Anschließend legt der Bürgermeister dem Rat zwei Entwürfe für den Spielplatz vor. Die Verwaltung wird beauftragt, die Kosten beider Entwürfe zu ermitteln.',
      ).map(([, owners]) => owners),
    ).toEqual([['Verwaltung']]);
  });

  it.each([
    'Die Ergebnisse werden in der nächsten Sportausschusssitzung beraten.',
    'Die Entscheidung wird auf die nächste Sitzung vertagt.',
  ])('lends the time of "%s" to the mandate, flagged', (follow) => {
    expect(
      readPage(
        'Beschluss: einstimmig beschlossen',
        '',
        `Die Verwaltung wird beauftragt, die Hallenzeiten neu zu ordnen. ${follow}`,
      ),
    ).toEqual([[1, ['Verwaltung'], { kind: 'event' }, ['deadline-borrowed']]]);
  });

  it('reads each agenda item under its own result line as a decision of its own', () => {
    const extraction = extract(
      page(
        'Sitzung des Kulturausschusses',
        '',
        'TOP 3 Sanierung der Stadthalle',
        'Beschluss: einstimmig beschlossen',
        '',
        'Die Verwaltung wird beauftragt, die Ausschreibung bis zum 31.05.2026 vorzubereiten.',
        '',
        'TOP 4: Antrag der Fraktion XY: Kostenlose Museumstage',
        'Beschluss: mehrheitlich abgelehnt',
        '',
        'Die Verwaltung wird gebeten, bis zum 30.04.2026 die Kosten zu ermitteln.',
        '',
        'TOP 5 Stadtbücherei',
        'Beschluss:',
        'Der Ausschuss beschließt:',
        'Die Bürgermeisterin wird gebeten, dem Ausschuss in seiner nächsten Sitzung zu berichten.',
      ),
      options,
    );
    expect(extraction.resolutions.map((r) => [r.id, r.title])).toEqual([
      ['#1', 'Sanierung der Stadthalle'],
      ['#2', 'Antrag der Fraktion XY: Kostenlose Museumstage'],
      ['#3', 'Stadtbücherei'],
    ]);
    expect(extraction.mandates.map((m) => [m.resolution, m.owners, m.due])).toEqual([
      ['#1', ['Verwaltung'], { kind: 'date', date: '2026-05-31' }],
      ['#3', ['Bürgermeisterin'], { kind: 'event' }],
    ]);
    // The rejected item's request is shown, as not adopted; the shape of the page is known.
    expect(extraction.possibleMisses).toMatchObject([{ resolution: '#2', notAdopted: true }]);
    expect(extraction.shapeDoubt).toBeUndefined();
  });

  it('reads a commission put as a label: "Prüfauftrag:", "Arbeitsauftrag an die Verwaltung:"', () => {
    expect(
      readPage(
        'Beschluss: einstimmig beschlossen',
        '',
        'Prüfauftrag: Die Verwaltung prüft, ob der Schulbus auch die Siedlung Am Hang anfahren kann. Das Ergebnis wird dem Ausschuss bis zum 15.10.2026 vorgelegt.',
      ),
    ).toEqual([[1, ['Verwaltung'], { kind: 'date', date: '2026-10-15' }, ['deadline-borrowed']]]);
    expect(
      readPage(
        'Beschluss: einstimmig beschlossen',
        '',
        'Arbeitsauftrag an die Verwaltung:',
        'Es ist zu prüfen, ob die Turnhalle an Wochenenden vermietet werden kann.',
      ),
    ).toEqual([[1, ['Verwaltung'], { kind: 'none' }, []]]);
  });

  it('shows a label commission that names nobody as a possible miss, and tells no story as one', () => {
    const unnamed = extract(
      page(
        'Beschluss: einstimmig beschlossen',
        '',
        'Prüfauftrag:',
        'Es wird geprüft, ob am Sportplatz Parkplätze angelegt werden können.',
      ),
      options,
    );
    expect(unnamed.mandates).toEqual([]);
    expect(unnamed.possibleMisses).toMatchObject([{ word: 'Prüfauftrag' }]);
    const told = extract(
      page(
        'Beschluss: einstimmig beschlossen',
        '',
        'Im März wurde ein Prüfauftrag für die Verwaltung beschlossen. Die Verwaltung wird beauftragt, die Ergebnisse bis zum 30.06.2026 vorzulegen.',
      ),
      options,
    );
    expect(told.mandates.map((m) => m.owners)).toEqual([['Verwaltung']]);
    expect(told.possibleMisses).toEqual([]);
  });

  it('ends a name before a capital article: a heading run into the sentence adds no word to it', () => {
    expect(
      readPage(
        'TOP 4 Anfragen an die Verwaltung',
        '',
        'Die Verwaltung wird beauftragt, bis zum 30.06.2026 einen Bericht über die Schulwege vorzulegen.',
      ).map(([, owners]) => owners),
    ).toEqual([['Verwaltung']]);
  });

  it('keeps one decision where only one agenda item has a result line', () => {
    const extraction = extract(
      page(
        'TOP 1 Eröffnung',
        'Die Vorsitzende eröffnet die Sitzung.',
        'TOP 2 Radweg am Bach',
        'Beschluss: einstimmig beschlossen',
        '',
        'Die Verwaltung wird beauftragt, den Radweg zu planen.',
      ),
      options,
    );
    expect(extraction.resolutions.map((r) => r.id)).toEqual(['#1']);
    expect(extraction.mandates.map((m) => m.owners)).toEqual([['Verwaltung']]);
  });
});

describe('addressees and those the task is for', () => {
  it('"bittet die FITKO, dem Bund und den Ländern … vorzulegen": the dative receives, it is not asked', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet die FITKO, dem Bund und den Ländern bis zur 38. Sitzung ein Konzept vorzulegen.',
      ),
    ).toEqual([[1, ['FITKO'], { kind: 'meeting', meeting: 38 }]]);
  });

  it('"bittet die FITKO, Hessen und Bayern, …" still asks all three', () => {
    expect(
      read(
        '1. Der IT-Planungsrat bittet die FITKO, Hessen und Bayern, bis zur 38. Sitzung zu berichten.',
      ),
    ).toEqual([[1, ['FITKO', 'HE', 'BY'], { kind: 'meeting', meeting: 38 }]]);
  });

  it('"die Länder, die bisher nicht gemeldet haben, …": some of the group, so flagged', () => {
    const [m] = mandates(
      '1. Der IT-Planungsrat bittet die Länder, die bisher keine Meldung abgegeben haben, bis zur 38. Sitzung zu berichten.',
    );
    expect(m.owners).toEqual(L);
    expect(m.uncertain).toEqual(['owner-inferred']);
  });

  it('"seine Mitglieder, die erforderlichen Schritte … einzuleiten": the object, no restriction', () => {
    const [m] = mandates(
      '1. Der IT-Planungsrat bittet seine Mitglieder, die erforderlichen Schritte bis zur 38. Sitzung einzuleiten.',
    );
    expect(m.owners).toEqual(['Bund', ...L]);
    expect(m.uncertain).toEqual([]);
  });

  it('"die Landesregierungen" are the Länder', () => {
    expect(
      read('1. Der IT-Planungsrat bittet die Landesregierungen, bis zur 38. Sitzung zu berichten.'),
    ).toEqual([[1, L, { kind: 'meeting', meeting: 38 }]]);
  });

  it('"erwartet einen Bericht der FITKO zur 38. Sitzung" is shown as a possible miss', () => {
    const extraction = extract(
      decision('1. Der IT-Planungsrat erwartet einen Bericht der FITKO zur 38. Sitzung.'),
      options,
    );
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word: 'erwartet' }]);
  });
});

describe('offices named in a list, and "bittet darum, dass …"', () => {
  it.each<[string, string[], string[]]>([
    [
      '1. Der Bürgermeister und der Bauausschussvorsitzende werden beauftragt, Angebote einzuholen.',
      ['Bürgermeister', 'Bauausschussvorsitzende'],
      ['owner-unknown'],
    ],
    [
      '1. Der Bürgermeister und der Bau- und Wegeausschussvorsitzende werden beauftragt, Angebote einzuholen.',
      ['Bürgermeister', 'Bau- und Wegeausschussvorsitzende'],
      ['owner-unknown'],
    ],
    // An office that says what it is ("…leiterin") is no bare label: not in doubt.
    [
      '1. Der Rat bittet den Bürgermeister und die Amtsleiterin, Angebote einzuholen.',
      ['Bürgermeister', 'Amtsleiterin'],
      [],
    ],
  ])(
    '"%s": every office of the list; "…vorsitzende" (its form unsure) flagged',
    (body, owners, doubt) => {
      const [m] = mandates(body);
      expect(m.owners).toEqual(owners);
      expect(m.uncertain).toEqual(doubt);
    },
  );

  it('"bittet darum, dass die Verwaltung … zugeht": the clause\'s subject is asked', () => {
    const [m] = mandates(
      '1. Der IT-Planungsrat bittet darum, dass die Verwaltung erneut auf das Unternehmen zugeht.',
    );
    expect(m.owners).toEqual(['Verwaltung']);
    expect(m.action).toBe('erneut auf das Unternehmen zugeht');
    expect(m.uncertain).toEqual([]);
  });
});

describe('what a decision lists after "beschließt:"', () => {
  it.each([
    '1. Der IT-Planungsrat beschließt: a) Die FITKO erstellt bis zur 38. Sitzung ein Konzept. b) Die Länder melden bis zum 31.03.2022 ihre Bedarfe.',
    '1. Der IT-Planungsrat beschließt:\na) Die FITKO erstellt bis zur 38. Sitzung ein Konzept.\nb) Die Länder melden bis zum 31.03.2022 ihre Bedarfe.',
  ])('reads each lettered item as its own duty (%#)', (body) => {
    expect(read(body)).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
      [1, L, { kind: 'date', date: '2022-03-31' }],
    ]);
  });

  it('reads "beschließt: Die FITKO erstellt …" as the FITKO\'s duty', () => {
    expect(
      read('1. Der IT-Planungsrat beschließt: Die FITKO erstellt bis zur 38. Sitzung ein Konzept.'),
    ).toEqual([[1, ['FITKO'], { kind: 'meeting', meeting: 38 }]]);
  });
});

describe('"Die Umsetzung erfolgt durch die FITKO bis …": what is done, by whom, by when', () => {
  it.each<[string, Due]>([
    [
      '1. Die Umsetzung erfolgt durch die FITKO bis zum 31.12.2022.',
      { kind: 'date', date: '2022-12-31' },
    ],
    [
      '1. Die Abstimmung mit den Ländern erfolgt bis zur 38. Sitzung durch die FITKO.',
      { kind: 'meeting', meeting: 38 },
    ],
  ])('%s', (body, due) => {
    expect(read(body)).toEqual([[1, ['FITKO'], due]]);
  });

  it('without a time it names a role, no duty', () => {
    expect(read('1. Die Koordinierung erfolgt durch das Land Hessen.')).toEqual([]);
  });
});

describe('short forms of the Länder', () => {
  it.each([
    ['M-V', 'MV'],
    ['S-H', 'SH'],
    ['BaWü', 'BW'],
    ['LSA', 'ST'],
  ])('"%s" is %s', (written, code) => {
    expect(
      read(`1. Der IT-Planungsrat bittet ${written}, bis zur 38. Sitzung zu berichten.`),
    ).toEqual([[1, [code], { kind: 'meeting', meeting: 38 }]]);
  });
});

describe('a request whose lines break, and its numbered tasks (held-out round 11)', () => {
  it('a first line that ends in a comma is no title: "Der IT-Planungsrat bittet die FITKO,⏎bis …"', () => {
    expect(
      read('Der IT-Planungsrat bittet die FITKO,\nbis zur 38. Sitzung ein Konzept vorzulegen.'),
    ).toEqual([[1, ['FITKO'], { kind: 'meeting', meeting: 38 }]]);
  });

  it.each([
    'Der IT-Planungsrat bittet\ndie FITKO, bis zur 38. Sitzung ein Konzept vorzulegen.',
    'Der IT-Planungsrat bittet die\nFITKO, bis zur 38. Sitzung ein Konzept vorzulegen.',
    'Der IT-Planungsrat bittet die FITKO\nbis zur 38. Sitzung ein Konzept vorzulegen.',
    'Der IT-Planungsrat bittet die FITKO, bis zur\n38. Sitzung ein Konzept vorzulegen.',
    'Der IT-Planungs-\nrat bittet die FITKO, bis zur 38. Sitzung ein Konzept vorzulegen.',
    'Der IT-Planungsrat bittet die FITKO, bis zur 38. Sitzung ein Konzept\nvorzulegen.',
    'Der IT-Planungsrat bittet die FITKO (Abteilung\nStandards), bis zur 38. Sitzung ein Konzept vorzulegen.',
  ])('a first line broken inside the sentence is no title: %j', (body) => {
    expect(read(body)).toEqual([[1, ['FITKO'], { kind: 'meeting', meeting: 38 }]]);
  });

  it('a title line after the header stays the title', () => {
    const extraction = extract(
      'https://example.org/beschluss\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\nBessere Statistiken für die Verwaltung\nDer IT-Planungsrat bittet die FITKO, bis zur 38. Sitzung ein Konzept vorzulegen.\n',
      options,
    );
    expect(extraction.resolutions.map((r) => r.title)).toEqual([
      'Bessere Statistiken für die Verwaltung',
    ]);
    expect(extraction.mandates.map((m) => m.owners)).toEqual([['FITKO']]);
  });

  it('"bittet die FITKO,⏎1. bis … vorzulegen,⏎2. bis … zu prüfen": each task with its own time', () => {
    expect(
      read(
        'Der IT-Planungsrat bittet die FITKO,\n1. bis zur 38. Sitzung ein Konzept vorzulegen,\n2. bis zur 40. Sitzung die Umsetzung zu prüfen.',
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
      [1, ['FITKO'], { kind: 'meeting', meeting: 40 }],
    ]);
  });
});

describe("the members' CIOs stand for them", () => {
  it.each<[string, string[]]>([
    ['die CIOs der Länder', L],
    ['die IT-Beauftragten der Länder', L],
    ['die CIOs des Bundes und der Länder', ['Bund', ...L]],
  ])('"%s"', (named, owners) => {
    expect(read(`1. Der IT-Planungsrat bittet ${named}, bis zum 31.12.2021 zu berichten.`)).toEqual(
      [[1, owners, { kind: 'date', date: '2021-12-31' }]],
    );
  });
});

describe('two passive requests in one sentence', () => {
  it('"Die FITKO wird gebeten, …, und die Länder werden gebeten, bis dahin …": one each, the time lent', () => {
    expect(
      read(
        '1. Die FITKO wird gebeten, dem IT-Planungsrat bis zu seiner 38. Sitzung einen Bericht vorzulegen, und die Länder werden gebeten, bis dahin ihre Daten zu melden.',
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
      [1, L, { kind: 'meeting', meeting: 38 }],
    ]);
  });

  it('each with its own time', () => {
    expect(
      read(
        '1. Die FITKO wird gebeten, bis zur 38. Sitzung zu berichten, und die Länder werden gebeten, bis zum 31.12.2021 ihre Daten zu melden.',
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
      [1, L, { kind: 'date', date: '2021-12-31' }],
    ]);
  });
});

describe('more forms of the passive request', () => {
  it.each<[string, string[], Due]>([
    [
      '1. Die FITKO ist zu beauftragen, bis zur 38. Sitzung ein Konzept vorzulegen.',
      ['FITKO'],
      { kind: 'meeting', meeting: 38 },
    ],
    [
      '1. Die Länder sind zu bitten, bis Ende 2022 ihre Daten zu melden.',
      L,
      { kind: 'date', date: '2022-12-31' },
    ],
    [
      '1. Hiermit wird die FITKO beauftragt, bis zur 38. Sitzung ein Konzept vorzulegen.',
      ['FITKO'],
      { kind: 'meeting', meeting: 38 },
    ],
  ])('%s', (body, owners, due) => {
    const [m] = mandates(body);
    expect([m.owners, m.due, m.uncertain]).toEqual([owners, due, []]);
  });

  it('"bittet im Übrigen die FITKO": the adverb is no part of the addressee', () => {
    const [m] = mandates(
      '1. Der IT-Planungsrat bittet im Übrigen die FITKO, bis zur 38. Sitzung zu berichten.',
    );
    expect([m.owners, m.uncertain]).toEqual([['FITKO'], []]);
  });
});

describe('a lone point "1.", the stated request "sind gebeten", an appeal', () => {
  it.each<[string, string[]]>([
    ['1. Bund und Länder werden gebeten, bis Ende 2022 ein Konzept vorzulegen.', ['Bund', ...L]],
    [
      'Der IT-Planungsrat beschließt:\n\n1. Bayern wird gebeten, bis Ende 2022 ein Konzept vorzulegen.',
      ['BY'],
    ],
    ['2.) Hessen legt bis Ende 2022 ein Konzept vor.', ['HE']],
  ])('a list number is no part of the name: "%s"', (body, owners) => {
    expect(read(body).map(([, o]) => o)).toEqual([owners]);
  });

  it.each([
    'Die Länder sind gebeten, bis Ende 2022 ihre Daten zu melden.',
    'Die Länder sind aufgefordert, bis Ende 2022 ihre Daten zu melden.',
  ])('"%s" asks the Länder', (sentence) => {
    expect(read(`1. ${sentence}`)).toEqual([[1, L, { kind: 'date', date: '2022-12-31' }]]);
  });

  it('"ist gebeten worden" tells what happened: no mandate', () => {
    expect(read('1. Die FITKO ist gebeten worden, bis Ende 2022 zu berichten.')).toEqual([]);
  });

  it('an appeal to members is read, flagged as perhaps no task', () => {
    const [m] = mandates(
      '1. Der IT-Planungsrat appelliert an die Länder, die Umsetzung bis Ende 2022 abzuschließen.',
    );
    expect(m.owners).toEqual(L);
    expect(m.due).toEqual({ kind: 'date', date: '2022-12-31' });
    expect(m.basisText).toBe('appelliert an');
    expect(m.uncertain).toEqual(['request-unclear']);
  });

  it('an appeal to others than members and bodies is a statement', () => {
    expect(
      read('1. Die Mitglieder appellieren an die Wirtschaft, ihre Abwehr zu stärken.'),
    ).toEqual([]);
  });
});

describe('municipal pages: headings, restarted lists, record numbers', () => {
  const page = (...lines: string[]) =>
    extract(['https://ratsinfo.example.org/beschluss_2010_35.htm', ...lines].join('\n'), options);

  it("a heading without a full stop is no part of the next line's sentence", () => {
    const extraction = page(
      'Bildung einer gemeinsamen Geschäftsführung',
      'Der Bürgermeister wird beauftragt, auf eine gemeinsame Geschäftsführung hinzuwirken.',
    );
    expect(extraction.mandates.map((m) => [m.owners, m.source])).toEqual([
      [
        ['Bürgermeister'],
        'Der Bürgermeister wird beauftragt, auf eine gemeinsame Geschäftsführung hinzuwirken.',
      ],
    ]);
  });

  it('the council deciding after a heading still asks', () => {
    const extraction = page(
      'Antrag auf Erklärung zur Großen Kreisstadt',
      'Der Stadtrat beauftragt den Bürgermeister, den Antrag bei der Staatsregierung zu stellen.',
    );
    expect(extraction.mandates.map((m) => m.owners)).toEqual([['Bürgermeister']]);
  });

  it('list items that each restart at "1." are the points 1, 2, 3', () => {
    const extraction = page(
      'Beschluss: mehrheitlich beschlossen',
      '',
      '1. Der Ausschuss stimmt der Neufassung des Plans zu.',
      '',
      '1. Der Ausschuss nimmt den Bericht zur Kenntnis.',
      '',
      '1. Die Verwaltung wird beauftragt, ein Auswahlverfahren durchzuführen.',
    );
    expect(extraction.resolutions[0].points.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(extraction.mandates.map((m) => [m.point, m.owners])).toEqual([[3, ['Verwaltung']]]);
  });

  it.each([
    ['Beschluss Nr.: SR060-2011', 'SR060-2011'],
    // spaces inside a number are dropped, as in "2021 / 07"
    ['Beschluss Nr. 02 – 36./7.', '02–36./7.'],
  ])('"%s" names a decision', (line, id) => {
    const extraction = page(
      'Beschlüsse des Stadtrates vom 29.06.2011',
      '',
      line,
      '',
      'Der Stadtrat beauftragt den Bürgermeister, bis zum 30.09.2011 zu berichten.',
      '',
      'Beschluss Nr.: SR061-2011',
      '',
      'Der Stadtrat beschließt den Haushalt.',
    );
    expect(extraction.resolutions.map((r) => r.id)).toEqual([id, 'SR061-2011']);
    expect(extraction.mandates.map((m) => [m.resolution, m.owners])).toEqual([
      [id, ['Bürgermeister']],
    ]);
  });
});

describe('municipal pages: drafts, label lines, the council itself', () => {
  const page = (...lines: string[]) => extract(lines.join('\n'), options);

  it('a draft under "Beschlussvorschlag:" is read apart from the lines above it, flagged', () => {
    const extraction = page(
      'https://ratsinfo.example.org/vo020.asp?VOLFDNR=1234',
      'Vorlage Nr. 2023/145',
      'Betreff: Sanierung der Grundschule Nord',
      'Beratungsfolge: Bauausschuss 12.04.2023, Stadtrat 26.04.2023',
      '',
      'Beschlussvorschlag:',
      'Der Stadtrat beauftragt die Verwaltung, bis zum 30.09.2023 eine Kostenschätzung vorzulegen.',
    );
    expect(extraction.mandates).toMatchObject([
      {
        owners: ['Verwaltung'],
        due: { kind: 'date', date: '2023-09-30' },
        uncertain: ['motion-only'],
        source:
          'Der Stadtrat beauftragt die Verwaltung, bis zum 30.09.2023 eine Kostenschätzung vorzulegen.',
      },
    ]);
  });

  it('"Beschlussempfehlung des Bauausschusses an den Gemeinderat:" is a draft too, flagged', () => {
    const extraction = page(
      'https://ratsinfo.example.org/to0050.asp?__ktonr=501',
      'Ö 4 Sanierung der Grundschule',
      'Beschlussempfehlung des Bauausschusses an den Gemeinderat:',
      'Der Gemeinderat beauftragt die Verwaltung, bis zum 30.09.2024 eine Kostenschätzung vorzulegen.',
      'Abstimmung: 9 Ja, 0 Nein, 1 Enthaltung',
    );
    expect(extraction.mandates.map((m) => [m.owners, m.uncertain, m.source])).toEqual([
      [
        ['Verwaltung'],
        ['motion-only'],
        'Der Gemeinderat beauftragt die Verwaltung, bis zum 30.09.2024 eine Kostenschätzung vorzulegen.',
      ],
    ]);
  });

  it('"Beschluss (einstimmig):" opens the decision; the "Sachverhalt" above it is no task', () => {
    const extraction = page(
      'https://ratsinfo.example.org/to0050.asp?__ktonr=502',
      'Sanierung der Grundschule',
      'Sachverhalt:',
      'Die Verwaltung stellt die Planung vor. Herr Meier fragt nach den Kosten.',
      'Beschluss (einstimmig):',
      'Die Verwaltung wird beauftragt, bis zum 30.09.2024 eine Kostenschätzung vorzulegen.',
    );
    expect(extraction.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['Verwaltung'], { kind: 'date', date: '2024-09-30' }],
    ]);
  });

  it('"Beschluss Nr. 45/2022:" names a decision; the council\'s own act is no one\'s task', () => {
    const extraction = page(
      'Öffentliche Niederschrift über die Sitzung des Kreistages am 20.06.2022',
      '',
      'TOP 7: Digitalisierung der Kreisverwaltung',
      'Beschluss Nr. 45/2022:',
      '1. Der Kreistag nimmt den Bericht zur Kenntnis.',
      '2. Der Landrat wird beauftragt, dem Kreistag jährlich zu berichten.',
      '',
      'TOP 8: Prüfbericht',
      'Beschluss Nr. 46/2022:',
      'Der Kreistag erhebt die Stellungnahmen der Verwaltung zu seinem Beschluss.',
    );
    expect(extraction.resolutions.map((r) => r.id)).toEqual(['45/2022', '46/2022']);
    expect(extraction.mandates.map((m) => [m.resolution, m.point, m.owners, m.uncertain])).toEqual([
      ['45/2022', 2, ['Landrat'], []],
    ]);
  });
});

describe('minutes telling the meeting: who presents, what the proposal asks', () => {
  const page = (...lines: string[]) => extract(lines.join('\n'), options).mandates;
  const head = ['https://ratsinfo.example.org/to0050.asp?__ktonr=1', 'Beschluss: beschlossen', ''];

  it.each([
    'Der Bürgermeister unterbreitet nach Abschluss der Diskussion folgenden Beschlussvorschlag:',
    'Der Vorsitzende gibt folgenden Termin bekannt:',
    'Die Verwaltung legt folgenden Bericht vor: Der Stand der Arbeiten ist gut.',
  ])('presenting something in the meeting is no task of the presenter: "%s"', (line) => {
    expect(page(...head, line, '', 'Es sollen zwei Varianten ausgearbeitet werden.')).toEqual([]);
  });

  it('the proposal after the colon is read on its own', () => {
    expect(
      page(
        ...head,
        'Der Bürgermeister unterbreitet folgenden Beschlussvorschlag: Die Verwaltung wird beauftragt, bis zum 30.09.2023 zwei Varianten auszuarbeiten.',
      ).map((m) => [m.owners, m.due]),
    ).toEqual([[['Verwaltung'], { kind: 'date', date: '2023-09-30' }]]);
  });

  it('a duty with a time and a list after its colon stays a duty', () => {
    expect(
      page(
        ...head,
        'Die Verwaltung legt dem Rat bis 30.06.2023 folgende Unterlagen vor: Kostenplan, Zeitplan.',
      ).map((m) => [m.owners, m.due]),
    ).toEqual([[['Verwaltung'], { kind: 'date', date: '2023-06-30' }]]);
  });

  it.each([
    'Vielmehr wird der Vorschlag begrüßt, zunächst die Experten um eine Stellungnahme zu bitten, die Polizei zu informieren.',
    'Stattdessen wird angeregt, den Rat zu informieren.',
  ])(
    'an opening "Vielmehr"/"Stattdessen" is no one, and "zu informieren" no future duty: "%s"',
    (line) => {
      expect(page(...head, line).map((m) => m.owners)).toEqual([]);
    },
  );

  it('"Vielmehr wird die Verwaltung … berichten": the subject after the verb', () => {
    expect(
      page(...head, 'Vielmehr wird die Verwaltung bis zum 30.09.2023 berichten.').map(
        (m) => m.owners,
      ),
    ).toEqual([['Verwaltung']]);
  });

  it.each([
    'Daher beauftragt der Stadtrat die Verwaltung, bis zum 30.09.2023 einen Bericht vorzulegen.',
    'Auf Antrag der CDU beauftragt der Stadtrat die Verwaltung, bis zum 30.09.2023 einen Bericht vorzulegen.',
    'Nach Beratung bittet der Technische Ausschuss die Verwaltung, bis zum 30.09.2023 einen Bericht vorzulegen.',
  ])('the body deciding after the verb is not the one asked: "%s"', (sentence) => {
    expect(page(...head, sentence).map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [['Verwaltung'], { kind: 'date', date: '2023-09-30' }, []],
    ]);
  });

  it('"bittet den Stadtrat" (the accusative) is still the one asked', () => {
    expect(
      page(...head, 'Der Ausschuss bittet den Stadtrat, bis zum 30.09.2023 zu entscheiden.').map(
        (m) => m.owners,
      ),
    ).toEqual([['Stadtrat']]);
  });

  it.each(['Rh.', 'Rf.', 'Stv.', 'Bgm.'])(
    'a member\'s title "%s" does not end the sentence the mandate links to',
    (title) => {
      const sentence = `Auf Antrag von ${title} Scholz (CDU) beauftragt der Stadtrat die Verwaltung, bis zum 30.09.2023 einen Bericht vorzulegen.`;
      expect(page(...head, sentence).map((m) => [m.owners, m.source])).toEqual([
        [['Verwaltung'], sentence],
      ]);
    },
  );

  it('the verdict after "Beschluss:" ("beschlossen") is no part of the sentence the mandate links to', () => {
    expect(
      page(...head, 'Zudem wird die Verwaltung beauftragt, bis zum 30.09.2023 zu berichten.').map(
        (m) => m.source,
      ),
    ).toEqual(['Zudem wird die Verwaltung beauftragt, bis zum 30.09.2023 zu berichten.']);
  });
});

describe('municipal forms probed by writing, fourth round', () => {
  const page = (...lines: string[]) => extract(lines.join('\n'), options).mandates;
  const head = ['Sitzung des Gemeinderates vom 12.03.2024', '', 'Beschluss:', ''];

  it.each([
    [
      'Die Verwaltung und die Stadtwerke werden beauftragt, bis zum 30.06.2024 ein Konzept vorzulegen.',
      ['Verwaltung', 'Stadtwerke'],
    ],
    [
      'Der Rat beauftragt die Verwaltung und den Bauhof, bis zum 30.06.2024 die Bänke aufzustellen.',
      ['Verwaltung', 'Bauhof'],
    ],
  ])('a municipal enterprise named second is asked too: "%s"', (sentence, owners) => {
    expect(page(...head, sentence).map((m) => m.owners)).toEqual([owners]);
  });

  it('"beschließt einstimmig den Bürgermeister zu beauftragen, …"', () => {
    expect(
      page(
        ...head,
        'Der Ausschuss beschließt einstimmig den Bürgermeister zu beauftragen, bis zum 30.06.2024 ein Konzept zu erstellen.',
      ).map((m) => [m.owners, m.due]),
    ).toEqual([[['Bürgermeister'], { kind: 'date', date: '2024-06-30' }]]);
  });

  it('"Sachsen und FITKO berichten über den Stand … ab der 33. Sitzung": with a time, a duty', () => {
    expect(
      read('1. Sachsen und FITKO berichten über den Stand der Vorbereitungen ab der 38. Sitzung.')
        .length,
    ).toBe(1);
    expect(
      extract(
        decision(
          '1. Sachsen und FITKO berichten über den Stand der Vorbereitungen ab der 38. Sitzung.',
        ),
        options,
      ).mandates[0].uncertain,
    ).toEqual([]);
  });

  it('"Die Verwaltung berichtet über die gute Resonanz" without a time: read, but flagged', () => {
    expect(
      page(
        ...head,
        'Die Verwaltung berichtet über die sehr gute Resonanz der Sozialkonferenz.',
      ).map((m) => [m.owners, m.uncertain]),
    ).toEqual([[['Verwaltung'], ['request-unclear']]]);
  });

  it.each([
    'Der Gemeinderat beauftragt einstimmig die Verwaltung, bis zum 30.06.2024 einen Bericht vorzulegen.',
    'Der Gemeinderat beauftragt mehrheitlich die Verwaltung, bis zum 30.06.2024 einen Bericht vorzulegen.',
    'Der Verwaltung wird aufgetragen, bis zum 30.06.2024 einen Bericht vorzulegen.',
  ])('"%s"', (sentence) => {
    expect(page(...head, sentence).map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [['Verwaltung'], { kind: 'date', date: '2024-06-30' }, []],
    ]);
  });
});

describe('the municipal umbrella associations by name', () => {
  it.each([
    'den Deutschen Landkreistag',
    'den Deutschen Städtetag',
    'den Deutschen Städte- und Gemeindebund',
  ])('"%s" is the member Kommunen', (addressee) => {
    expect(read(`1. Der IT-Planungsrat bittet ${addressee}, bis Ende 2022 zu berichten.`)).toEqual([
      [1, ['Kommunen'], { kind: 'date', date: '2022-12-31' }],
    ]);
  });
});

describe('one verb, its addressees listed after a colon', () => {
  it('"bittet: 1. die FITKO, …, 2. den Bund, …, 3. die Länder, …" asks each with its own time', () => {
    expect(
      read(
        'Der IT-Planungsrat bittet:\n1. die FITKO, bis zur 38. Sitzung einen Bericht vorzulegen,\n2. den Bund, bis Ende 2022 die Finanzierung zu klären,\n3. die Länder, jährlich zum 30.06. über den Stand zu berichten.',
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
      [1, ['Bund'], { kind: 'date', date: '2022-12-31' }],
      [1, L, { kind: 'recurring', date: '2022-06-30' }],
    ]);
  });

  it('"beauftragt: a) die FITKO …; b) Bremen …" the same with letters', () => {
    expect(
      read(
        'Der IT-Planungsrat beauftragt: a) die FITKO, bis zur 38. Sitzung ein Konzept vorzulegen; b) Bremen, bis Ende 2022 einen Piloten aufzubauen.',
      ),
    ).toEqual([
      [1, ['FITKO'], { kind: 'meeting', meeting: 38 }],
      [1, ['HB'], { kind: 'date', date: '2022-12-31' }],
    ]);
  });
});

describe('the head of a body the registry knows', () => {
  it.each(['den Präsidenten der FITKO', 'die Präsidentin der FITKO', 'den Direktor der FITKO'])(
    '"%s" is the FITKO',
    (addressee) => {
      expect(
        read(`1. Der IT-Planungsrat bittet ${addressee}, bis Ende 2022 zu berichten.`),
      ).toEqual([[1, ['FITKO'], { kind: 'date', date: '2022-12-31' }]]);
    },
  );

  it('the head of a body the registry does not know keeps the whole name', () => {
    expect(
      read('1. Der IT-Planungsrat bittet den Leiter des Projekts, bis Ende 2022 zu berichten.').map(
        ([, owners]) => owners,
      ),
    ).toEqual([['Leiter des Projekts']]);
  });
});

describe('minutes and announcements: what was settled, reported speech, decisions by circulation', () => {
  const text = (...lines: string[]) => extract(lines.join('\n'), options);

  it.each(['Ergebnis:', 'Festlegung:', 'Vereinbarung:'])(
    '"%s" before what was settled is no owner',
    (label) => {
      const read = text(
        'Ergebnisprotokoll der 36. Sitzung des IT-Planungsrats',
        '29. Oktober 2021',
        'TOP 3 Musterverfahren',
        label,
        'Bremen übernimmt die Erarbeitung eines Musterverfahrens und berichtet in der 38. Sitzung.',
      );
      expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
        [['HB'], { kind: 'meeting', meeting: 38 }],
      ]);
    },
  );

  it('"Über den Stand berichtet die FITKO in der nächsten Sitzung." names the FITKO after the verb', () => {
    const read = extract(
      'https://example.org/beschluss\nTestbeschluss\n\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\n1. Die Länder werden gebeten, ihre Daten bis zum 31.12.2021 zu melden.\n2. Über den Stand der Meldungen berichtet die FITKO in der nächsten Sitzung.\n',
      options,
    );
    expect(read.mandates.map((m) => [m.point, m.owners.length, m.due])).toEqual([
      [1, 16, { kind: 'date', date: '2021-12-31' }],
      [2, 1, { kind: 'meeting', meeting: 37 }],
    ]);
  });

  it('"Nach Angaben der FITKO sollen die Länder …" reports what was said: no mandate', () => {
    const read = text(
      'Meldung vom 20.01.2022',
      'Im Umlaufverfahren hat der IT-Planungsrat Leitlinien beschlossen. Nach Angaben der FITKO sollen die Länder die Leitlinien bis Ende 2022 übernehmen.',
      'Der Beschluss im Wortlaut:',
      '„1. Der IT-Planungsrat beschließt die Leitlinien.',
      '2. Die FITKO wird gebeten, die Leitlinien bis zur 38. Sitzung zu ergänzen.“',
    );
    expect(read.mandates.map((m) => m.owners)).toEqual([['FITKO']]);
  });

  it('a decision by circulation dated only by its announcement counts "die nächste Sitzung" from that day', () => {
    const read = text(
      'Bekanntmachung',
      'der Entscheidungen des IT-Planungsrats',
      'Vom 10. Januar 2022',
      'Nachstehend werden Entscheidungen bekannt gemacht, die der IT-Planungsrat im Umlaufverfahren getroffen hat.',
      'Entscheidung 2022/01 – Datenqualität',
      '1. Die FITKO berichtet in der nächsten Sitzung über den Stand der Datenqualität.',
    );
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['FITKO'], { kind: 'meeting', meeting: 37 }],
    ]);
  });
});

describe('a passive request whose addressees are listed after its colon', () => {
  it('"Zur Umsetzung werden gebeten: a) der Bund, …, b) die Länder, …, c) die FITKO, …"', () => {
    const read = extract(
      'https://example.org/beschluss\nTestbeschluss\n\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\n1. Der IT-Planungsrat beschließt den Standard.\n2. Zur Umsetzung werden gebeten:\na) der Bund, die Spezifikation bis zum 31.01.2022 zu veröffentlichen,\nb) die Länder, ihre Dienste bis Ende 2022 anzubinden,\nc) die FITKO, eine Testumgebung bereitzustellen.\n',
      options,
    );
    expect(
      read.mandates.map((m) => [m.point, m.owners.length === 16 ? 'Länder' : m.owners, m.due]),
    ).toEqual([
      [2, ['Bund'], { kind: 'date', date: '2022-01-31' }],
      [2, 'Länder', { kind: 'date', date: '2022-12-31' }],
      [2, ['FITKO'], { kind: 'none' }],
    ]);
  });
});

describe('a point that asks those another point named', () => {
  const decision = (body: string) =>
    extract(
      `https://example.org/beschluss\nTestbeschluss\n\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\n${body}\n`,
      options,
    ).mandates.map((m) => [m.point, m.owners]);

  it('"Die in Ziffer 1 genannten Länder werden gebeten, …" asks those Länder', () => {
    expect(
      decision(
        '1. Der IT-Planungsrat begrüßt das Angebot der Länder Bremen, Hessen und Sachsen, das Vorhaben zu führen.\n2. Die in Ziffer 1 genannten Länder werden gebeten, zur 37. Sitzung einen Plan vorzulegen.',
      ),
    ).toEqual([[2, ['HB', 'HE', 'SN']]]);
  });

  it('"die Länder" without a reference are all of them', () => {
    expect(
      decision(
        '1. Der IT-Planungsrat begrüßt das Angebot Bremens.\n2. Die Länder werden gebeten, zur 37. Sitzung einen Plan vorzulegen.',
      )[0][1],
    ).toHaveLength(16);
  });
});

describe("a working group's task table", () => {
  it('reads "Die Geschäftsstelle versendet … innerhalb von zwei Wochen" as its task', () => {
    const read = extract(
      [
        'Ergebnisprotokoll der 36. Sitzung des IT-Planungsrats',
        'Sitzung vom 29.10.2021',
        'TOP 5 Verschiedenes',
        'Die Geschäftsstelle versendet das Protokoll dieser Sitzung innerhalb von zwei Wochen an die Mitglieder.',
      ].join('\n'),
      options,
    );
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['Geschäftsstelle'], { kind: 'date', date: '2021-11-12' }],
    ]);
  });

  it('reads a person with a member in brackets as that member, and "50. Sitzung IT-PLR" as the council\'s', () => {
    const read = extract(
      [
        'Ergebnisprotokoll der 4. Sitzung der AG Register',
        'Datum: 03.11.2021',
        'Festgehaltene Aufgaben:',
        '| Nr. | Aufgabe | Verantwortlich | Termin |',
        '| --- | --- | --- | --- |',
        '| 1 | Eckpunkte überarbeiten und versenden | Hr. Schneider (HE) | 15.01.2022 |',
        '| 2 | Rückmeldung zur Finanzierung | Fr. Dr. Albers (BMI) | 38. Sitzung IT-PLR |',
        '| 3 | Termin der nächsten Sitzung abstimmen | Geschäftsstelle | 5. Sitzung |',
      ].join('\n'),
      options,
    );
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['HE'], { kind: 'date', date: '2022-01-15' }],
      [['Bund'], { kind: 'meeting', meeting: 38 }],
      [['Geschäftsstelle'], { kind: 'event' }],
    ]);
  });
});

describe("a named body's own act with a time, in a decision", () => {
  const read = (sentence: string) =>
    extract(
      `IT-Planungsrat | 26.06.2025 | 47. Sitzung | B-2025/22-IT\n1. ${sentence}`,
      options,
    ).mandates.map((m) => [m.owners, m.due, m.uncertain]);

  it('"Die FITKO veröffentlicht die Liste bis Ende des Jahres": a duty verb, no doubt', () => {
    expect(read('Die FITKO veröffentlicht die Liste der Stellen bis Ende des Jahres.')).toEqual([
      [['FITKO'], { kind: 'date', date: '2025-12-31' }, []],
    ]);
  });

  it.each([
    'Die FITKO unterstützt die Berichterstattung, indem sie bis zum 31. August 2025 ein Format bereitstellt.',
    'Der Bund migriert die Schnittstelle bis zum 31. August 2025.',
  ])(
    '"%s": a verb the grammar does not know, with a time: the body\'s task, flagged',
    (sentence) => {
      expect(read(sentence)).toEqual([
        [
          [sentence.startsWith('Der Bund') ? 'Bund' : 'FITKO'],
          { kind: 'date', date: '2025-08-31' },
          ['request-unclear'],
        ],
      ]);
    },
  );

  it.each([
    'Die FITKO begrüßt die Fortschritte bis zum 31. August 2025.',
    'Der Bund finanziert das Vorhaben bis zum 31. Dezember 2027.',
    'Die FITKO stellt fest, dass die Länder bis zum 31. August 2025 gemeldet haben.',
    'Die FITKO veranlasste die Prüfung.',
  ])('not "%s"', (sentence) => {
    expect(read(sentence)).toEqual([]);
  });
});

describe('owners named by what an earlier point said of them', () => {
  const owners = (body: string) =>
    extract(
      `Beschluss 2025/61 – Nachnutzung\n48. Sitzung am 26. November 2025\n${body}`,
      options,
    ).mandates.map((m) => [m.point, m.owners, m.uncertain]);

  it('"Die übrigen Länder" are the Länder not named before, flagged', () => {
    const read = owners(
      [
        '1. Der Bund und die Länder Hessen und Bayern werden gebeten, den Pilotbetrieb bis zum 30.06.2026 abzuschließen.',
        '2. Die übrigen Länder werden gebeten, bis zur 50. Sitzung mitzuteilen, ob sie die Plattform nachnutzen.',
      ].join('\n'),
    );
    expect(read[1][1]).toHaveLength(14);
    expect(read[1][1]).not.toContain('HE');
    expect(read[1][1]).not.toContain('BY');
    expect(read[1][2]).toEqual(['owner-inferred']);
  });

  it('"Die Mitglieder der Lenkungsgruppe" are those the point that set it up named', () => {
    expect(
      owners(
        [
          '1. Der IT-Planungsrat setzt eine Lenkungsgruppe E-Rechnung ein, der der Bund, Bayern, Niedersachsen und die FITKO angehören.',
          '2. Die Mitglieder der Lenkungsgruppe werden gebeten, bis zum 19. Dezember 2025 je eine Vertretung zu benennen.',
          '3. Die Lenkungsgruppe berichtet dem IT-Planungsrat zur 49. Sitzung.',
        ].join('\n'),
      ),
    ).toEqual([
      [2, ['Bund', 'BY', 'NI', 'FITKO'], []],
      [3, ['Lenkungsgruppe E-Rechnung'], []],
    ]);
  });

  it('"Die Federführer" after "Die Federführung übernehmen Hamburg und Brandenburg."', () => {
    expect(
      owners(
        [
          '1. Der IT-Planungsrat setzt eine Projektgruppe ein. Die Federführung übernehmen Hamburg und Brandenburg.',
          '2. Die Federführer legen dem IT-Planungsrat bis zu seiner 50. Sitzung einen Abschlussbericht vor.',
        ].join('\n'),
      ),
    ).toEqual([[2, ['HH', 'BB'], []]]);
  });

  it('"Die Arbeitsgruppe" is the "Bund-Länder-Arbeitsgruppe …" of point 1; "legt … zugrunde" is no task', () => {
    expect(
      owners(
        [
          '1. Der IT-Planungsrat beauftragt die Bund-Länder-Arbeitsgruppe Cloud-Strategie, den Umsetzungsplan bis zum 30.06.2026 fortzuschreiben.',
          '2. Die Arbeitsgruppe legt dabei die Kriterien der Strategie in der ab 1. Januar 2026 geltenden Fassung zugrunde.',
          '3. Die Arbeitsgruppe legt ihre Sitzungstermine selbst fest.',
          '4. Sie wird ferner gebeten, bis Ende 2026 einen Vorschlag zu erarbeiten.',
        ].join('\n'),
      ).map(([point, names]) => [point, names]),
    ).toEqual([
      [1, ['Bund-Länder-Arbeitsgruppe Cloud-Strategie']],
      [4, ['Bund-Länder-Arbeitsgruppe Cloud-Strategie']],
    ]);
  });

  it('"Die unter Ziffer 2 eingesetzte Arbeitsgruppe" is the group point 2 set up', () => {
    expect(
      owners(
        [
          '1. Der IT-Planungsrat setzt eine Arbeitsgruppe „Cloud-Souveränität“ unter Leitung von Berlin ein.',
          '2. Die unter Ziffer 1 eingesetzte Arbeitsgruppe legt dem IT-Planungsrat ihren Abschlussbericht bis zur 50. Sitzung vor.',
        ].join('\n'),
      ).map(([point, names]) => [point, names]),
    ).toEqual([[2, ['Arbeitsgruppe Cloud-Souveränität']]]);
  });

  it('"Das federführende Land" is the Land an earlier point gave the lead', () => {
    expect(
      owners(
        [
          '1. Der IT-Planungsrat beschließt das Vorhaben unter Federführung des Landes Nordrhein-Westfalen.',
          '2. Das federführende Land wird gebeten, zur 49. Sitzung einen Projektplan vorzulegen.',
        ].join('\n'),
      ),
    ).toEqual([[2, ['NW'], []]]);
  });
});

describe('a decision whose session stands on the line under its number', () => {
  it('does not take "48. Sitzung am …" for the first of its points', () => {
    const { mandates } = extract(
      [
        'Entscheidung 2025/56 – Mindeststandards',
        '48. Sitzung am 26.11.2025',
        '',
        '1. Bund und Länder erarbeiten bis zum 30. September 2026 gemeinsame Mindeststandards.',
        '2. Die FITKO wird gebeten, die Mindeststandards zu veröffentlichen.',
      ].join('\n'),
      options,
    );
    expect(mandates.map((m) => [m.point, m.owners.length, m.due])).toEqual([
      [1, 17, { kind: 'date', date: '2026-09-30' }],
      [2, 1, { kind: 'none' }],
    ]);
  });
});

describe('"Er bittet" over a list of addressees, each with its task', () => {
  it('asks each item, without a colon after the verb; the session from "Beschluss des … vom … (48. Sitzung)"', () => {
    const extraction = extract(
      [
        'Entscheidung 2025/47 – Nachweisabruf',
        'Beschluss des IT-Planungsrats vom 26. November 2025 (48. Sitzung)',
        '',
        '1. Der IT-Planungsrat begrüßt die Erprobung.',
        '2. Er bittet',
        '   a) den Bund, die Anpassungen bis zum 31. März 2026 bereitzustellen,',
        '   b) die Länder Bayern und Niedersachsen, die Anbindung bis zum 30. Juni 2026 abzuschließen.',
      ].join('\n'),
      options,
    );
    expect(extraction.resolutions[0].meeting).toMatchObject({ number: 48 });
    expect(extraction.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['Bund'], { kind: 'date', date: '2026-03-31' }],
      [['BY', 'NI'], { kind: 'date', date: '2026-06-30' }],
    ]);
  });
});

describe('a point whose first line holds three numbers', () => {
  it('"3. Die Länder … bis zum 31. Januar 2026⏎Pilotverfahren … zu benennen." is a point, not a vote row', () => {
    const { mandates } = extract(
      [
        'Entscheidung 2025/41',
        '48. Sitzung des IT-Planungsrats am 26. November 2025',
        '',
        '1. Der IT-Planungsrat nimmt den Bericht zur Kenntnis.',
        '2. Er bittet die FITKO, ein Zielbild bis zur 49. Sitzung vorzulegen.',
        '3. Die Länder Bayern, Hamburg und Sachsen werden gebeten, bis zum 31. Januar 2026',
        '   Pilotverfahren für die Erprobung zu benennen.',
      ].join('\n'),
      options,
    );
    expect(mandates.map((m) => [m.point, m.owners, m.due])).toEqual([
      [2, ['FITKO'], { kind: 'meeting', meeting: 49 }],
      [3, ['BY', 'HH', 'SN'], { kind: 'date', date: '2026-01-31' }],
    ]);
  });
});

describe('points numbered as a word processor numbers them', () => {
  const read = (body: string) =>
    extract(
      `Beschluss 2025/34 – Rahmenregelung\n48. Sitzung am 26. November 2025\n\n${body}`,
      options,
    ).mandates.map((m) => [m.point, m.owners, m.due]);

  it('reads paragraphs numbered "(1)", "(2)" after "beschließt die folgende Regelung:"', () => {
    expect(
      read(
        [
          'Der IT-Planungsrat beschließt die folgende Rahmenregelung:',
          '(1)\tDie Kooperationsgremien berichten dem IT-Planungsrat einmal jährlich über ihre Arbeit.',
          '(2)\tDie Geschäftsstelle legt dem IT-Planungsrat erstmals zur 49. Sitzung eine Übersicht vor.',
          '(3)\tDiese Regelung tritt am 1. Januar 2026 in Kraft.',
        ].join('\n'),
      ),
    ).toEqual([
      [1, ['Kooperationsgremien'], { kind: 'recurring' }],
      [2, ['Geschäftsstelle'], { kind: 'recurring', fromMeeting: 49 }],
    ]);
  });

  it('reads an outline "1. Heading⏎1.1 …⏎1.2 …" by its second level, the headings no owners', () => {
    expect(
      read(
        [
          '1.\tOnlinezugang',
          '1.1\tDer IT-Planungsrat nimmt den Umsetzungsstand zur Kenntnis.',
          '1.2\tDie Länder werden gebeten, die Leistungen bis zum 31.12.2025 anzubinden.',
          '2.\tNutzerkonten',
          '2.1\tDie FITKO berichtet zur 49. Sitzung über die Anbindung.',
        ].join('\n'),
      ).map(([point, owners, due]) => [point, (owners as string[]).length, due]),
    ).toEqual([
      [2, 16, { kind: 'date', date: '2025-12-31' }],
      [3, 1, { kind: 'meeting', meeting: 49 }],
    ]);
  });
});

describe('a decision that adopts a plan of measures as a table', () => {
  it('reads each row as a task of its owner, "die jeweils Verantwortlichen" as the rows, no miss', () => {
    const extraction = extract(
      [
        'Beschluss 2025/47 – Maßnahmenplan Digitale Gewerbeanzeige',
        '48. Sitzung des IT-Planungsrats am 26. November 2025',
        '',
        'Der IT-Planungsrat beschließt den folgenden Maßnahmenplan. Die jeweils Verantwortlichen werden gebeten, die Maßnahmen im angegebenen Zeitraum umzusetzen.',
        '',
        'Maßnahme\tVerantwortlich\tZeitraum',
        'Bestandsaufnahme der Fachverfahren\tHessen\tQ1/2026',
        'Pilotbetrieb des Antragsdienstes\tHE, SN\t2. Halbjahr 2026',
        'Fortschrittsbericht an den IT-Planungsrat\tFITKO\tbis 49. Sitzung',
      ].join('\n'),
      options,
    );
    expect(extraction.mandates.map((m) => [m.owners, m.due, m.action, m.uncertain])).toEqual([
      [['HE'], { kind: 'date', date: '2026-03-31' }, 'Bestandsaufnahme der Fachverfahren', []],
      [['HE', 'SN'], { kind: 'date', date: '2026-12-31' }, 'Pilotbetrieb des Antragsdienstes', []],
      [
        ['FITKO'],
        { kind: 'meeting', meeting: 49 },
        'Fortschrittsbericht an den IT-Planungsrat',
        [],
      ],
    ]);
    expect(extraction.possibleMisses).toEqual([]);
  });
});

describe("a member's note or declaration to the record under a decision", () => {
  it('is not decided: no task is read from it, nor a possible miss', () => {
    const extraction = extract(
      [
        'Beschluss 2025/71 – Familiengeld',
        '48. Sitzung am 26. November 2025',
        'Der IT-Planungsrat bittet die Länder, bis zum 30. September 2026 die Anbindung abzuschließen.',
        'Protokollerklärung des Bundes:',
        'Der Bund wird die Spezifikationen bis zum 31. Januar 2026 veröffentlichen.',
        'Protokollnotiz Bayern: Bayern bittet die FITKO um Unterstützung.',
      ].join('\n'),
      options,
    );
    expect(extraction.mandates.map((m) => [m.owners.length, m.due])).toEqual([
      [16, { kind: 'date', date: '2026-09-30' }],
    ]);
    expect(extraction.possibleMisses).toEqual([]);
  });
});

describe('a person in the minutes with the member in brackets, doing a task by a time', () => {
  const minutes = (sentence: string) =>
    extract(
      [
        'Ergebnisprotokoll der 3. Sitzung der Unterarbeitsgruppe Musterprozesse',
        '22. Januar 2026, Hannover',
        'TOP 1 Gewerbeanmeldung',
        sentence,
      ].join('\n'),
      options,
    ).mandates.map((m) => [m.owners, m.due, m.uncertain]);

  it('"Frau Okafor (HB) konsolidiert … und stellt das Ergebnis … am 19.02.2026 vor" is the member\'s task, flagged', () => {
    expect(
      minutes(
        'Frau Okafor (HB) konsolidiert die Anmerkungen und stellt das Ergebnis in der nächsten Sitzung am 19.02.2026 vor.',
      ),
    ).toEqual([[['HB'], { kind: 'date', date: '2026-02-19' }, ['owner-inferred']]]);
  });

  it('"Frau Brandl (HE) berichtet, Hessen habe … im Dezember abgeschlossen" is what was reported', () => {
    expect(
      minutes('Frau Brandl (HE) berichtet, Hessen habe die Migration im Dezember abgeschlossen.'),
    ).toEqual([]);
  });
});

describe('"bis dahin" after a decision put off to a numbered session', () => {
  it('"Die Beschlussfassung wird auf die 49. Sitzung vertagt. Der Bund wird gebeten, bis dahin …"', () => {
    const [m] = extract(
      'IT-Planungsrat | 26.11.2025 | 48. Sitzung | B-2025/60-IT\n1. Die Beschlussfassung wird auf die 49. Sitzung vertagt. Der Bund wird gebeten, bis dahin die Rückmeldungen einzuarbeiten.',
      options,
    ).mandates;
    expect(m.due).toEqual({ kind: 'meeting', meeting: 49 });
    expect(m.uncertain).toContain('deadline-borrowed');
  });
});

describe("a working body's request to the council itself", () => {
  it('"Die AL-Runde bittet den IT-Planungsrat, … zu beschließen" is no task: a possible miss, the FITKO\'s task beside it is read', () => {
    const extraction = extract(
      [
        'Abteilungsleiterrunde des IT-Planungsrats',
        'Ergebnisprotokoll der Sitzung am 25. September 2025',
        'TOP 3 Digitalstrategie',
        'Beschluss der AL-Runde:',
        '1. Die AL-Runde bittet den IT-Planungsrat, in seiner 48. Sitzung die Fortschreibung zu beschließen.',
        '2. Die AL-Runde bittet die FITKO, die Beschlussvorlage für die 48. Sitzung bis zum 31.10.2025 zu erstellen.',
      ].join('\n'),
      options,
    );
    // The session says what the paper is for; its own time is the date.
    expect(extraction.mandates.map((m) => [m.point, m.owners, m.due])).toEqual([
      [2, ['FITKO'], { kind: 'date', date: '2025-10-31' }],
    ]);
    expect(extraction.possibleMisses).toMatchObject([{ point: 1, word: 'bittet' }]);
  });

  it('"Der IT-Planungsrat wird gebeten, … zur Kenntnis zu nehmen" in a proposal is no task either', () => {
    const extraction = extract(
      [
        'Sitzungsunterlage für die 49. Sitzung des IT-Planungsrats',
        'TOP 6 – Jahresbericht der Kooperationsgremien 2025',
        'Beschlussvorschlag:',
        'Der IT-Planungsrat wird gebeten, die Berichte der Kooperationsgremien zur Kenntnis zu nehmen.',
      ].join('\n'),
      options,
    );
    expect(extraction.mandates).toEqual([]);
    expect(extraction.possibleMisses).toMatchObject([{ word: 'gebeten' }]);
  });
});

describe('"Sie" opening a sentence after a request', () => {
  it('is the one asked before: "Sie wird ferner gebeten, …" continues its task', () => {
    const { mandates } = extract(
      `IT-Planungsrat | 26.11.2025 | 48. Sitzung | B-2025/47-IT\n1. Die Projektgruppe Registermodernisierung wird gebeten, ein Zielbild zu erarbeiten. Sie wird ferner gebeten, die kommunalen Spitzenverbände bis zum 30.06.2026 einzubinden.`,
      options,
    );
    expect(mandates.map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [['Projektgruppe Registermodernisierung'], { kind: 'none' }, []],
      [
        ['Projektgruppe Registermodernisierung'],
        { kind: 'date', date: '2026-06-30' },
        ['owner-inferred'],
      ],
    ]);
  });
});

describe('an unknown body named with an adjective, stored without its article', () => {
  const owners = (sentence: string) =>
    extract(
      `https://example.org/beschluss\nTestbeschluss\n\nIT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99\n\n1. ${sentence}\n`,
      options,
    ).mandates.map((m) => m.owners);

  it.each([
    [
      'Der Erweiterte Steuerungskreis wird gebeten, die FITKO zu unterstützen.',
      'Erweiterter Steuerungskreis',
    ],
    ['Das Gemeinsame Gremium wird gebeten, einen Bericht vorzulegen.', 'Gemeinsames Gremium'],
    // Boards, fora and committees by their English or Latin head are bodies too.
    [
      'Das Föderale IT-Architekturboard wird beauftragt, die Richtlinien zu überprüfen.',
      'Föderales IT-Architekturboard',
    ],
    ['Das Nationale Forum wird gebeten, einen Bericht vorzulegen.', 'Nationales Forum'],
    [
      'Die Erweiterte Arbeitsgruppe wird gebeten, einen Bericht vorzulegen.',
      'Erweiterte Arbeitsgruppe',
    ],
  ])('"%s" → %s', (sentence, name) => {
    expect(owners(sentence)).toEqual([[name]]);
  });
});

describe('results minutes whose header runs over two lines', () => {
  it('reads "Es wird vereinbart, dass …" and "Die Geschäftsstelle lädt … ein" under the agenda items', () => {
    const read = extract(
      [
        'Ergebnisprotokoll',
        '7. Sitzung der AG Barrierefreiheit',
        '16. November 2021, Magdeburg',
        'TOP 3 Umfrage',
        'Sachsen-Anhalt berichtet über den Rücklauf. Es wird vereinbart, dass Sachsen-Anhalt die Ergebnisse bis zum 15.12.2021 auswertet.',
        'TOP 4 Verschiedenes',
        'Die Geschäftsstelle lädt zur nächsten Sitzung am 18. Januar 2022 ein.',
      ].join('\n'),
      options,
    );
    expect(read.resolutions.map((r) => r.id)).toEqual(['2021-11-16 TOP 3', '2021-11-16 TOP 4']);
    expect(read.mandates.map((m) => [m.owners, m.due])).toEqual([
      [['ST'], { kind: 'date', date: '2021-12-15' }],
      [['Geschäftsstelle'], { kind: 'date', date: '2022-01-18' }],
    ]);
  });
});

describe("a task table's row for all members of the group", () => {
  it('"alle Mitglieder der AG" is the group whose minutes these are, flagged', () => {
    const read = extract(
      [
        'Ergebnisprotokoll der 4. Sitzung der AG Register',
        'Datum: 03.11.2021',
        '| Nr. | Aufgabe | Verantwortlich | Termin |',
        '| --- | --- | --- | --- |',
        '| 1 | Rückmeldung zum Fragebogen | alle Mitglieder der AG | 15.12.2021 |',
      ].join('\n'),
      options,
    );
    expect(read.mandates.map((m) => [m.owners, m.due, m.uncertain])).toEqual([
      [['AG Register'], { kind: 'date', date: '2021-12-15' }, ['owner-inferred']],
    ]);
  });
});

describe("a person's promise in the minutes", () => {
  const minutes = (sentence: string) =>
    extract(
      [
        'Ergebnisprotokoll der 12. Sitzung der AG Recht',
        'Datum: 24.09.2021',
        'TOP 2 Entwurf',
        sentence,
      ].join('\n'),
      options,
    ).mandates.map((m) => [m.owners, m.due, m.uncertain]);

  it('"Herr Becker (BMI) sagt zu, …" is the Bund\'s task, flagged', () => {
    expect(
      minutes(
        'Herr Becker (BMI) sagt zu, die Stellungnahme des Bundes bis Ende Oktober nachzureichen.',
      ),
    ).toEqual([[['Bund'], { kind: 'date', date: '2021-10-31' }, ['owner-inferred']]]);
  });

  it('"Herr Becker berichtet …" stays what the minutes tell', () => {
    expect(minutes('Herr Becker (BMI) berichtet über den Stand der Stellungnahme.')).toEqual([]);
  });
});
