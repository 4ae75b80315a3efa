import { html } from './html';
import { inputField, selectField } from './form-fields';

const squash = (markup: string) => markup.replace(/\s+/g, ' ');

describe('form partials', () => {
  it('tie the label and the hint to the input, and escape what was typed', () => {
    const field = squash(
      inputField({
        id: 'f-q',
        name: 'q',
        label: 'Text',
        type: 'search',
        value: '"><script>alert(1)</script>',
        hint: 'im Auftrag',
        attributes: html`maxlength="200"`,
      }).markup,
    );
    expect(field).toContain('<label for="f-q">Text</label>');
    expect(field).toContain('type="search"');
    expect(field).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(field).not.toContain('<script>');
    expect(field).toContain('maxlength="200"');
    expect(field).toContain('aria-describedby="f-q-hint"');
    expect(field).toContain('<span id="f-q-hint" class="field-hint">im Auftrag</span>');
  });

  it('select the current choice, the empty one when there is none', () => {
    const select = (current: string | number | undefined) =>
      squash(
        selectField({
          id: 'f-due',
          name: 'dueMeeting',
          label: 'Sitzung',
          choices: [
            { value: '', label: 'alle' },
            { value: 34, label: '34. Sitzung <neu>' },
          ],
          current,
        }).markup,
      );
    expect(select(34)).toContain('<option value="34" selected>34. Sitzung &lt;neu&gt;</option>');
    expect(select(34)).toContain('<option value="" >alle</option>');
    expect(select(undefined)).toContain('<option value="" selected>alle</option>');
  });
});
