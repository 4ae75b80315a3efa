import { extract } from '../extract';
import type { Due } from '@app/domain';
import type { Extraction } from '../extraction.types';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * Forms of municipal records and minutes, on sentences written for these tests (not taken from any
 * labelled text or probe case): listed tasks of one request, an impersonal duty beside a mandate,
 * a page head that dates the session after the body's name, feasts as times, a promise told verb
 * first.
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };

function page(
  body: string,
  head = 'Stadt Beispielstadt\nSitzung des Stadtrates am 04.12.2025',
): Extraction {
  return extract(
    `${head}\n\nTOP Ö 3   Testvorlage\nVorlage 2025/0001\n\nBeschluss:\n${body}\n\nAbstimmungsergebnis: einstimmig\n`,
    options,
  );
}
const read = (body: string, head?: string) =>
  page(body, head).mandates.map((m) => ({ owners: m.owners, due: m.due, uncertain: m.uncertain }));

describe('tasks listed in one request', () => {
  it('"(1) bis … vorzulegen, (2) jährlich …, erstmals zum …": one task per item', () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt,\n(1) bis zum 30.04.2026 eine Liste der Maßnahmen vorzulegen,\n(2) dem Stadtrat jährlich über den Stand zu berichten, erstmals zum 31.12.2026.',
      ).map((m) => m.due),
    ).toEqual<Due[]>([
      { kind: 'date', date: '2026-04-30' },
      { kind: 'recurring', date: '2026-12-31' },
    ]);
  });

  it('an item without a time between items with times of their own is a task of its own', () => {
    expect(
      read(
        'Das Bezirksamt wird gebeten,\na) den Weg zu prüfen und dem Ausschuss bis zum 28.02.2026 zu berichten,\nb) sich bei der Fachbehörde für eine Ampel einzusetzen,\nc) dem Ausschuss im zweiten Quartal 2026 über den Stand zu berichten.',
      ).map((m) => m.due),
    ).toEqual<Due[]>([
      { kind: 'date', date: '2026-02-28' },
      { kind: 'none' },
      { kind: 'date', date: '2026-06-30' },
    ]);
  });

  it('items that share one time stay one task ("a) …, b) … und c) bis … zu berichten")', () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt,\na) die Beschreibung zu aktualisieren,\nb) das Verfahren vorzubereiten und\nc) dem Stadtrat bis zum 31.03.2026 über den Stand zu berichten.',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'date', date: '2026-03-31' }]);
  });
});

describe('an impersonal duty beside a mandate', () => {
  it('"Über … ist dem Ausschuss vierteljährlich zu berichten" with another time is a possible miss', () => {
    const result = page(
      'Die Verwaltung wird beauftragt, bis zum 30.06.2026 ein Kataster zu erstellen. Über den Fortschritt ist dem Ausschuss vierteljährlich zu berichten.',
    );
    expect(result.mandates.map((m) => m.due)).toEqual([{ kind: 'date', date: '2026-06-30' }]);
    expect(result.possibleMisses).toEqual([
      expect.objectContaining({
        word: 'zu berichten',
        sentence: expect.stringMatching(/^Über den Fortschritt/),
      }),
    ]);
  });

  it('one that only gives the mandate its time is no miss', () => {
    const result = page(
      'Die Verwaltung wird beauftragt, ein Kataster zu erstellen. Es ist dem Ausschuss bis zum 30.06.2026 vorzulegen.',
    );
    expect(result.mandates.map((m) => m.due)).toEqual([{ kind: 'date', date: '2026-06-30' }]);
    expect(result.possibleMisses).toEqual([]);
  });
});

describe('a page head that names the body before the minutes', () => {
  it('"Bau- und Umweltausschuss – Niederschrift der Sitzung vom 16.10.2025" dates a period', () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt, binnen sechs Monaten ein Kataster zu erstellen.',
        'Stadt Beispielstadt\nBau- und Umweltausschuss – Niederschrift der Sitzung vom 16.10.2025',
      ),
    ).toEqual([
      { owners: ['Verwaltung'], due: { kind: 'date', date: '2026-04-16' }, uncertain: [] },
    ]);
  });
});

describe('feasts as times', () => {
  it.each<[string, string]>([
    ['bis Ostern 2026', '2026-04-05'],
    ['bis Ostern 2027', '2027-03-28'],
    ['bis Pfingsten 2026', '2026-05-24'],
    ['bis Weihnachten 2026', '2026-12-24'],
    ['bis Ostern', '2026-04-05'],
  ])('"%s" is %s, flagged (which day of the feast is meant is a guess)', (phrase, date) => {
    expect(read(`Der Stadtrat beauftragt den Bauhof, die Mängel ${phrase} zu beseitigen.`)).toEqual(
      [{ owners: ['Bauhof'], due: { kind: 'date', date }, uncertain: ['deadline-unclear'] }],
    );
  });
});

