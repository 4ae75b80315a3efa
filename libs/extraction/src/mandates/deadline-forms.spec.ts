import { extract } from '../extract';
import type { Due } from '@app/domain';
import type { ExtractedMandate } from '../extraction.types';
import { addPeriod } from '@app/domain';
import { loadCalendar, loadRegistry } from '../../../../test/support/seed-data';

/**
 * Deadlines as the council writes them, one family at a time, on sentences written for these
 * tests (not taken from any labelled text). Each text is a decision of the 36th session
 * (29.10.2021; the calendar's next sessions: 37 on 09.03.2022, 38 on 22.06.2022).
 */
const options = { registry: loadRegistry(), calendar: loadCalendar() };

function decision(
  body: string,
  header = 'IT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99',
): string {
  return `https://example.org/beschluss\nTestbeschluss\n\n${header}\n\n${body}\n`;
}

function found(body: string, header?: string): ExtractedMandate[] {
  return extract(decision(body, header), options).mandates;
}

const dueOf = (phrase: string): Due[] =>
  found(`1. Der IT-Planungsrat bittet die FITKO, ${phrase} einen Bericht vorzulegen.`).map(
    (m) => m.due,
  );

describe('recurring duties with their start', () => {
  it.each<[string, Due]>([
    ['beginnend mit der 38. Sitzung regelmäßig', { kind: 'recurring', fromMeeting: 38 }],
    ['regelmäßig, erstmals zur 38. Sitzung,', { kind: 'recurring', fromMeeting: 38 }],
    ['jährlich, beginnend mit der nächsten Sitzung,', { kind: 'recurring', fromMeeting: 37 }],
    ['jährlich zum 31.03.', { kind: 'recurring', date: '2022-03-31' }],
    ['jährlich bis zum 15. Januar', { kind: 'recurring', date: '2022-01-15' }],
    ['jährlich zum 30.11.', { kind: 'recurring', date: '2021-11-30' }],
    ['jährlich, erstmals bis zum 30.06.2022,', { kind: 'recurring', date: '2022-06-30' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });

  it('keeps "the yearly report due at a session" a single deadline', () => {
    expect(
      found(
        '1. Der IT-Planungsrat bittet die FITKO, den jährlichen Bericht bis zur 38. Sitzung vorzulegen.',
      ).map((m) => m.due),
    ).toEqual([{ kind: 'meeting', meeting: 38 }]);
  });
});

describe('a list of dates', () => {
  it.each<[string, Due]>([
    [
      'zum Stichtag 01.01.2026, 01.01.2028, 01.01.2030',
      { kind: 'date', date: '2026-01-01', later: ['2028-01-01', '2030-01-01'] },
    ],
    [
      'zu den Stichtagen 30.06.2022 und 31.12.2022',
      { kind: 'date', date: '2022-06-30', later: ['2022-12-31'] },
    ],
    [
      'jeweils zum 31. März 2023, 31. März 2024 und 31. März 2025',
      { kind: 'date', date: '2023-03-31', later: ['2024-03-31', '2025-03-31'] },
    ],
  ])('"%s": the first date is due, the rest kept, never "jährlich"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe("months and seasons of other bodies' meetings", () => {
  it.each<[string, Due]>([
    ['bis zur Februarsitzung der AL-Runde 2022', { kind: 'date', date: '2022-02-28' }],
    ['zur Maisitzung der AL-Runde', { kind: 'date', date: '2022-05-31' }],
    ['bis zur Dezembersitzung der AL-Runde', { kind: 'date', date: '2021-12-31' }],
    ['bis zur Herbstsitzung der AL-Runde 2022', { kind: 'date', date: '2022-11-30' }],
    ['bis zur Sitzung der AL-Runde im März 2022', { kind: 'date', date: '2022-03-31' }],
  ])('"%s": the last day of that month or season', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('the end of the year, counted from the decision', () => {
  it('reads "bis Ende des Jahres" in the decision\'s year, not the document\'s', () => {
    const text = [
      'https://example.org/sammlung',
      'Beschlüsse aus zwei Jahren (Stand: 15.02.2023)',
      '',
      'IT-Planungsrat | 29.10.2021 | 36. Sitzung | Beschluss 2021/99',
      '',
      '1. Der IT-Planungsrat bittet die FITKO, bis Ende des Jahres einen Bericht vorzulegen.',
      '',
      'IT-Planungsrat | 10.11.2022 | 39. Sitzung | Beschluss 2022/51',
      '',
      '1. Der IT-Planungsrat bittet Hessen, bis Ende des kommenden Jahres einen Plan vorzulegen.',
      '',
    ].join('\n');
    expect(extract(text, options).mandates.map((m) => m.due)).toEqual([
      { kind: 'date', date: '2021-12-31' },
      { kind: 'date', date: '2023-12-31' },
    ]);
  });
});

describe('a period counted from the decision', () => {
  it.each<[string, Due]>([
    ['innerhalb von sechs Monaten', { kind: 'date', date: '2022-04-29' }],
    ['binnen vier Wochen nach Beschlussfassung', { kind: 'date', date: '2021-11-26' }],
    ['innerhalb eines Jahres', { kind: 'date', date: '2022-10-29' }],
    ['spätestens drei Monate nach Beschlussfassung', { kind: 'date', date: '2022-01-29' }],
    ['innerhalb von 14 Tagen', { kind: 'date', date: '2021-11-12' }],
    ['innerhalb von sechs Monaten nach Inkrafttreten des Staatsvertrags', { kind: 'event' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });

  it('ends a month early where the later month is shorter', () => {
    expect(addPeriod('2024-01-31', 1, 'Monat')).toBe('2024-02-29');
    expect(addPeriod('2023-08-31', 6, 'Monaten')).toBe('2024-02-29');
    expect(addPeriod('2024-02-29', 1, 'Jahr')).toBe('2025-02-28');
    expect(addPeriod('2021-12-20', 2, 'Wochen')).toBe('2022-01-03');
  });
});

describe('quarters, half-years and calendar weeks without a year of their own', () => {
  it.each<[string, Due]>([
    ['im ersten Quartal des kommenden Jahres', { kind: 'date', date: '2022-03-31' }],
    ['bis Ende des zweiten Halbjahres', { kind: 'date', date: '2021-12-31' }],
    ['im ersten Halbjahr', { kind: 'date', date: '2022-06-30' }],
    ['im dritten Quartal', { kind: 'date', date: '2022-09-30' }],
    ['bis KW 50', { kind: 'date', date: '2021-12-19' }],
    ['bis zur 12. KW', { kind: 'date', date: '2022-03-27' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('a month, with or without its year: its last day', () => {
  it.each<[string, Due]>([
    ['bis zum Dezember 2022', { kind: 'date', date: '2022-12-31' }],
    ['bis spätestens Dezember 2022', { kind: 'date', date: '2022-12-31' }],
    ['bis zum Monat Mai 2022', { kind: 'date', date: '2022-05-31' }],
    ['bis spätestens Ende Juni 2022', { kind: 'date', date: '2022-06-30' }],
    // Without a year: the decision's year (29.10.2021), or the next where the month has passed.
    ['bis Ende Dezember', { kind: 'date', date: '2021-12-31' }],
    ['bis zum Februar', { kind: 'date', date: '2022-02-28' }],
    ['bis Ende Mai des kommenden Jahres', { kind: 'date', date: '2022-05-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('a day without its year, the year in words, a period from the decision', () => {
  it.each<[string, Due]>([
    // Decided on 29.10.2021: a day already passed that year is the next year's.
    ['bis zum 30.06.', { kind: 'date', date: '2022-06-30' }],
    ['bis 15.12.', { kind: 'date', date: '2021-12-15' }],
    ['bis zum 30.06. des kommenden Jahres', { kind: 'date', date: '2022-06-30' }],
    ['bis zum 15. Januar', { kind: 'date', date: '2022-01-15' }],
    ['bis zum 31. März kommenden Jahres', { kind: 'date', date: '2022-03-31' }],
    ['spätestens am 15. Mai 2022', { kind: 'date', date: '2022-05-15' }],
    ['noch in diesem Jahr', { kind: 'date', date: '2021-12-31' }],
    ['im laufenden Jahr', { kind: 'date', date: '2021-12-31' }],
    ['in den nächsten sechs Monaten', { kind: 'date', date: '2022-04-29' }],
    ['innerhalb der kommenden drei Wochen', { kind: 'date', date: '2021-11-19' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });

  it('keeps "laufend" a repetition, but not "the current year" or "the current procedure"', () => {
    expect(dueOf('laufend')).toEqual([{ kind: 'recurring' }]);
    expect(dueOf('zum laufenden Verfahren')).toEqual([{ kind: 'none' }]);
  });
});

describe('the year\'s end, a month in numbers, a two-digit year, the end of a quarter as "Ablauf"', () => {
  it.each<[string, Due]>([
    ['bis zum Ende dieses Jahres', { kind: 'date', date: '2021-12-31' }],
    ['bis Ende dieses Jahres', { kind: 'date', date: '2021-12-31' }],
    ['bis 03/2022', { kind: 'date', date: '2022-03-31' }],
    ['bis spätestens 12/2022', { kind: 'date', date: '2022-12-31' }],
    ['bis März 22', { kind: 'date', date: '2022-03-31' }],
    ['spätestens bis zum Ablauf des ersten Quartals 2022', { kind: 'date', date: '2022-03-31' }],
    // Another body's session with its day written out: that day (held-out round 12).
    [
      'zur nächsten Sitzung des Jugendhilfeausschusses am 31.05.2022',
      { kind: 'date', date: '2022-05-31' },
    ],
    // The council's own session named with its day: that session.
    ['zur Sitzung des IT-Planungsrats am 22.06.2022', { kind: 'meeting', meeting: 38 }],
    // A weekday before the date only names its day.
    ['bis Freitag, den 17. Dezember 2021', { kind: 'date', date: '2021-12-17' }],
    ['bis zum Freitag, 17.12.2021', { kind: 'date', date: '2021-12-17' }],
    // A month without a year: the first such month's end not before the decision (29.10.2021).
    ['im Dezember', { kind: 'date', date: '2021-12-31' }],
    ['im Mai', { kind: 'date', date: '2022-05-31' }],
    // A period without a date, "bis Ende der …" as "bis zum Ende der …"; and before its end.
    ['bis Ende der 20. Wahlperiode', { kind: 'event' }],
    ['vor Ende der Legislaturperiode', { kind: 'event' }],
    ['vor Abschluss der Pilotphase', { kind: 'event' }],
    ['bis Ende der 12. KW 2022', { kind: 'date', date: '2022-03-27' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('a month that dates what was done, not the task', () => {
  it.each(['die im März beschlossene Strategie', 'den im Mai vorgelegten Bericht'])(
    '"%s"',
    (object) => {
      expect(
        found(`1. Der IT-Planungsrat bittet die FITKO, ${object} umzusetzen.`).map((m) => m.due),
      ).toEqual([{ kind: 'none' }]);
    },
  );
});

describe('sessions, ends and repetitions in other words', () => {
  it.each<[string, Due]>([
    ['zur 38. IT-PLR-Sitzung', { kind: 'meeting', meeting: 38 }],
    // Decided in 2021: its last session in the calendar is the 36th.
    ['in der letzten Sitzung des Jahres', { kind: 'meeting', meeting: 36 }],
    ['vor Ablauf des Jahres 2022', { kind: 'date', date: '2022-12-31' }],
    ['bis zum Ende der Wahlperiode', { kind: 'event' }],
    ['alle zwei Jahre', { kind: 'recurring' }],
    ['in jeder zweiten Sitzung', { kind: 'recurring' }],
    // A step of the work, no date (held-out round 11).
    ['nach Durchführung einer wissenschaftlichen Evaluierung', { kind: 'event' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('a reporting day, quarters, weeks, "Ende 2022" without "bis"', () => {
  it.each<[string, Due]>([
    ['zum Stichtag 31.12.2022', { kind: 'date', date: '2022-12-31' }],
    ['mit Stichtag 30. Juni 2022', { kind: 'date', date: '2022-06-30' }],
    ['im II. Quartal 2022', { kind: 'date', date: '2022-06-30' }],
    ['zum Ende des 3. Quartals 2022', { kind: 'date', date: '2022-09-30' }],
    ['zum Ende des dritten Quartals', { kind: 'date', date: '2022-09-30' }],
    ['bis Ende KW 50', { kind: 'date', date: '2021-12-19' }],
    ['Ende 2022', { kind: 'date', date: '2022-12-31' }],
    ['Mitte 2022', { kind: 'date', date: '2022-06-30' }],
    ['bis zum Frühjahr des kommenden Jahres', { kind: 'date', date: '2022-05-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('"des kommenden Jahres" where this year\'s would still be ahead', () => {
  const inMarch = (phrase: string) =>
    found(
      `1. Der IT-Planungsrat bittet die FITKO, ${phrase} einen Bericht vorzulegen.`,
      'IT-Planungsrat | 09.03.2022 | 37. Sitzung | Beschluss 2022/99',
    ).map((m) => m.due);
  it.each<[string, Due]>([
    ['bis zum Frühjahr', { kind: 'date', date: '2022-05-31' }],
    ['bis zum Frühjahr des kommenden Jahres', { kind: 'date', date: '2023-05-31' }],
    ['bis Ende Mai', { kind: 'date', date: '2022-05-31' }],
    ['bis Ende Mai des kommenden Jahres', { kind: 'date', date: '2023-05-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(inMarch(phrase)).toEqual([expected]);
  });
});

describe('"zu seiner Herbstsitzung", and a yearly day\'s first one named after it', () => {
  it.each<[string, Due]>([
    ['zu seiner Herbstsitzung 2022', { kind: 'meeting', meeting: 39 }],
    ['in seiner Frühjahrssitzung 2022', { kind: 'meeting', meeting: 37 }],
    [
      'jährlich zum 31. März, erstmals zum 31. März 2023,',
      { kind: 'recurring', date: '2023-03-31' },
    ],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe("times of year without a day, and another body's session after next: events", () => {
  it.each<[string, Due]>([
    ['vor der Sommerpause 2022', { kind: 'event' }],
    ['nach den Sommerferien', { kind: 'event' }],
    ['in der übernächsten Sitzung des Bauausschusses', { kind: 'event' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('a two-digit year, "bis zum 1. Quartal 2022"', () => {
  it.each<[string, Due]>([
    ['bis 30.6.22', { kind: 'date', date: '2022-06-30' }],
    ['bis zum 31.12.22', { kind: 'date', date: '2022-12-31' }],
    ['bis zum 1. Quartal 2022', { kind: 'date', date: '2022-03-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe("the council's next session of a season", () => {
  it('finds "die nächste Frühjahrssitzung" in the following year', () => {
    expect(dueOf('bis zur nächsten Frühjahrssitzung')).toEqual([{ kind: 'meeting', meeting: 37 }]);
  });

  it('leaves another body\'s "nächste ...sitzung" an event', () => {
    expect(dueOf('bis zur nächsten Ausschusssitzung')).toEqual([{ kind: 'event' }]);
  });

  it.each(['im nächsten Sitzungslauf', 'in den nächsten Turnus', 'in der nächsten Beratungsfolge'])(
    'takes the next round of meetings, "%s", for an event',
    (phrase) => {
      expect(dueOf(phrase)).toEqual([{ kind: 'event' }]);
    },
  );
});

describe('more ways to name a session or a period', () => {
  it.each<[string, Due]>([
    ['in seiner nächsten regulären Sitzung', { kind: 'meeting', meeting: 37 }],
    ['zur 38. regulären Sitzung', { kind: 'meeting', meeting: 38 }],
    ['im Rahmen der 38. Sitzung', { kind: 'meeting', meeting: 38 }],
    ['bis Ende Q2/2022', { kind: 'date', date: '2022-06-30' }],
    ['zum Jahresende 2022', { kind: 'date', date: '2022-12-31' }],
    ['bis zum Jahresende', { kind: 'date', date: '2021-12-31' }],
    ['im Herbst', { kind: 'date', date: '2021-11-30' }],
    ['im Sommer', { kind: 'date', date: '2022-08-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('a day of every year', () => {
  it.each<[string, Due]>([
    ['bis zum 31.12. eines jeden Jahres', { kind: 'recurring', date: '2021-12-31' }],
    ['zum 31. März jeden Jahres', { kind: 'recurring', date: '2022-03-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('hedges: soft or none, never a guess', () => {
  it.each<[string, Due]>([
    ['möglichst bis zur 38. Sitzung', { kind: 'meeting', meeting: 38, soft: true }],
    ['bis möglichst Ende 2022', { kind: 'date', date: '2022-12-31', soft: true }],
    ['zeitnah', { kind: 'none' }],
    ['schnellstmöglich', { kind: 'none' }],
    ['möglichst zeitnah', { kind: 'none' }],
    ['zeitnah, spätestens bis zur 38. Sitzung,', { kind: 'meeting', meeting: 38 }],
  ])('"%s"', (phrase, expected) => {
    const [m] = found(
      `1. Der IT-Planungsrat bittet die FITKO, ${phrase} einen Bericht vorzulegen.`,
    );
    expect(m.due).toEqual(expected);
    expect(m.uncertain).toEqual([]);
  });
});

describe('the next session after a special session or a circulation', () => {
  it("is the next numbered session after the decision's date", () => {
    const text = decision(
      '1. Die FITKO wird gebeten, in der nächsten Sitzung zu berichten.',
      'Umlaufverfahren vom 01.04.2022 | Beschluss 2022/30',
    );
    const result = extract(text, options);
    expect(result.mandates.map((m) => m.due)).toEqual([{ kind: 'meeting', meeting: 38 }]);
  });
});

describe('a deadline in another sentence or sub-bullet of the same point', () => {
  it('takes it from a sub-bullet that continues the request, and says so', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO,\n- ein Konzept für den Betrieb zu erarbeiten und\n- es bis zur 38. Sitzung vorzulegen.',
    );
    expect(m).toMatchObject({ owners: ['FITKO'], due: { kind: 'meeting', meeting: 38 } });
  });

  it('takes it from a following sentence that dates the result, and says so', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet Bayern, ein Konzept zu erarbeiten. Das Konzept ist dem IT-Planungsrat bis zum 30.06.2022 vorzulegen.',
    );
    expect(m).toMatchObject({ owners: ['BY'], due: { kind: 'date', date: '2022-06-30' } });
    expect(m.uncertain).toEqual(['deadline-borrowed']);
  });

  it('takes it from "ist ... vorzustellen", the duty\'s time put as a statement', () => {
    const [m] = found(
      '1. Die FITKO wird gebeten, die Anforderungen zu erheben. Die Ergebnisse sind dem IT-Planungsrat in der 38. Sitzung vorzustellen.',
    );
    expect(m).toMatchObject({ owners: ['FITKO'], due: { kind: 'meeting', meeting: 38 } });
    expect(m.uncertain).toEqual(['deadline-borrowed']);
  });
});

describe('short month names, "bis einschließlich", years and weeks in other words', () => {
  it.each<[string, Due]>([
    ['bis 31. Dez. 2022', { kind: 'date', date: '2022-12-31' }],
    ['bis zum 15. Sept.', { kind: 'date', date: '2022-09-15' }],
    ['bis Okt. 2022', { kind: 'date', date: '2022-10-31' }],
    ['bis einschließlich 31.12.2022', { kind: 'date', date: '2022-12-31' }],
    ['bis inkl. Mai 2023', { kind: 'date', date: '2023-05-31' }],
    ['bis zum Jahr 2025', { kind: 'date', date: '2025-12-31' }],
    ['bis zur 12. KW 2022', { kind: 'date', date: '2022-03-27' }],
    ['in der zweiten Jahreshälfte 2022', { kind: 'date', date: '2022-12-31' }],
    ['bis Ende der ersten Jahreshälfte', { kind: 'date', date: '2022-06-30' }],
    ['bis Mitte des Jahres', { kind: 'date', date: '2022-06-30' }],
    ['bis Mitte des kommenden Jahres', { kind: 'date', date: '2022-06-30' }],
    ['bis zum Jahreswechsel', { kind: 'date', date: '2021-12-31' }],
    ['zum Jahreswechsel 2022/2023', { kind: 'date', date: '2022-12-31' }],
    ['im darauffolgenden Jahr', { kind: 'date', date: '2022-12-31' }],
    ['bis zur Jahresmitte 2022', { kind: 'date', date: '2022-06-30' }],
    ['bis zur Jahresmitte', { kind: 'date', date: '2022-06-30' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });

  it('keeps the whole sentence where a short month name stands before the year', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, bis 31. Dez. 2022 einen Bericht vorzulegen.',
    );
    expect(m.action).toBe('bis 31. Dez. 2022 einen Bericht vorzulegen');
  });
});

describe('"die erste Sitzung 2022": the first session of that year, not session number 1', () => {
  it.each<[string, Due]>([
    ['in seiner ersten Sitzung 2022', { kind: 'meeting', meeting: 37 }],
    ['in der zweiten Sitzung 2022', { kind: 'meeting', meeting: 38 }],
    ['bis zur ersten Sitzung im Jahr 2022', { kind: 'meeting', meeting: 37 }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('"Anfang 2022": too vague to read, so flagged', () => {
  it.each(['Anfang 2022', 'zu Beginn des Jahres 2022', 'Anfang des kommenden Jahres'])(
    '"%s"',
    (phrase) => {
      const [m] = found(`1. Der IT-Planungsrat bittet die FITKO, ${phrase} zu berichten.`);
      expect(m.due).toEqual({ kind: 'none' });
      expect(m.uncertain).toEqual(['deadline-unclear']);
    },
  );

  it('"zu Beginn des Projekts" is no time of year and no doubt', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, zu Beginn des Projekts einen Plan zu erstellen.',
    );
    expect(m.uncertain).toEqual([]);
  });
});

describe('a session named by its day, a time counted from an event', () => {
  it.each<[string, Due]>([
    ['in seiner Sitzung am 22.06.2022', { kind: 'meeting', meeting: 38 }],
    ['zur Sitzung vom 22. Juni 2022', { kind: 'meeting', meeting: 38 }],
    ['dem Ausschuss in seiner Sitzung am 12.09.2022', { kind: 'date', date: '2022-09-12' }],
    ['spätestens drei Monate nach Inbetriebnahme', { kind: 'event' }],
    ['sechs Wochen nach dem Start des Dienstes', { kind: 'event' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('a repeating duty that starts at a session named by its season', () => {
  it('"jährlich, erstmals zur Frühjahrssitzung 2023" recurs from that session', () => {
    expect(dueOf('jährlich, erstmals zur Frühjahrssitzung 2023,')).toEqual([
      { kind: 'recurring', fromMeeting: 40 },
    ]);
  });
});

describe('"zu ihrer 38. Sitzung": whose session "ihrer" means is not sure, so flagged', () => {
  it.each([
    '1. Der IT-Planungsrat bittet die FITKO, ihm zu ihrer 38. Sitzung zu berichten.',
    '1. Der IT-Planungsrat bittet die AL-Runde, in ihrer nächsten Sitzung zu beraten.',
  ])('%s', (body) => {
    const [m] = found(body);
    expect(m.due).toEqual({ kind: 'none' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });
});

describe('"jeweils zur Herbstsitzung": every year at that season', () => {
  it.each(['jeweils zur Herbstsitzung', 'jeweils in seiner Frühjahrssitzung'])('"%s"', (phrase) => {
    expect(dueOf(phrase)).toEqual([{ kind: 'recurring' }]);
  });
});

describe('a session already held is no deadline', () => {
  it('"bis zur 35. Sitzung" in a decision of the 36th: not read, flagged', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, bis zur 35. Sitzung einen Bericht vorzulegen.',
    );
    expect(m.due).toEqual({ kind: 'none' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });

  it('"bis 30.06.2021" in a decision of October 2021: not read, flagged', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, bis 30.06.2021 einen Bericht vorzulegen.',
    );
    expect(m.due).toEqual({ kind: 'none' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });

  it('"den Bericht vom 30.06.2021" dates the object: no doubt', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, den Bericht vom 30.06.2021 zu überarbeiten.',
    );
    expect(m.uncertain).toEqual([]);
  });

  it('"bis zur 37. Sitzung" is read as ever', () => {
    expect(dueOf('bis zur 37. Sitzung')).toEqual([{ kind: 'meeting', meeting: 37 }]);
  });
});

describe('more ways to say a duty comes back', () => {
  it.each([
    'im zweijährigen Rhythmus',
    'turnusmäßig',
    'zu Beginn jedes Jahres',
    'einmal im Jahr',
    'in jeder Frühjahrssitzung',
    'jedes Jahr',
    'alle sechs Monate',
  ])('"%s"', (phrase) => {
    expect(dueOf(phrase)).toEqual([{ kind: 'recurring' }]);
  });

  it('"zur nächsten turnusmäßigen Sitzung" is still that one session', () => {
    expect(dueOf('zur nächsten turnusmäßigen Sitzung')).toEqual([{ kind: 'meeting', meeting: 37 }]);
  });
});

describe('a time set by a step of the work: an event', () => {
  it.each([
    'im Anschluss an die Evaluation',
    'rechtzeitig vor Beginn der Haushaltsaufstellung',
    'vor Beginn der Pilotphase',
    'mit Start des Regelbetriebs',
    'zum Start des Produktivbetriebs',
    'vor der Veröffentlichung',
    'im Nachgang zur Sitzung',
  ])('"%s"', (phrase) => {
    expect(dueOf(phrase)).toEqual([{ kind: 'event' }]);
  });

  it('"im Vorfeld der 38. Sitzung" is that session', () => {
    expect(dueOf('im Vorfeld der 38. Sitzung')).toEqual([{ kind: 'meeting', meeting: 38 }]);
  });

  it('"mit Beginn des Jahres 2023" is no step of the work: flagged, not an event', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, mit Beginn des Jahres 2023 zu berichten.',
    );
    expect(m.due).toEqual({ kind: 'none' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });
});

describe('"d. J." after a month: this year\'s, not moved on', () => {
  it('"bis Ende November dieses Jahres" in October', () => {
    expect(dueOf('bis Ende November dieses Jahres')).toEqual([
      { kind: 'date', date: '2021-11-30' },
    ]);
  });

  it('"bis Ende Juni d. J." in October: already past, so flagged rather than next June', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, bis Ende Juni d. J. einen Bericht vorzulegen.',
    );
    expect(m.due).toEqual({ kind: 'none' });
    expect(m.uncertain).toEqual(['deadline-unclear']);
  });
});

describe('the following year, "vor seiner" session, the start of a year, two sessions', () => {
  it.each<[string, Due]>([
    ['bis 30. November des Folgejahres', { kind: 'date', date: '2022-11-30' }],
    ['bis zum 15.12. des Folgejahres', { kind: 'date', date: '2022-12-15' }],
    ['bis Ende Dezember des Folgejahres', { kind: 'date', date: '2022-12-31' }],
    ['rechtzeitig vor seiner 38. Sitzung', { kind: 'meeting', meeting: 38 }],
    ['bis zum Beginn des Jahres 2023', { kind: 'date', date: '2022-12-31' }],
    ['vor Jahresbeginn 2023', { kind: 'date', date: '2022-12-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });

  it.each(['in der 37. bzw. 38. Sitzung', 'bis zur 37. oder 38. Sitzung'])(
    '"%s" is one of two sessions: flagged, not read as either',
    (phrase) => {
      const [m] = found(
        `1. Der IT-Planungsrat bittet die FITKO, ${phrase} einen Bericht vorzulegen.`,
      );
      expect(m.due).toEqual({ kind: 'none' });
      expect(m.uncertain).toEqual(['deadline-unclear']);
    },
  );
});

describe('a time given under a label: "Frist:", "Termin:"', () => {
  it.each<[string, Due]>([
    ['eines Konzepts (Termin: 30.06.2022)', { kind: 'date', date: '2022-06-30' }],
    ['eines Konzepts; Termin: 38. Sitzung', { kind: 'meeting', meeting: 38 }],
    ['eines Konzepts (Frist: Ende 2022)', { kind: 'date', date: '2022-12-31' }],
  ])('"%s"', (phrase, expected) => {
    expect(
      found(`1. Der IT-Planungsrat beauftragt die FITKO mit der Erstellung ${phrase}.`).map(
        (m) => m.due,
      ),
    ).toEqual([expected]);
  });

  it('"Frist: 30.06.2022." after the request lends its time to it', () => {
    const [m] = found(
      '1. Der IT-Planungsrat beauftragt die FITKO mit der Erstellung eines Konzepts. Frist: 30.06.2022.',
    );
    expect(m.due).toEqual({ kind: 'date', date: '2022-06-30' });
    expect(m.uncertain).toEqual(['deadline-borrowed']);
  });
});

describe('periods without "innerhalb", sessions counted from something else, school years', () => {
  it.each<[string, Due]>([
    ['in einem halben Jahr', { kind: 'date', date: '2022-04-29' }],
    ['in sechs Monaten', { kind: 'date', date: '2022-04-29' }],
    ['nach einem Jahr', { kind: 'date', date: '2022-10-29' }],
    ['in der ersten Sitzung nach der Sommerpause', { kind: 'event' }],
    ['in der ersten Sitzung des neuen Jahres', { kind: 'event' }],
    ['spätestens zum Schuljahresbeginn 2022/23', { kind: 'event' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });

  it('"die Fälle in einem Jahr zu erfassen" names no time to deliver by', () => {
    expect(
      found('1. Der IT-Planungsrat bittet die FITKO, die Fälle in einem Jahr zu erfassen.').map(
        (m) => m.due,
      ),
    ).toEqual([{ kind: 'none' }]);
  });
});

describe('a municipal page without session numbers', () => {
  it('"in der ersten Sitzung nach der Sommerpause" is no session number 1', () => {
    const page = [
      'https://ratsinfo.example.org/to0050.asp?__ktonr=42',
      'Sitzung des Rates vom 14.03.2023',
      'Beschluss: einstimmig beschlossen',
      '',
      'Die Verwaltung wird beauftragt, in der ersten Sitzung nach der Sommerpause zu berichten.',
    ].join('\n');
    expect(extract(page, options).mandates.map((m) => m.due)).toEqual([{ kind: 'event' }]);
  });
});

describe('tasks listed with their own times; a time the council expects a result by', () => {
  it('"bittet die Länder, a) bis 31.03.2022 …, b) bis 30.06.2022 …" is two deadlines', () => {
    expect(
      found(
        '1. Der IT-Planungsrat bittet die Länder,\na) bis 31.03.2022 Ansprechpartner zu benennen,\nb) bis 30.06.2022 ihre Planungen zu melden.',
      ).map((m) => m.due),
    ).toEqual([
      { kind: 'date', date: '2022-03-31' },
      { kind: 'date', date: '2022-06-30' },
    ]);
  });

  it('"Zur 38. Sitzung erwartet er einen Sachstandsbericht." lends its session', () => {
    const [m] = found(
      '1. Der IT-Planungsrat bittet die FITKO, ein Konzept zu erarbeiten. Zur 38. Sitzung erwartet er einen Sachstandsbericht.',
    );
    expect(m.due).toEqual({ kind: 'meeting', meeting: 38 });
    expect(m.uncertain).toEqual(['deadline-borrowed']);
  });
});

describe('"soll" after an opening time, "zur Vorbereitung der … Sitzung"', () => {
  it.each<[string, string[], Due]>([
    [
      'Bis zur 38. Sitzung soll die FITKO einen Bericht vorlegen.',
      ['FITKO'],
      { kind: 'meeting', meeting: 38 },
    ],
    [
      'Zur Vorbereitung der 38. Sitzung wird die FITKO gebeten, einen Bericht vorzulegen.',
      ['FITKO'],
      { kind: 'meeting', meeting: 38 },
    ],
    [
      'Die FITKO wird gebeten, zur Vorbereitung der nächsten Sitzung einen Bericht vorzulegen.',
      ['FITKO'],
      { kind: 'meeting', meeting: 37 },
    ],
  ])('"%s"', (sentence, owners, due) => {
    expect(found(`1. ${sentence}`).map((m) => [m.owners, m.due])).toEqual([[owners, due]]);
  });

  it('"Bis zur 38. Sitzung soll das Konzept fertiggestellt werden." names nobody', () => {
    expect(found('1. Bis zur 38. Sitzung soll das Konzept fertiggestellt werden.')).toEqual([]);
  });
});

describe('an ISO date, every ordinary session', () => {
  it.each<[string, Due]>([
    ['bis 2022-03-31', { kind: 'date', date: '2022-03-31' }],
    ['spätestens zum 2022-03-31', { kind: 'date', date: '2022-03-31' }],
    ['in jeder ordentlichen Sitzung', { kind: 'recurring' }],
  ])('"%s"', (phrase, expected) => {
    expect(dueOf(phrase)).toEqual([expected]);
  });
});

describe('an object opened by an article after the comma, not a relative clause', () => {
  it.each<[string, Due]>([
    [
      'die mit Priorität 1 bewerteten Anwendungen bis zum 30.06.2022 umzustellen.',
      { kind: 'date', date: '2022-06-30' },
    ],
    [
      'die im Bericht genannten Maßnahmen bis zur 38. Sitzung zu erneuern.',
      { kind: 'meeting', meeting: 38 },
    ],
  ])('"bittet die FITKO, %s"', (task, expected) => {
    expect(found(`1. Der IT-Planungsrat bittet die FITKO, ${task}`).map((m) => m.due)).toEqual([
      expected,
    ]);
  });

  it('still drops the time of a relative clause that ends in its verb', () => {
    expect(
      found(
        '1. Der IT-Planungsrat bittet die Projektgruppe, die im Januar 2022 ihre Arbeit aufnimmt, einen Bericht vorzulegen.',
      ).map((m) => m.due),
    ).toEqual([{ kind: 'none' }]);
  });
});

describe('a period counted from the day of a page that dates itself', () => {
  const municipal = (head: string, sentence: string) =>
    extract(
      [
        'https://ratsinfo.example.org/to0050.asp?__ktonr=9301',
        head,
        'Beschluss: einstimmig beschlossen',
        '',
        sentence,
      ].join('\n'),
      options,
    ).mandates.map((m) => [m.due, m.uncertain]);

  it('"innerhalb von drei Monaten" after "Sitzung des Rates vom 12.03.2025" is 12.06.2025', () => {
    expect(
      municipal(
        'Sitzung des Rates vom 12.03.2025',
        'Die Verwaltung wird beauftragt, innerhalb von drei Monaten einen Entwurf vorzulegen.',
      ),
    ).toEqual([[{ kind: 'date', date: '2025-06-12' }, []]]);
  });

  it('without a day on the page, the period is an event, flagged', () => {
    expect(
      municipal(
        'Sitzung des Rates',
        'Die Verwaltung wird beauftragt, in sechs Monaten über den Stand zu berichten.',
      ),
    ).toEqual([[{ kind: 'event' }, ['deadline-unclear']]]);
  });

  it('an announcement of decisions by circulation, each dated in brackets after its number', () => {
    const read = extract(
      [
        'Bekanntmachung von Beschlüssen des IT-Planungsrats',
        'vom 20. Mai 2025',
        '',
        'I.  Entscheidung 2025/U03 (Umlaufverfahren abgeschlossen am 4. April 2025)',
        '    Der IT-Planungsrat bittet die FITKO, innerhalb von sechs Monaten einen Vorschlag vorzulegen.',
        '',
        'II. Entscheidung 2025/U04 (Umlaufverfahren abgeschlossen am 30. April 2025)',
        '    Der IT-Planungsrat bittet Rheinland-Pfalz, in der nächsten Sitzung zu berichten.',
      ].join('\n'),
      options,
    );
    expect(read.mandates.map((m) => [m.resolution, m.due])).toEqual([
      ['2025/U03', { kind: 'date', date: '2025-10-04' }],
      ['2025/U04', { kind: 'meeting', meeting: 47 }],
    ]);
  });

  it('a decision by circulation dated on the line under its number counts from that day', () => {
    const read = extract(
      [
        'Entscheidung 2025/33 (Umlaufverfahren)',
        'Das Umlaufverfahren wurde am 12. August 2025 abgeschlossen.',
        '',
        '1. Die FITKO wird gebeten, die Verfahren innerhalb von acht Wochen zu informieren.',
        '2. Die Länder werden gebeten, in der nächsten Sitzung zu berichten.',
      ].join('\n'),
      options,
    );
    expect(read.mandates.map((m) => m.due)).toEqual([
      { kind: 'date', date: '2025-10-07' },
      { kind: 'meeting', meeting: 48 },
    ]);
  });

  it('"binnen sechs Wochen nach Beschlussfassung" without a day on the page: counted from the decision, flagged', () => {
    expect(
      municipal(
        'Sitzung des Rates',
        'Die Verwaltung wird beauftragt, binnen sechs Wochen nach Beschlussfassung einen Entwurf vorzulegen.',
      ),
    ).toEqual([[{ kind: 'event' }, ['deadline-unclear']]]);
  });

  it('a decision whose session stands on the line under its number counts from that day', () => {
    const read = extract(
      [
        'Beschluss 2025/52 – Stellungnahme zu den EU-Leitlinien',
        '48. Sitzung am 26. November 2025',
        '1. Der IT-Planungsrat bittet Schleswig-Holstein, binnen sechs Wochen nach Beschlussfassung einen Entwurf zu erstellen.',
      ].join('\n'),
      options,
    );
    expect(read.resolutions[0].meeting).toMatchObject({ number: 48, date: '2025-11-26' });
    expect(read.mandates.map((m) => [m.due, m.uncertain])).toEqual([
      [{ kind: 'date', date: '2026-01-07' }, []],
    ]);
  });

  it('a period counted from another event stays an event, not flagged', () => {
    expect(
      municipal(
        'Sitzung des Rates',
        'Die Verwaltung wird beauftragt, innerhalb von drei Monaten nach Inkrafttreten der Satzung zu berichten.',
      ),
    ).toEqual([[{ kind: 'event' }, []]]);
  });
});

describe('two things to deliver in one request, each with its own time', () => {
  it.each<[string, Due[]]>([
    [
      'einen Zwischenbericht bis zum 31.03.2022 sowie den Abschlussbericht bis zum 30.06.2022 vorzulegen.',
      [
        { kind: 'date', date: '2022-03-31' },
        { kind: 'date', date: '2022-06-30' },
      ],
    ],
    [
      'die Konzeption bis zur 37. Sitzung vorzulegen sowie die Umsetzung bis zur 38. Sitzung zu prüfen.',
      [
        { kind: 'meeting', meeting: 37 },
        { kind: 'meeting', meeting: 38 },
      ],
    ],
    [
      'einen Bericht bis zur 38. Sitzung vorzulegen und dabei die Länder zu beteiligen.',
      [{ kind: 'meeting', meeting: 38 }],
    ],
  ])('"bittet die FITKO, %s"', (task, expected) => {
    expect(found(`1. Der IT-Planungsrat bittet die FITKO, ${task}`).map((m) => m.due)).toEqual(
      expected,
    );
  });
});

describe('the next point gives the time of what the point before asked for', () => {
  it('"3. Das Konzept ist … zur 38. Sitzung vorzulegen." after "2. … ein Konzept … zu erarbeiten."', () => {
    const [concept] = found(
      '1. Der IT-Planungsrat nimmt den Bericht zur Kenntnis.\n2. Die FITKO wird gebeten, ein Konzept für den Anschluss weiterer Register zu erarbeiten.\n3. Das Konzept ist dem IT-Planungsrat zur 38. Sitzung zur Beschlussfassung vorzulegen.',
    );
    expect(concept).toMatchObject({ point: 2, due: { kind: 'meeting', meeting: 38 } });
    expect(concept.uncertain).toEqual(['deadline-borrowed']);
  });

  it('not where the next point speaks of something else', () => {
    const [concept] = found(
      '2. Die FITKO wird gebeten, ein Konzept für den Anschluss weiterer Register zu erarbeiten.\n3. Der Jahresbericht ist dem IT-Planungsrat zur 38. Sitzung vorzulegen.',
    );
    expect(concept).toMatchObject({ point: 2, due: { kind: 'none' }, uncertain: [] });
  });
});

describe('a time inside a relative clause after a preposition dates its noun', () => {
  it('"…, nach der die Länder jährlich berichten" is no yearly duty of the one asked', () => {
    expect(
      found(
        '1. Der IT-Planungsrat bittet die FITKO, eine Geschäftsordnung zu entwerfen, nach der die Länder jährlich über ihre Fortschritte berichten.',
      ).map((m) => m.due),
    ).toEqual([{ kind: 'none' }]);
  });

  it('", in der nächsten Sitzung zu berichten" stays the task\'s time', () => {
    expect(
      found('1. Der IT-Planungsrat bittet die FITKO, in der nächsten Sitzung zu berichten.').map(
        (m) => m.due,
      ),
    ).toEqual([{ kind: 'meeting', meeting: 37 }]);
  });
});

describe('sessions the calendar does not date yet', () => {
  // The calendar dates sessions up to the 48th (26.11.2025); the 49th and 50th have no day yet.
  it('"zur nächsten Sitzung" after a special session later than the last dated one is the next number', () => {
    expect(
      found(
        '1. Der IT-Planungsrat bittet die FITKO, zur nächsten Sitzung einen Entwurf vorzulegen.',
        'IT-Planungsrat | 12.02.2026 | Sondersitzung | B-2026/04-IT',
      ).map((m) => m.due),
    ).toEqual([{ kind: 'meeting', meeting: 49 }]);
  });

  it.each<[string, object]>([
    // The session after the last one dated, which was held the year before: a guess, flagged.
    ['bis zur Frühjahrssitzung 2026', { kind: 'meeting', meeting: 49 }],
    ['in seiner ersten Sitzung 2026', { kind: 'meeting', meeting: 49 }],
    // The summer session counted as the year before ran (spring, summer, autumn): the second.
    ['bis zur Sommersitzung 2026', { kind: 'meeting', meeting: 50 }],
    // The last dated session was in 2025: the first of 2027 cannot be counted.
    ['bis zur Frühjahrssitzung 2027', { kind: 'event' }],
    ['in seiner zweiten Sitzung 2026', { kind: 'event' }],
  ])('"%s" after the 48th session (November 2025) is %j, flagged', (phrase, due) => {
    const [read] = found(
      `1. Der IT-Planungsrat bittet die FITKO, ${phrase} einen Bericht vorzulegen.`,
      'IT-Planungsrat | 26.11.2025 | 48. Sitzung | B-2025/99-IT',
    );
    expect(read.due).toEqual(due);
    expect(read.uncertain).toEqual(['deadline-unclear']);
  });

  it('"zur 49. Sitzung 2026" names its number: no guess, no flag', () => {
    const [read] = found(
      '1. Der IT-Planungsrat bittet die FITKO, zur 49. Sitzung 2026 einen Bericht vorzulegen.',
      'IT-Planungsrat | 26.11.2025 | 48. Sitzung | B-2025/99-IT',
    );
    expect(read.due).toEqual({ kind: 'meeting', meeting: 49 });
    expect(read.uncertain).toEqual([]);
  });
});

describe("the span of the task's object", () => {
  it('"für den gesamten Förderzeitraum 2026 bis 2028" is no deadline, flagged', () => {
    const [m] = found(
      '1. Die Länder werden gebeten, die Anteile für den gesamten Förderzeitraum 2026 bis 2028 in ihren Haushalten vorzusehen.',
    );
    expect([m.due, m.uncertain]).toEqual([{ kind: 'none' }, ['deadline-unclear']]);
  });

  it('"der Jahre 2021 bis 2025" beside a time of its own: that time, no doubt', () => {
    const [m] = found(
      '1. Die FITKO wird gebeten, spätestens zum 31. März 2022 eine Übersicht der Jahre 2017 bis 2021 vorzulegen.',
    );
    expect([m.due, m.uncertain]).toEqual([{ kind: 'date', date: '2022-03-31' }, []]);
  });
});

describe('several days due, the year written once at the last', () => {
  it.each([
    'zu den Stichtagen 31. März, 30. September und 31. Dezember 2038',
    'zu den Stichtagen 31.03., 30.09. und 31.12.2038',
  ])('"%s": the first due, the others kept', (phrase) => {
    expect(dueOf(phrase)).toEqual([
      { kind: 'date', date: '2038-03-31', later: ['2038-09-30', '2038-12-31'] },
    ]);
  });
});

describe('a session the text dates by when it is planned', () => {
  it.each<[string, Due]>([
    ['in der für Februar 2026 vorgesehenen Sondersitzung', { kind: 'date', date: '2026-02-28' }],
    ['zu der für den 12. März 2026 geplanten Sitzung', { kind: 'date', date: '2026-03-12' }],
  ])('"%s" is %j', (phrase, due) => {
    expect(dueOf(phrase)).toEqual([due]);
  });
});

describe('a date that says when the object starts or holds', () => {
  it.each([
    'die Richtlinien bei allen ab dem 1. Januar 2022 beginnenden Vorhaben anzuwenden.',
    'das ab 1. Januar 2022 geltende Gesetz in ihren Verfahren umzusetzen.',
    'die bis zum 30.06.2022 geltenden Verträge zu prüfen.',
  ])('"bittet die FITKO, %s" names no deadline', (task) => {
    expect(found(`1. Der IT-Planungsrat bittet die FITKO, ${task}`).map((m) => m.due)).toEqual([
      { kind: 'none' },
    ]);
  });

  it('"zum 01.01.2022 in ihr Portfolio aufzunehmen" is still the task\'s date', () => {
    expect(
      found(
        '1. Der IT-Planungsrat bittet die FITKO, den Dienst zum 01.01.2022 in ihr Portfolio aufzunehmen.',
      ).map((m) => m.due),
    ).toEqual([{ kind: 'date', date: '2022-01-01' }]);
  });
});

describe('a doubt about a time survives a request of two tasks', () => {
  it('"… evaluieren zu lassen und … in seiner ersten Sitzung 2026 vorzulegen" keeps its flag', () => {
    const [read] = found(
      '1. Der IT-Planungsrat beauftragt die FITKO, das Portal evaluieren zu lassen und ihm den Bericht in seiner ersten Sitzung 2026 vorzulegen.',
      'IT-Planungsrat | 26.11.2025 | 48. Sitzung | B-2025/99-IT',
    );
    expect(read.due).toEqual({ kind: 'meeting', meeting: 49 });
    expect(read.uncertain).toEqual(['deadline-unclear']);
  });
});
