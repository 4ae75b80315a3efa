import { html, type Html, type HtmlValue } from './html';

// The form partials every page's forms are built from: a labelled control in its "field" box,
// so the markup (label tied to its control, hint tied by aria-describedby) is written once.

export interface Choice {
  value: string | number;
  label: HtmlValue;
}

/** One choice of a select, marked when it is the current one. */
export function option(value: string | number, label: HtmlValue, selected: boolean): Html {
  return html`<option value="${value}" ${selected ? html` selected` : ''}>${label}</option>`;
}

/**
 * A select in its field box; the choice whose value is `current` is selected ('' when none).
 * `attributes` are further attributes of the select, built with `html`.
 */
export function selectField(options: {
  id: string;
  name: string;
  label: HtmlValue;
  choices: Choice[];
  current: string | number | null | undefined;
  attributes?: Html;
}): Html {
  const current = String(options.current ?? '');
  return html`<div class="field">
    <label for="${options.id}">${options.label}</label>
    <select id="${options.id}" name="${options.name}" ${options.attributes}>
      ${options.choices.map((c) => option(c.value, c.label, String(c.value) === current))}
    </select>
  </div>`;
}

/**
 * A text-like input (text, search, date, number …) in its field box. `hint` is shown below it
 * and read out with it; `attributes` are further attributes, built with `html`.
 */
export function inputField(options: {
  id: string;
  name: string;
  label: HtmlValue;
  type?: string;
  value?: string | number | null;
  hint?: string;
  attributes?: Html;
}): Html {
  const hintId = `${options.id}-hint`;
  return html`<div class="field">
    <label for="${options.id}">${options.label}</label>
    <input
      id="${options.id}"
      name="${options.name}"
      type="${options.type ?? 'text'}"
      value="${options.value ?? ''}"
      ${options.attributes}
      ${options.hint ? html`aria-describedby="${hintId}"` : ''}
    />
    ${options.hint ? html`<span id="${hintId}" class="field-hint">${options.hint}</span>` : ''}
  </div>`;
}
