import type { UndeliveredDigest } from '@app/jobs';
import type { WebContext } from '../web-http';
import { jobsPage } from './jobs.view';

const context = {
  session: { sid: 's', uid: 1, exp: 0 },
  user: {
    id: 1,
    email: 'admin@fitko.test',
    name: 'Geschäftsstelle',
    role: 'secretariat',
    memberId: null,
    memberCode: null,
  },
  csrf: 'token',
  path: '/jobs',
} as WebContext;

const undelivered = (period: string): UndeliveredDigest => ({
  id: 1,
  member: 'HB',
  recipient: 'delegation@bremen.de',
  period,
  attempts: 1,
  reason: 'Der Mailserver war nicht erreichbar.',
});

function page(rows: UndeliveredDigest[]): string {
  return jobsPage({
    context,
    names: [],
    runs: [],
    undelivered: rows,
    schedules: [],
    mode: 'in-process',
  }).markup;
}

describe('the jobs page’s undelivered mails', () => {
  it('offers to send a digest period again', () => {
    expect(page([undelivered('2026-W50')])).toContain('Zeitraum 2026-W50 erneut senden');
  });

  it('offers no button for a notice or a reminder, and says who sends them again', () => {
    const html = page([undelivered('R17'), undelivered('F3-20261218')]);
    expect(html).not.toContain('erneut senden</button>');
    expect(html).toContain('sendet der nächste');
  });
});