describe('a promise told verb first', () => {
  const minutes = (sentence: string) =>
    extract(
      `Stadt Beispielstadt\nNiederschrift über die 21. Sitzung des Hauptausschusses am 11.12.2025\nTOP 1  Genehmigung der Niederschrift – genehmigt.\nTOP 2  Hallenbad – Sachstand\nDie Verwaltung stellt den Sachstand vor. ${sentence}\nDer Ausschuss nimmt den Sachstand zur Kenntnis.\n`,
      options,
    ).mandates.map((m) => ({ owners: m.owners, due: m.due }));

  it.each([
    'Auf Nachfrage von Ratsmitglied Demir sagt Bürgermeisterin Kessler zu, die Kostenaufstellung bis zum 31.01.2026 nachzureichen.',
    'Daraufhin sagt die Bürgermeisterin zu, die Kostenaufstellung bis zum 31.01.2026 nachzureichen.',
  ])('"%s" is the Bürgermeisterin\'s task', (sentence) => {
    expect(minutes(sentence)).toEqual([
      { owners: ['Bürgermeisterin'], due: { kind: 'date', date: '2026-01-31' } },
    ]);
  });

  it('"sagt Herr Demir zu" names no office: no task of an office', () => {
    expect(
      minutes(
        'Daraufhin sagt Herr Demir zu, die Kostenaufstellung bis zum 31.01.2026 nachzureichen.',
      ),
    ).toEqual([]);
  });
});

describe("recurring at the body's sessions", () => {
  it('"in jeder seiner Sitzungen" is a recurring duty', () => {
    expect(
      read(
        'Die Verwaltung berichtet dem Schulausschuss in jeder seiner Sitzungen über den Fortschritt.',
      ).map((m) => m.due),
    ).toEqual([{ kind: 'recurring' }]);
  });
});

describe('agenda items where only some have a result line', () => {
  const text = (items: string) =>
    extract(
      `Stadt Beispielstadt\nÖffentliche Sitzung des Stadtrates vom 11.12.2025 – Beschlüsse\n${items}\n`,
      options,
    );

  it('an item referred or noted ends the item before it, which keeps its mandate', () => {
    const result = text(
      'Ö 11  Wärmeplanung\n      Beschluss:\n      Die Verwaltung wird beauftragt, den Entwurf bis zum 30.06.2026 vorzulegen.\n      Abstimmung: einstimmig\nÖ 12  Leerstand\n      Beschluss:\n      Die Verwaltung wird beauftragt, innerhalb von acht Wochen eine Übersicht vorzulegen.\n      Abstimmung: einstimmig\nÖ 13  Antrag der FDP-Fraktion: Parkgebühren\n      Der Antrag wird an den Ausschuss für Verkehr verwiesen.',
    );
    expect(result.mandates.map((m) => m.due)).toEqual([
      { kind: 'date', date: '2026-06-30' },
      { kind: 'date', date: '2026-02-05' },
    ]);
    expect(result.possibleMisses).toEqual([]);
  });

  it('a rejected motion under its own item is not adopted; the item after it is', () => {
    const result = text(
      'TOP 6   Antrag der Fraktion: Sozialticket\n        Antragstext: Die Kreisverwaltung wird beauftragt, bis zum 30.06.2026 ein Sozialticket einzuführen.\n        Abstimmung: 12 Ja, 39 Nein – abgelehnt\nTOP 7   Nahverkehrsplan\n        Beschluss:\n        Der Landrat wird beauftragt, dem Kreistag bis zum 31.03.2026 zu berichten.\n        Abstimmung: 47 Ja, 4 Nein – angenommen',
    );
    expect(result.mandates.map((m) => m.owners)).toEqual([['Landrat']]);
    expect(result.possibleMisses.map((m) => m.notAdopted)).toEqual([true]);
  });
});

describe("the first session after the summer break, from the page's list of sessions", () => {
  it('"in seiner ersten Sitzung nach der Sommerpause 2026" is the first listed after July', () => {
    expect(
      read(
        'Der Landrat wird beauftragt, dem Kreistag in seiner ersten Sitzung nach der Sommerpause 2026 über das Ergebnis zu berichten.\n\nSitzungstermine des Kreistages 2026: 19.03.2026, 02.07.2026, 24.09.2026, 10.12.2026',
        'Landkreis Beispiel – Kreistag\nSitzung vom 11.12.2025',
      ).map((m) => m.due),
    ).toEqual<Due[]>([{ kind: 'date', date: '2026-09-24' }]);
  });
});

