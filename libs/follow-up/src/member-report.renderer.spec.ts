import { obligation, SESSIONS } from './follow-up.factory';
import type { ObligationFacts } from './follow-up.types';
import { composeMemberReport } from './member-report.composer';
import { renderReportCsv, renderReportHtml, renderReportMarkdown } from './member-report.renderer';

const now = new Date('2021-04-01T10:00:00Z');
const report = (obligations: ObligationFacts[]) =>
  composeMemberReport({
    member: { code: 'HB', name: 'Bremen' },
    obligations,
    sessions: SESSIONS,
    now,
    baseUrl: 'https://tracker.example',
  });

const sample = report([
  obligation({ id: 1, mandateId: 11 }),
  obligation({ id: 2, mandateId: 12, due: { kind: 'meeting', meeting: 35 }, point: 2 }),
  obligation({ id: 3, mandateId: 13, status: 'done', statusChangedAt: '2021-03-20T08:00:00Z' }),
]);
const hostile = report([
  obligation({
    action: '<script>alert("x")</script> & Co',
    source: 'Er sagt "ja"; dann <b>nein</b>',
  }),
]);

describe('renderReportMarkdown', () => {
  const markdown = renderReportMarkdown(sample);

  it('heads the report with the member and the sessions', () => {
    expect(markdown).toMatch(/^# Aufträge für Bremen \(HB\)\n/);
    expect(markdown).toContain('Nächste Sitzung: 35. Sitzung (23.06.2021)');
    expect(markdown).toContain('Letzte Sitzung: 34. Sitzung (17.03.2021)');
  });

  it('has a section per list with its count and a table row per item', () => {
    expect(markdown).toContain('## Überfällig (1)');
    expect(markdown).toContain('## Fällig zur nächsten Sitzung (1)');
    expect(markdown).toContain('## Offen (2)');
    expect(markdown).toContain('## Erledigt seit der letzten Sitzung (1)');
    expect(markdown).toContain(
      '| 2020/28 | 1 | Bericht zum Umsetzungsstand vorlegen | 34. Sitzung (17.03.2021) | offen | seit 18.03.2021 (15 Tage) | [Auftrag 11](<https://tracker.example/mandates/11>) |',
    );
  });

  it('says so when a section is empty', () => {
    expect(renderReportMarkdown(report([]))).toContain('## Überfällig (0)\n\n_Keine._');
  });

  it('keeps markup and table breakers in the text from taking effect', () => {
    const text = renderReportMarkdown(
      report([obligation({ action: 'A | B <script>\nzweite Zeile' })]),
    );
    expect(text).toContain('A \\| B \\<script\\> zweite Zeile');
    expect(text).not.toContain('<script>');
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(sample);

  it('is a complete German HTML5 document with a main landmark', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Aufträge für Bremen (HB)</title>');
    expect(html).toContain('<main>\n<h1>Aufträge für Bremen (HB)</h1>');
    expect(html.trimEnd()).toMatch(/<\/main>\n<\/body>\n<\/html>$/);
  });

  it('draws the counts as a labelled bar chart', () => {
    expect(html).toContain('<svg');
    expect(html).toContain(
      '<title id="chart-title">Aufträge: Offen 2, Überfällig 1, Erledigt 1</title>',
    );
    expect(html).toMatch(/<text[^>]*>Überfällig<\/text>/);
    expect(html).toMatch(/<text[^>]*>2<\/text>/);
  });

  it('has a heading and a table with column headers per section', () => {
    expect(html).toContain('<h2 id="overdue">Überfällig (1)</h2>');
    expect(html).toContain('<th scope="col">Beschluss</th>');
    expect(html).toContain('<a href="https://tracker.example/mandates/12">Auftrag 12</a>');
    expect(html.match(/<table>/g)).toHaveLength(4);
  });

  it('escapes text from the decisions', () => {
    const text = renderReportHtml(hostile);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });

  it('escapes the member name in title and heading', () => {
    const text = renderReportHtml(
      composeMemberReport({
        member: { code: 'X', name: '<img src=x onerror=alert(1)>' },
        obligations: [],
        sessions: SESSIONS,
        now,
        baseUrl: 'https://tracker.example',
      }),
    );
    expect(text).not.toContain('<img');
    expect(text).toContain('<h1>Aufträge für &lt;img src=x onerror=alert(1)&gt; (X)</h1>');
  });
});

describe('renderReportCsv', () => {
  const csv = renderReportCsv(sample);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a BOM and a semicolon-separated header, lines end with CRLF', () => {
    expect(csv.startsWith('\ufeffAbschnitt;Beschluss;Ziffer;Auftrag;Frist;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes one row per item and section', () => {
    expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual([
      'Überfällig',
      'Fällig zur nächsten Sitzung',
      'Offen',
      'Offen',
      'Erledigt seit der letzten Sitzung',
    ]);
    expect(lines[3].split(';').slice(7, 9)).toEqual(['18.03.2021', '15']);
    expect(lines[4].split(';').slice(7, 9)).toEqual(['', '']);
    expect(lines[1]).toBe(
      'Überfällig;2020/28;1;Bericht zum Umsetzungsstand vorlegen;34. Sitzung (17.03.2021);17.03.2021;offen;18.03.2021;15;Der IT-Planungsrat bittet die Länder, zur 34. Sitzung zu berichten.;https://tracker.example/mandates/11',
    );
  });

  it('quotes fields with separators or quotes and doubles the quotes', () => {
    expect(renderReportCsv(hostile)).toContain(';"Er sagt ""ja""; dann <b>nein</b>";');
  });
});
