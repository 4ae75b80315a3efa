import { obligation, SESSIONS } from './follow-up.factory';
import type { ObligationFacts } from './follow-up.types';
import { composeSecretariatDigest } from './secretariat-digest.composer';

// Between the 34th (2021-03-17) and the 35th (2021-06-23) session.
const now = new Date('2021-04-01T06:00:00Z');

const digest = (obligations: ObligationFacts[]) =>
  composeSecretariatDigest({
    recipient: { name: 'Geschäftsstelle' },
    members: [
      { code: 'HB', name: 'Bremen' },
      { code: 'BY', name: 'Bayern' },
    ],
    obligations,
    sessions: SESSIONS,
    now,
    baseUrl: 'https://tracker.example',
    period: '2021-W13',
  });

describe('composeSecretariatDigest', () => {
  it('says nothing when nothing is overdue or reported back', () => {
    expect(
      digest([
        obligation({ due: { kind: 'meeting', meeting: 35 } }),
        obligation({ status: 'done' }),
        obligation({ status: 'cancelled' }),
      ]),
    ).toBeNull();
  });

  it('lists overdue and reported obligations of all members, grouped by member, with links', () => {
    const mail = digest([
      obligation({ id: 1, mandateId: 11, owner: 'HB', point: 1 }),
      obligation({ id: 2, mandateId: 12, owner: 'BY', point: 2 }),
      obligation({
        id: 3,
        mandateId: 13,
        owner: 'HB',
        point: 3,
        status: 'reported',
        reports: ['2021-03-10T09:00:00.000Z'],
      }),
      obligation({ id: 4, mandateId: 14, owner: 'BY', due: { kind: 'meeting', meeting: 35 } }),
      obligation({ id: 5, mandateId: 15, owner: 'HB', status: 'done' }),
    ]);
    expect(mail).not.toBeNull();
    expect(mail?.counts).toEqual({ overdue: 2, reported: 1 });
    expect(mail?.subject).toBe(
      'mandate-tracker: Wochenübersicht KW 13/2021 für die Geschäftsstelle',
    );
    const text = mail?.text ?? '';
    // Bayern before Bremen, each with its own lists.
    expect(text.indexOf('Bayern (BY)')).toBeGreaterThan(0);
    expect(text.indexOf('Bayern (BY)')).toBeLessThan(text.indexOf('Bremen (HB)'));
    expect(text).toContain('Berichtet, zu bestätigen:');
    expect(text).toContain('berichtet am 10.03.2021');
    expect(text).toContain('überfällig');
    for (const id of [11, 12, 13]) expect(text).toContain(`https://tracker.example/mandates/${id}`);
    for (const id of [14, 15]) expect(text).not.toContain(`https://tracker.example/mandates/${id}`);
  });

  it("dates a session deadline by the obligation's own calendar where one is given", () => {
    const other = [{ number: 34, date: '2021-03-20', state: 'held' as const }];
    const input = {
      recipient: { name: 'Geschäftsstelle' },
      members: [{ code: 'HB', name: 'Bremen' }],
      obligations: [
        obligation({ id: 1, mandateId: 11, owner: 'HB', due: { kind: 'meeting', meeting: 34 } }),
        obligation({ id: 2, mandateId: 12, owner: 'HB', due: { kind: 'meeting', meeting: 34 } }),
      ],
      sessions: SESSIONS,
      now,
      baseUrl: 'https://tracker.example',
      period: '2021-W13',
    };
    const mail = composeSecretariatDigest({
      ...input,
      sessionsOf: (facts) => (facts.id === 2 ? other : SESSIONS),
    });
    const text = mail?.text ?? '';
    const first = text.slice(text.indexOf('Ziffer 1'), text.indexOf('/mandates/11'));
    const second = text.slice(text.indexOf('/mandates/11'), text.indexOf('/mandates/12'));
    expect(first).toContain('17.03.2021');
    expect(second).toContain('20.03.2021');
    expect(second).not.toContain('17.03.2021');
    // Without it, every deadline is dated by `sessions`.
    expect(composeSecretariatDigest(input)?.text).not.toContain('20.03.2021');
  });

  it('escapes what came from outside in the HTML part', () => {
    const mail = digest([obligation({ action: 'Konzept <Entwurf> vorlegen' })]);
    expect(mail?.html).toContain('Konzept &lt;Entwurf&gt; vorlegen');
    expect(mail?.html).not.toContain('<Entwurf>');
  });
});
