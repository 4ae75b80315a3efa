import { escapeHtml, htmlBarChart, htmlTable } from './html.writer';

describe('html writer', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes link targets and cells', () => {
    const table = htmlTable('T', ['Spalte'], [[{ href: '"><script>', text: '<i>' }]]);
    expect(table).toContain('<td><a href="&quot;&gt;&lt;script&gt;">&lt;i&gt;</a></td>');
    expect(table).toContain('<th scope="col">Spalte</th>');
  });

  it('scales bars to the largest value and labels each with its number', () => {
    const svg = htmlBarChart('Zahlen', [
      { label: 'A', value: 4 },
      { label: 'B', value: 1 },
      { label: 'C', value: 0 },
    ]);
    expect(svg.match(/width="(\d+)" height="20"/g)).toEqual([
      'width="200" height="20"',
      'width="50" height="20"',
      'width="0" height="20"',
    ]);
    expect(svg).toContain('<title id="chart-title">Zahlen</title>');
    expect(svg).toMatch(/<text[^>]*>A<\/text>.*<text[^>]*>4<\/text>/);
  });

  it('draws empty bars when every count is zero', () => {
    expect(htmlBarChart('leer', [{ label: 'A', value: 0 }])).toContain('width="0" height="20"');
  });
});
