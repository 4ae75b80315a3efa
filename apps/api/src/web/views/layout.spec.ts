import { OBLIGATION_STATUSES, OWED_STATUSES } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layout } from './layout';

const SCRIPT = join(__dirname, '..', 'assets', 'app.js');

describe('the statuses the page script knows', () => {
  it('come from the page, which writes the one still-owed list of the domain', () => {
    const page = layout({ title: 'Test', body: '' });
    const attribute = /<body[^>]* data-owed-statuses="([^"]*)"/.exec(page.markup);
    expect(attribute).not.toBeNull();
    const decoded = (attribute as RegExpExecArray)[1].replace(/&quot;/g, '"');
    expect(JSON.parse(decoded)).toEqual([...OWED_STATUSES]);
  });

  it('are not spelled out in the script itself', () => {
    const script = readFileSync(SCRIPT, 'utf8');
    expect(script).toContain("document.body.getAttribute('data-owed-statuses')");
    for (const status of OBLIGATION_STATUSES) {
      expect(script).not.toMatch(new RegExp(`['"]${status}['"]`));
    }
  });
});
