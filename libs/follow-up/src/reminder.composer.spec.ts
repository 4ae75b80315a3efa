import { obligation, SESSIONS, sessionsWith } from './follow-up.factory';
import { composeReminder, reminderKey, remindersDue } from './reminder.composer';

// Ten days before the 35th session (2021-06-23).
const now = new Date('2021-06-13T06:00:00Z');
const due35 = obligation({ id: 7, mandateId: 70, due: { kind: 'meeting', meeting: 35 } });
const due36 = obligation({ id: 8, mandateId: 80, due: { kind: 'meeting', meeting: 36 } });

describe('remindersDue', () => {
  it('takes what is still owed and due within the lead time, not later, not closed or reported', () => {
    const due = remindersDue(
      [
        due35,
        due36,
        obligation({ id: 9, status: 'in_progress', due: { kind: 'date', date: '2021-06-27' } }),
        obligation({ id: 10, status: 'reported', due: { kind: 'meeting', meeting: 35 } }),
        obligation({ id: 11, status: 'done', due: { kind: 'meeting', meeting: 35 } }),
        obligation({ id: 12, due: { kind: 'date', date: '2021-07-13' } }),
      ],
      SESSIONS,
      now,
      14,
    );
    expect(due.map((d) => [d.facts.id, d.dueOn])).toEqual([
      [7, '2021-06-23'],
      [9, '2021-06-27'],
    ]);
    expect(remindersDue([due35], SESSIONS, now, 5)).toEqual([]);
  });

  it('keys a reminder by obligation and day, so a moved session reminds again', () => {
    const [first] = remindersDue([due35], SESSIONS, now, 14);
    const moved = sessionsWith({ number: 35, date: '2021-06-25', state: 'planned' });
    const [again] = remindersDue([due35], moved, now, 14);
    expect(reminderKey(first)).toBe('F7-20210623');
    expect(reminderKey(again)).toBe('F7-20210625');
    expect(
      reminderKey({ facts: obligation({ id: 9_999_999_999 }), dueOn: '2021-06-25' }).length,
    ).toBeLessThanOrEqual(20);
  });
});

describe('composeReminder', () => {
  const mail = composeReminder({
    member: { code: 'HB', name: 'Bremen' },
    recipient: { name: 'Frau Beispiel' },
    reminder: { facts: { ...due35, action: 'Konzept <Entwurf> vorlegen' }, dueOn: '2021-06-23' },
    sessions: SESSIONS,
    now,
    baseUrl: 'https://tracker.example',
  });

  it('says in German what is due when, with the link to the mandate', () => {
    expect(mail.subject).toBe(
      'mandate-tracker: Beschluss 2020/28, Ziffer 1 ist in 10 Tagen (23.06.2021) fällig',
    );
    expect(mail.text).toContain('Guten Tag Frau Beispiel,');
    expect(mail.text).toContain('für Bremen (HB)');
    expect(mail.text).toContain('Frist: 35. Sitzung (23.06.2021)');
    expect(mail.text).toContain('Stand: offen');
    expect(mail.text).toContain('https://tracker.example/mandates/70');
  });

  it('escapes what came from outside in the HTML part', () => {
    expect(mail.html).toContain('Konzept &lt;Entwurf&gt; vorlegen');
    expect(mail.html).not.toContain('<Entwurf>');
  });
});
