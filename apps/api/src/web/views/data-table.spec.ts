import { dataTable } from './data-table';
import { html } from './html';

// Under another name, so that Prettier leaves the markup in these templates exactly as written.
const h = html;
const squeeze = (markup: string) => markup.replace(/>\s+</g, '><').replace(/\s+/g, ' ');

describe('dataTable', () => {
  it('draws caption, headings and rows, escaping the caption and the headings', () => {
    const table = dataTable({
      id: 'owed',
      caption: 'Pflichten <HB> & Co.',
      columns: ['Zuständig', false, { label: 'Tage', number: true }, { label: '<b>' }],
      items: [{ owner: 'HB', days: 3 }],
      row: (r) => h`<tr><th scope="row">${r.owner}</th><td class="number">${r.days}</td></tr>`,
    });
    expect(squeeze(table.markup)).toBe(
      '<div class="table-wrap"><table id="owed"><caption> Pflichten &lt;HB&gt; &amp; Co. </caption>' +
        '<thead><tr><th scope="col">Zuständig</th><th scope="col" class="number">Tage</th>' +
        '<th scope="col">&lt;b&gt;</th></tr></thead>' +
        '<tbody><tr><th scope="row">HB</th><td class="number">3</td></tr></tbody></table></div>',
    );
  });

  it('has no id without one, and an empty body without items', () => {
    const table = dataTable({ caption: 'leer', columns: ['A'], items: [], row: () => h`` });
    expect(squeeze(table.markup)).toBe(
      '<div class="table-wrap"><table><caption> leer </caption>' +
        '<thead><tr><th scope="col">A</th></tr></thead><tbody></tbody></table></div>',
    );
  });
});
