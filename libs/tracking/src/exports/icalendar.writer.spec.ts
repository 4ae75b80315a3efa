import { toICalendar } from './icalendar.writer';

describe('iCalendar feed', () => {
  const now = new Date('2026-11-29T08:00:00Z');

  it('writes one all-day event per deadline with escaped text', () => {
    const ics = toICalendar(
      'Aufträge HB',
      [
        {
          uid: 'obligation-7@mandate-tracker',
          date: '2021-03-17',
          summary: 'Bericht; Teil 1, Entwurf',
          description: 'Zeile 1\nZeile 2',
        },
      ],
      now,
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20210317\r\nDTEND;VALUE=DATE:20210318\r\n');
    expect(ics).toContain('SUMMARY:Bericht\\; Teil 1\\, Entwurf\r\n');
    expect(ics).toContain('DESCRIPTION:Zeile 1\\nZeile 2\r\n');
    expect(ics).toContain('DTSTAMP:20261129T080000Z');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const ics = toICalendar(
      'x',
      [{ uid: 'u', date: '2021-12-31', summary: 'Ä'.repeat(60), description: '' }],
      now,
    );
    const line = ics.split('\r\n').find((l) => l.startsWith('SUMMARY:')) as string;
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('\r\n Ä');
  });
});
