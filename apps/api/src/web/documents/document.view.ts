import type { WebContext } from '../web-http';
import { html } from '../views/html';
import { layout } from '../views/layout';
import type { Page } from '../page';

/** A source text line by line; each line has an anchor (#L93) for links from mandates. */
export function documentPage(options: {
  context: WebContext;
  fileName: string;
  text: string;
  line?: number;
}): Page {
  const lines = options.text.split(/\r?\n/);
  const body = html`<h1>Protokoll: ${options.fileName}</h1>
    <p>
      ${lines.length} Zeilen, so wie der Text eingelesen
      wurde.${options.line ? html` <a href="#L${options.line}">Zu Zeile ${options.line} springen</a>` : ''}
    </p>
    <ol class="source-lines" aria-label="Text von ${options.fileName}">
      ${lines.map(
        (text, i) =>
          html`<li id="L${i + 1}" ${i + 1 === options.line ? html` class="hit"` : ''}>
            <span class="line-number" aria-hidden="true">${i + 1}</span><span>${text || ' '}</span>
          </li>`,
      )}
    </ol>`;
  return layout({ title: options.fileName, context: options.context, body, wide: true });
}
