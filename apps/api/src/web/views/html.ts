import { escapeHtml } from '@app/follow-up';

// The one place where pages turn text into markup, escaped as the reports escape it. Every value
// interpolated into `html` is escaped unless it is itself the result of `html`, so a view cannot
// forget to escape data: markup has to be built with `html`, and anything else (a title from a
// protocol, a note typed by a delegate, a query parameter) is text.

/** Markup that is already safe to send. Only `html` and `joinHtml` make one. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  // false/null/undefined render nothing, so `${condition && html`...`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value === true ? 'true' : value);
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0];
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1];
  });
  return new Html(markup);
}

export function joinHtml(parts: HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(parts.map(render).join(render(separator)));
}

/**
 * The text with the first occurrence of `sentence` wrapped in <mark>; undefined when the text
 * does not contain it (a protocol's footnote marks or line breaks can differ from the sentence
 * the extraction kept).
 */
export function highlight(text: string, sentence: string): Html | undefined {
  return highlightAll(text, [sentence]);
}

/** Like `highlight`, for several sentences in one text (a table cell holds a decision's points). */
export function highlightAll(text: string, sentences: string[]): Html | undefined {
  const ranges = sentences
    .map((s) => s.trim())
    .filter(Boolean)
    .map((needle) => ({ at: text.indexOf(needle), end: text.indexOf(needle) + needle.length }))
    .filter((r) => r.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (ranges.length === 0) return undefined;
  const parts: HtmlValue[] = [];
  let position = 0;
  for (const range of ranges) {
    if (range.at < position) continue;
    parts.push(
      text.slice(position, range.at),
      html`<mark>${text.slice(range.at, range.end)}</mark>`,
    );
    position = range.end;
  }
  parts.push(text.slice(position));
  return joinHtml(parts);
}
