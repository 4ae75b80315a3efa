import { addDays, addPeriod, daysBetween, isoWeek, utcDay } from './calendar-day';

describe('calendar days', () => {
  it('takes the UTC day of an instant, not the local one', () => {
    expect(utcDay(new Date('2021-03-17T23:30:00Z'))).toBe('2021-03-17');
    expect(utcDay('2021-03-18T00:30:00+02:00')).toBe('2021-03-17');
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
  });

  it('adds periods as a text counts them, a shorter month ending on its last day', () => {
    expect(addPeriod('2021-12-20', 10, 'Tagen')).toBe('2021-12-30');
    expect(addPeriod('2021-12-20', 2, 'Wochen')).toBe('2022-01-03');
    expect(addPeriod('2024-01-31', 1, 'Monat')).toBe('2024-02-29');
    expect(addPeriod('2023-08-31', 6, 'Monaten')).toBe('2024-02-29');
    expect(addPeriod('2021-05-15', 18, 'Monate')).toBe('2022-11-15');
    expect(addPeriod('2024-02-29', 1, 'Jahr')).toBe('2025-02-28');
    expect(addPeriod('2021-06-30', 2, 'Jahren')).toBe('2023-06-30');
  });

  it('counts days between two days, negative when going back', () => {
    expect(daysBetween('2021-03-17', '2021-03-27')).toBe(10);
    expect(daysBetween('2021-03-27', '2021-03-17')).toBe(-10);
    expect(daysBetween('2021-03-27', '2021-03-29')).toBe(2);
  });

  it.each([
    ['2026-11-29', '2026-W48'],
    ['2026-11-30', '2026-W49'],
    ['2026-01-01', '2026-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2019-12-30', '2020-W01'],
    ['2024-12-30', '2025-W01'],
  ])('puts %s into ISO week %s', (day, week) => {
    expect(isoWeek(day)).toBe(week);
  });
});
