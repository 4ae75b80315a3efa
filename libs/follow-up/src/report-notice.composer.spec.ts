import { composeReportNotice } from './report-notice.composer';

describe('composeReportNotice', () => {
  const notice = composeReportNotice({
    member: { code: 'HB', name: 'Bremen' },
    recipient: { name: 'Geschäftsstelle' },
    resolution: '2020/23',
    point: 3,
    action: 'Konzept <Entwurf> vorlegen',
    mandateId: 7,
    reportedBy: 'erika@bremen.de',
    at: '2026-12-06T09:00:00.000Z',
    note: 'Bericht übermittelt',
    evidence: 'https://example.org/bericht.pdf',
    baseUrl: 'https://tracker.test',
  });

  it('says in German who reported what, with note, evidence and a link to the mandate', () => {
    expect(notice.subject).toBe(
      'mandate-tracker: Bremen meldet Beschluss 2020/23, Ziffer 3 als erledigt',
    );
    expect(notice.text).toContain('Gemeldet von: erika@bremen.de am 06.12.2026');
    expect(notice.text).toContain('Vermerk: Bericht übermittelt');
    expect(notice.text).toContain('Nachweis: https://example.org/bericht.pdf');
    expect(notice.text).toContain('https://tracker.test/mandates/7');
  });

  it('escapes what came from outside in the HTML part', () => {
    expect(notice.html).toContain('Konzept &lt;Entwurf&gt; vorlegen');
    expect(notice.html).not.toContain('<Entwurf>');
  });
});
