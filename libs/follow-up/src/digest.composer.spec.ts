import {
  composeDigest,
  digestPeriod,
  digestPeriodStart,
  secretariatDigestPeriod,
} from './digest.composer';
import { obligation, SESSIONS } from './follow-up.factory';
import type { ObligationFacts } from './follow-up.types';

// Between the 34th (2021-03-17) and the 35th (2021-06-23) session.
const now = new Date('2021-04-01T06:00:00Z');

const digest = (obligations: ObligationFacts[], at = now) =>
  composeDigest({
    member: { code: 'HB', name: 'Bremen' },
    recipient: { name: 'Frau Beispiel', email: 'beispiel@example.org' },
    obligations,
    sessions: SESSIONS,
    now: at,
    baseUrl: 'https://tracker.example',
    period: '2021-W13',
  });

const overdue34 = (id: number) => obligation({ id, mandateId: 100 + id });
const due35 = (id: number) =>
  obligation({ id, mandateId: 100 + id, due: { kind: 'meeting', meeting: 35 } });

describe('composeDigest', () => {
  it('says nothing when nothing is overdue or due before the next session', () => {
    expect(digest([])).toBeNull();
    expect(
      digest([
        obligation({ due: { kind: 'meeting', meeting: 36 } }),
        obligation({ status: 'done' }),
        obligation({ status: 'reported', due: { kind: 'meeting', meeting: 35 } }),
        obligation({ due: { kind: 'event' } }),
      ]),
    ).toBeNull();
  });

  it('counts overdue and soon due obligations in the subject', () => {
    const result = digest([overdue34(1), overdue34(2), due35(3), due35(4), due35(5)]);
    expect(result?.subject).toBe(
      'mandate-tracker: 2 überfällige und 3 bald fällige Aufträge für Bremen',
    );
    expect(result?.counts).toEqual({ overdue: 2, dueSoon: 3 });
    expect(result?.period).toBe('2021-W13');
  });

  it.each([
    [[1], [], 'mandate-tracker: 1 überfälliger Auftrag für Bremen'],
    [[], [1], 'mandate-tracker: 1 bald fälliger Auftrag für Bremen'],
    [[1, 2], [3], 'mandate-tracker: 2 überfällige und 1 bald fälliger Auftrag für Bremen'],
    [[], [1, 2], 'mandate-tracker: 2 bald fällige Aufträge für Bremen'],
  ])('words the subject in singular and plural (%j overdue, %j soon)', (late, soon, subject) => {
    expect(digest([...late.map(overdue34), ...soon.map(due35)])?.subject).toBe(subject);
  });

  it('counts a date deadline before the next session as due soon, one after it not', () => {
    const result = digest([
      obligation({ id: 1, due: { kind: 'date', date: '2021-05-01' } }),
      obligation({ id: 2, due: { kind: 'date', date: '2021-06-23' } }),
      obligation({ id: 3, due: { kind: 'date', date: '2021-06-24' } }),
    ]);
    expect(result?.counts).toEqual({ overdue: 0, dueSoon: 2 });
  });

  it('lists overdue items first, most overdue on top, with days and link', () => {
    const text = digest([
      due35(3),
      overdue34(1),
      obligation({ id: 2, mandateId: 102, due: { kind: 'date', date: '2020-12-31' } }),
    ])!.text;
    expect(text).toBe(
      [
        'Guten Tag Frau Beispiel,',
        '',
        'Stand für Bremen (HB): 2 überfällige und 1 bald fälliger Auftrag.',
        '',
        'Überfällig',
        '----------',
        '- Beschluss 2020/28, Ziffer 1: Bericht zum Umsetzungsstand vorlegen',
        '  Frist: bis 31.12.2020, seit 91 Tagen überfällig',
        '  https://tracker.example/mandates/102',
        '- Beschluss 2020/28, Ziffer 1: Bericht zum Umsetzungsstand vorlegen',
        '  Frist: 34. Sitzung (17.03.2021), seit 15 Tagen überfällig',
        '  https://tracker.example/mandates/101',
        '',
        'Bis zur 35. Sitzung (23.06.2021) fällig',
        '---------------------------------------',
        '- Beschluss 2020/28, Ziffer 1: Bericht zum Umsetzungsstand vorlegen',
        '  Frist: 35. Sitzung (23.06.2021), fällig am 23.06.2021',
        '  https://tracker.example/mandates/103',
        '',
        '-- ',
        'Wie oft und worüber Sie diese Nachricht erhalten, stellen Sie unter https://tracker.example/settings ein.',
        '',
      ].join('\n'),
    );
  });

  it('lists a recurring duty that was not yet reported for the next session', () => {
    const duty = obligation({
      id: 1,
      due: { kind: 'recurring', fromMeeting: 35 },
      decidedAt: '2021-03-17',
    });
    expect(digest([duty])?.counts).toEqual({ overdue: 0, dueSoon: 1 });
    expect(digest([{ ...duty, reports: ['2021-03-31T10:00:00Z'] }])).toBeNull();
  });

  it('lists a recurring duty that missed a session once, as overdue only', () => {
    const duty = obligation({
      id: 1,
      due: { kind: 'recurring', fromMeeting: 34 },
      decidedAt: '2020-10-23',
    });
    expect(digest([duty])?.counts).toEqual({ overdue: 1, dueSoon: 0 });
  });

  it('has nothing soon due when no next session is known', () => {
    const late = new Date('2022-04-01T00:00:00Z');
    expect(digest([obligation({ due: { kind: 'date', date: '2022-04-10' } })], late)).toBeNull();
  });

  it('writes an escaped German HTML part with links and the settings link', () => {
    const html = digest([
      obligation({ mandateId: 7, action: '<script>alert(1)</script> & "mehr"' }),
    ])!.html;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mehr&quot;');
    expect(html).toContain(
      '<a href="https://tracker.example/mandates/7">Beschluss 2020/28, Ziffer 1</a>',
    );
    expect(html).toContain('<main>\n<h1>Aufträge für Bremen (HB)</h1>');
    expect(html).toContain('<h2>Überfällig</h2>');
    expect(html).toContain(
      '<a href="https://tracker.example/settings">https://tracker.example/settings</a> ein.',
    );
  });

  it('escapes the recipient name in the HTML part', () => {
    const result = composeDigest({
      member: { code: 'HB', name: 'Bremen' },
      recipient: { name: '<b>Eve</b>', email: 'eve@example.org' },
      obligations: [obligation()],
      sessions: SESSIONS,
      now,
      baseUrl: 'https://tracker.example',
      period: '2021-04-01',
    });
    expect(result?.html).toContain('Guten Tag &lt;b&gt;Eve&lt;/b&gt;,');
  });
});

