import { htmlText, isHtml } from './html-text.reader';

describe('htmlText', () => {
  it('gives headings, paragraphs, list items and table rows as lines, without markup', () => {
    const html = `<!DOCTYPE html><html><head><title>Beschluss</title>
      <style>p { color: red }</style><script>var p = "<p>Der IT-Planungsrat bittet</p>";</script></head>
      <body><header><a href="/">Startseite</a></header>
      <nav><ul><li>Beschlüsse</li></ul></nav><div role="navigation">Sie sind hier</div>
      <main><article><header><h1>Beschluss 2021/07 &ndash; Gr&uuml;ne Liste</h1></header>
      <p>IT-Planungsrat | <span>17.03.2021</span> | 34. Sitzung</p>
      <p>Der IT-Planungsrat
         bittet&nbsp;die FITKO,<br>bis zur 35. Sitzung &quot;Bericht&quot; vorzulegen.</p>
      <ol start="3"><li>drei</li><li>vier <b>fett</b><ul><li>Unterpunkt</li></ul></li></ol>
      <table><tr><th>TOP 1</th><td>Titel<br>zweite Zeile</td></tr><tr><td>nur eine Zelle</td></tr></table>
      <p hidden>versteckt</p><span aria-hidden="true">Symbol</span>
      </article></main><aside>Auch interessant</aside><footer>Impressum</footer></body></html>`;
    expect(htmlText(html).split('\n')).toEqual([
      'Beschluss 2021/07 – Grüne Liste',
      '',
      'IT-Planungsrat | 17.03.2021 | 34. Sitzung',
      '',
      'Der IT-Planungsrat bittet die FITKO,',
      'bis zur 35. Sitzung "Bericht" vorzulegen.',
      '',
      '3. drei',
      '4. vier fett',
      '- Unterpunkt',
      '',
      '| TOP 1 | Titel zweite Zeile |',
      'nur eine Zelle',
    ]);
  });

  it('drops a title outside the head (pages saved without one)', () => {
    expect(htmlText('<title>Seitentitel</title><p>Beschluss 2021/07</p>')).toBe(
      'Beschluss 2021/07',
    );
  });

  it('knows a saved page by its name or its first markup', () => {
    expect(isHtml('beschluss.htm', Buffer.from('Text'))).toBe(true);
    expect(isHtml('seite', Buffer.from('\ufeff  <!DOCTYPE html><html>'))).toBe(true);
    expect(isHtml('seite.txt', Buffer.from('<HTML><body>'))).toBe(true);
    expect(isHtml('protokoll.md', Buffer.from('# <html> im Text'))).toBe(false);
  });
});
