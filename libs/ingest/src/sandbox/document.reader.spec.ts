import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '@app/extraction';
import { mandatesAsExpected } from '../../../../test/support/extraction-fixtures';
import { loadCalendar, loadRegistry, ROOT } from '../../../../test/support/seed-data';
import { decisionTextFromBytes } from '../input/decision-text.reader';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

/** The mandates of a text as the extraction contract has them (no line numbers). */
function mandatesOf(text: string) {
  return mandatesAsExpected(
    extract(text, { registry: loadRegistry(), calendar: loadCalendar() }),
  ).map(({ line: _line, ...mandate }) => mandate);
}

describe('a decision text as Word file and as saved web page', () => {
  const plain = readFileSync(fixture('real/itplr-25.txt'), 'utf8');

  it('reads the same mandates from the .docx as from the text (lists numbered as in Word)', async () => {
    const file = fixture('readers/itplr-25.docx');
    const text = await decisionTextFromBytes(file, readFileSync(file));
    expect(text).toContain('16.04.2018 | 25. Sitzung | Beschluss 2018/04');
    expect(text).toContain(
      '\n4. Der IT-Planungsrat beauftragt den Aufbaustab/die AG FITKO bis zur 27. Sitzung',
    );
    expect(text).not.toMatch(/<\/?\w+|w:t/);
    expect(mandatesOf(text)).toEqual(mandatesOf(plain));
  });

  it('reads the same mandates from the saved page as from the text, without markup or navigation', async () => {
    const file = fixture('readers/itplr-25.html');
    const text = await decisionTextFromBytes(file, readFileSync(file));
    expect(text).toContain('16.04.2018 | 25. Sitzung | Beschluss 2018/04');
    expect(text).toContain('"Projektphase 5 - Fortschreibung');
    expect(text).not.toMatch(/<\/?\w+|&quot;|&uuml;|dataLayer|Startseite|Impressum|JavaScript/);
    expect(text).not.toContain('um Ihre Meinung');
    expect(mandatesOf(text)).toEqual(mandatesOf(plain));
    expect(mandatesOf(text).length).toBe(8);
  });
});