describe('a page break inside a sentence', () => {
  it('drops the footer ("… Seite 5 von 9"), the rule and the next page\'s running head between the halves', () => {
    expect(
      read(
        'Der Stadtrat stimmt zu. Der Ober-\nNiederschrift Stadtrat 04.12.2025                 Seite 5 von 9\n______________________________________________\nStadt Beispielstadt – Stadtrat – öffentliche Sitzung\n\nbürgermeister wird beauftragt, die Vereinbarung bis zum 31.03.2026 abzuschließen.',
      ),
    ).toEqual([
      { owners: ['Oberbürgermeister'], due: { kind: 'date', date: '2026-03-31' }, uncertain: [] },
    ]);
  });
});

describe('amendments voted on before the proposal', () => {
  it("a struck point goes, a rejected addition is not the decision's verdict", () => {
    const result = extract(
      'Gemeinde Beispiel\nNiederschrift über die öffentliche Sitzung des Gemeinderates am 09.12.2025\nTOP 4  Kinderbetreuung\nBeschlussvorschlag der Verwaltung:\n1. Der Gemeinderat nimmt die Planung zur Kenntnis.\n2. Die Verwaltung wird beauftragt, dem Gemeinderat bis zum 31.03.2026 zu berichten.\n3. Die Verwaltung wird beauftragt, eine Anhebung der Beiträge vorzubereiten.\nÄnderungsantrag GR Brenner: Ziffer 3 wird gestrichen.\nAbstimmung: 10 Ja, 8 Nein – angenommen.\nErgänzungsantrag der CDU-Fraktion: Als neue Ziffer 3 wird angefügt: „Der Bürgermeister wird\ngebeten, bis Ende Februar 2026 einen Antrag zu stellen.“\nAbstimmung: 7 Ja, 11 Nein – abgelehnt.\nAbstimmung über den Beschlussvorschlag in der geänderten Fassung (Ziffern 1 und 2):\n18 Ja, 0 Nein – angenommen.\n',
      options,
    );
    expect(result.mandates.map((m) => ({ point: m.point, owners: m.owners, due: m.due }))).toEqual([
      { point: 2, owners: ['Verwaltung'], due: { kind: 'date', date: '2026-03-31' } },
    ]);
  });
});

describe('the deciding body as a pronoun', () => {
  it('"Die Bezirksvertretung unterstützt die Anregung. Sie bittet die Verwaltung, …" is the body\'s request', () => {
    expect(
      read(
        'Die Bezirksvertretung unterstützt die Anregung. Sie bittet die Verwaltung, die Anordnung zu prüfen und bis zum 31.03.2026 zu berichten.',
      ),
    ).toEqual([
      { owners: ['Verwaltung'], due: { kind: 'date', date: '2026-03-31' }, uncertain: [] },
    ]);
  });
});

describe('a motion adopted as changed', () => {
  it('"Der Antrag wird in folgender, geänderter Fassung beschlossen: Der Magistrat wird gebeten, …" is read after the colon', () => {
    expect(
      read(
        'Der Antrag wird in folgender, von der Antragstellerin geänderter Fassung beschlossen: Der Magistrat wird gebeten, bis zum 30.04.2026 einen Bericht vorzulegen.',
      ),
    ).toEqual([
      { owners: ['Magistrat'], due: { kind: 'date', date: '2026-04-30' }, uncertain: [] },
    ]);
  });
});

describe("the council's own members and organs, asked by the council", () => {
  it.each([
    'Die Fraktionen werden gebeten, bis zum 20.03.2026 je eine Ansprechperson zu benennen.',
    'Der Ältestenrat wird gebeten, bis zur Sitzung am 07.05.2026 Regeln vorzuschlagen.',
    'Die Ratsmitglieder werden gebeten, Fragen bis zum 30.04.2026 einzureichen.',
  ])('"%s": no task followed up, a possible miss for the clerk', (sentence) => {
    const read = page(sentence);
    expect(read.mandates).toEqual([]);
    expect(read.possibleMisses.map((m) => m.sentence)).toEqual([sentence]);
  });

  it("beside them, the administration's task stays one", () => {
    expect(
      read(
        'Die Verwaltung wird beauftragt, bis zum 30.06.2026 zu berichten. Die Fraktionen werden gebeten, Hinweise einzureichen.',
      ).map((m) => m.owners),
    ).toEqual([['Verwaltung']]);
  });
});

describe('numbered units and a decision recommended to another body', () => {
  it('"Die Ämter 61 und 66 werden beauftragt": two owners, each by its number', () => {
    expect(
      read(
        'Die Ämter 61 und 66 werden beauftragt, bis zum 30.04.2026 eine Planung vorzulegen.',
      ).map((m) => m.owners),
    ).toEqual([['Amt 61', 'Amt 66']]);
  });

  it('a request quoted after "… wird folgender Beschluss empfohlen:" is flagged as a motion', () => {
    const [quoted] = page(
      'Der Stadtverordnetenversammlung wird folgender Beschluss empfohlen: „Der Magistrat wird beauftragt, bis zum 31.10.2026 einen Förderantrag zu stellen.“',
    ).mandates;
    expect(quoted.uncertain).toContain('motion-only');
  });
});
