import { schedulesFromEnv } from './schedules';

describe('schedulesFromEnv', () => {
  it('takes the schedules from the environment, with their defaults', () => {
    const schedules = schedulesFromEnv({ SCHEDULE_REMINDERS: '0 5 * * *' });
    expect(schedules.find((s) => s.name === 'reminders')).toEqual({
      name: 'reminders',
      pattern: '0 5 * * *',
      tz: 'Europe/Berlin',
    });
    expect(schedules.find((s) => s.name === 'overdue-scan')?.pattern).toBe('0 6 * * *');
  });

  it('refuses a wrong pattern in German, naming the job, the pattern and the time zone', () => {
    expect(() => schedulesFromEnv({ SCHEDULE_REMINDERS: 'täglich' })).toThrow(
      'der Zeitplan für reminders ("täglich", Zeitzone Europe/Berlin) ist kein gültiges Cron-Muster',
    );
  });
});