describe('digestPeriod', () => {
  it('is the UTC day for daily digests', () => {
    expect(digestPeriod(new Date('2026-11-29T23:59:59Z'), 'daily')).toBe('2026-11-29');
    expect(digestPeriod(new Date('2026-11-30T00:30:00+01:00'), 'daily')).toBe('2026-11-29');
  });

  it.each([
    ['2026-11-29T12:00:00Z', '2026-W48'],
    ['2026-12-31T12:00:00Z', '2026-W53'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
    ['2020-12-31T12:00:00Z', '2020-W53'],
    ['2021-01-01T12:00:00Z', '2020-W53'],
    ['2019-12-30T00:00:00Z', '2020-W01'],
  ])('puts %s into week %s', (iso, week) => {
    expect(digestPeriod(new Date(iso), 'weekly')).toBe(week);
  });

  it('is the same for every moment of one week, Monday to Sunday', () => {
    const monday = digestPeriod(new Date('2026-11-23T00:00:00Z'), 'weekly');
    const sunday = digestPeriod(new Date('2026-11-29T23:59:59Z'), 'weekly');
    expect([monday, sunday]).toEqual(['2026-W48', '2026-W48']);
  });
});

describe('digestPeriodStart', () => {
  it('finds an instant inside each period that gives the period back', () => {
    for (const day of ['2020-10-26', '2021-01-03', '2026-12-31', '2027-01-01']) {
      const now = new Date(`${day}T07:00:00Z`);
      for (const frequency of ['weekly', 'daily'] as const) {
        const period = digestPeriod(now, frequency);
        const start = digestPeriodStart(period);
        expect(start?.frequency).toBe(frequency);
        expect(digestPeriod(start!.now, frequency)).toBe(period);
      }
    }
    expect(digestPeriodStart('2020-W44')?.now.toISOString()).toBe('2020-10-26T12:00:00.000Z');
    // The secretariat's overview of a week is sent again by that week's weekly run.
    expect(secretariatDigestPeriod(new Date('2020-10-27T07:00:00Z'))).toBe('S2020-W44');
    expect(digestPeriodStart('S2020-W44')).toEqual(digestPeriodStart('2020-W44'));
    expect(digestPeriodStart('S2020-10-26')).toBeNull();
  });

  it('refuses what is no period', () => {
    expect(digestPeriodStart('2020-W54')).toBeNull();
    expect(digestPeriodStart('2020-13-01')).toBeNull();
    expect(digestPeriodStart('irgendwann')).toBeNull();
  });
});
