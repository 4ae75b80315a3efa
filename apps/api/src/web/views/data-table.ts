import { html, type Html, type HtmlValue } from './html';

/** A column's heading; `number` right-aligns a column of counts. */
export type Column = string | { label: string; number?: boolean };

const heading = (c: Column): Html =>
  typeof c === 'string'
    ? html`<th scope="col">${c}</th>`
    : c.number
      ? html`<th scope="col" class="number">${c.label}</th>`
      : html`<th scope="col">${c.label}</th>`;

/**
 * A table as the pages draw one: scrolling on its own on a narrow screen, with a caption (what a
 * screen reader announces it by), column headings, and one row per item as the view renders it.
 * A column given as `false` is left out (one shown only sometimes).
 */
export function dataTable<T>(options: {
  id?: string;
  caption: HtmlValue;
  columns: Array<Column | false>;
  items: readonly T[];
  row: (item: T) => Html;
}): Html {
  const headings = options.columns.filter((c): c is Column => c !== false);
  return html`<div class="table-wrap">
  <table${options.id ? html` id="${options.id}"` : ''}>
    <caption>
      ${options.caption}
    </caption>
    <thead>
      <tr>
        ${headings.map(heading)}
      </tr>
    </thead>
    <tbody>
      ${options.items.map(options.row)}
    </tbody>
  </table>
</div>`;
}
