import { escapeMarkdown, markdownTable } from './markdown.writer';

describe('markdown writer', () => {
  it('escapes characters that start markup or break tables', () => {
    expect(escapeMarkdown('a|b *c* <d> [e] & f_g')).toBe('a\\|b \\*c\\* \\<d\\> \\[e\\] \\& f\\_g');
  });

  it('joins lines inside a cell', () => {
    expect(escapeMarkdown('erste\n  zweite\r\ndritte')).toBe('erste zweite dritte');
  });

  it('writes a table with links in angle brackets', () => {
    expect(markdownTable(['A', 'B'], [[1, { href: 'https://x.example/a b', text: 'Link' }]])).toBe(
      '| A | B |\n| --- | --- |\n| 1 | [Link](<https://x.example/a%20b>) |',
    );
  });
});
