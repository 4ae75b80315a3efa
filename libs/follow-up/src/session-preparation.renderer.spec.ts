import { obligation, SESSIONS, sessionsWith } from './follow-up.factory';
import type { Session } from '@app/domain';
import type { ObligationFacts } from './follow-up.types';
import { composeSessionPreparation } from './session-preparation.composer';
import {
  renderSessionPreparationCsv,
  renderSessionPreparationHtml,
  renderSessionPreparationMarkdown,
} from './session-preparation.renderer';

const prepare = (
  obligations: Array<ObligationFacts & { memberName?: string }>,
  sessions: Session[] = SESSIONS,
  session = 35,
) =>
  composeSessionPreparation({
    session,
    obligations,
    sessions,
    now: new Date('2021-06-01T08:00:00Z'),
    baseUrl: 'https://tracker.example',
  });

const sample = prepare([
  {
    ...obligation({ id: 1, mandateId: 11, due: { kind: 'meeting', meeting: 35 } }),
    memberName: 'Bremen',
  },
  obligation({
    id: 2,
    mandateId: 12,
    owner: 'FITKO',
    status: 'reported',
    due: { kind: 'meeting', meeting: 35 },
  }),
]);

describe('renderSessionPreparationMarkdown', () => {
  const markdown = renderSessionPreparationMarkdown(sample);

  it('heads with the session, then owners and statuses', () => {
    expect(markdown).toMatch(/^# Vorbereitung der 35\. Sitzung \(23\.06\.2021\)\n/);
    expect(markdown).toContain('| insgesamt | 2 |');
    expect(markdown).toContain('## Bremen (HB) (1)\n\n### offen (1)');
    expect(markdown).toContain('## FITKO (1)\n\n### berichtet (1)');
    expect(markdown).toContain('[Auftrag 12](<https://tracker.example/mandates/12>)');
  });

  it('names the cancelled session it stands in for', () => {
    const sessions = sessionsWith({ number: 35, date: '2021-06-23', state: 'cancelled' });
    expect(renderSessionPreparationMarkdown(prepare([], sessions))).toContain(
      '# Vorbereitung der 36. Sitzung (29.10.2021), statt der abgesagten 35. Sitzung',
    );
  });

  it('says when nothing is due', () => {
    expect(renderSessionPreparationMarkdown(prepare([]))).toContain(
      '_Zu dieser Sitzung ist nichts fällig._',
    );
  });
});

describe('renderSessionPreparationHtml', () => {
  it('is a German document with main, headings and column headers', () => {
    const html = renderSessionPreparationHtml(sample);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(html).toContain('<main>\n<h1>Vorbereitung der 35. Sitzung (23.06.2021)</h1>');
    expect(html).toContain('<h2 id="owner-0">Bremen (HB) (1)</h2>');
    expect(html).toContain('<h3>offen (1)</h3>');
    expect(html).toContain('<th scope="col">Auftrag</th>');
  });

  it('escapes owner names and texts', () => {
    const html = renderSessionPreparationHtml(
      prepare([
        {
          ...obligation({ action: '<script>x()</script>', due: { kind: 'meeting', meeting: 35 } }),
          memberName: 'A&B "AG"',
        },
      ]),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('A&amp;B &quot;AG&quot; (HB)');
  });
});

describe('renderSessionPreparationCsv', () => {
  it('writes a BOM, a header and one row per item with owner and status', () => {
    const lines = renderSessionPreparationCsv(sample).split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffZuständig;Name;Status;Beschluss;Ziffer;Auftrag;Frist;Überfällig seit;Beschlusstext;Link',
    );
    expect(lines.slice(1, -1).map((line) => line.split(';').slice(0, 3))).toEqual([
      ['HB', 'Bremen', 'offen'],
      ['FITKO', 'FITKO', 'berichtet'],
    ]);
    expect(lines.at(-1)).toBe('');
  });
});
