import { loadCalendar, loadRegistry } from '../../../test/support/seed-data';
import { extract } from './extract';
import { statedMeetingNumber } from './document/parsed-document';

const options = () => ({ registry: loadRegistry(), calendar: loadCalendar() });

// A deadline names the session something is due at; only the text's header (or its own
// statement, "in seiner 40. Sitzung") says where it was decided.
describe('the session a text comes from', () => {
  it('is never read from a deadline phrase', () => {
    expect(statedMeetingNumber('bis zur 51. Sitzung vorzulegen')).toBeUndefined();
    expect(statedMeetingNumber('spätestens zur 51. Sitzung')).toBeUndefined();
    expect(statedMeetingNumber('ab der 40. Sitzung zu jeder Sitzung')).toBeUndefined();
    expect(statedMeetingNumber('hat in seiner 40. Sitzung bis zur 42. Sitzung gebeten')).toBe(40);
    expect(statedMeetingNumber('17.03.2021 | 34. Sitzung | Beschluss 2021/07')).toBe(34);
  });

  it('leaves a decision without a stated session without one when only its deadline names one', () => {
    const text = [
      'Der IT-Planungsrat hat am 18. März 2026 beschlossen:',
      'Die FITKO wird gebeten, bis zur 51. Sitzung des IT-Planungsrats einen Bericht vorzulegen.',
    ].join('\n');
    const extraction = extract(text, options());
    expect(extraction.meeting.number).toBeUndefined();
    expect(extraction.resolutions[0].meeting?.number).toBeUndefined();
    expect(extraction.mandates[0].due).toEqual({ kind: 'meeting', meeting: 51 });
  });

  it('keeps an announcement preamble deadline out of the session', () => {
    const text = [
      'Bekanntmachung der Entscheidungen des IT-Planungsrats',
      '',
      'Vom 9. März 2026',
      '',
      'Berichte bis zur 51. Sitzung, so hat es der IT-Planungsrat in seiner 49. Sitzung beschlossen.',
      '',
      'Standardisierungsagenda',
      'Beschluss 2026/07',
      '1. Der IT-Planungsrat bittet die FITKO, bis zur 51. Sitzung einen Bericht vorzulegen.',
    ].join('\n');
    const extraction = extract(text, options());
    expect(extraction.resolutions[0].meeting).toMatchObject({ kind: 'session', number: 49 });
  });

  it('keeps a special session a special session whatever session its deadlines name', () => {
    const text = [
      'In einer Sondersitzung am 18. September 2020 hat der IT-Planungsrat entschieden.',
      'Beschluss des IT-Planungsrats:',
      '- Der IT-Planungsrat bittet die FITKO, bis zur 51. Sitzung einen Bericht vorzulegen.',
    ].join('\n');
    const extraction = extract(text, options());
    expect(extraction.resolutions[0].meeting).toEqual({ kind: 'special', date: '2020-09-18' });
  });
});
