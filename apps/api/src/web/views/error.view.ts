import type { WebContext } from '../web-http';
import { html } from './html';
import { layout } from './layout';
import type { Page } from '../page';

const TITLES: Record<number, string> = {
  403: 'Kein Zugriff',
  404: 'Nicht gefunden',
  413: 'Datei zu groß',
};

export function errorPage(options: {
  status: number;
  message: string;
  detail?: string;
  context?: WebContext;
}): Page {
  const title = TITLES[options.status] ?? 'Das hat nicht geklappt';
  const home = options.context?.user ? '/' : '/login';
  return layout({
    title,
    context: options.context,
    body: html`<h1>${title}</h1>
      <div class="notice notice-error" role="alert">
        <p>${options.message}</p>
        ${options.detail ? html`<p class="detail">${options.detail}</p>` : ''}
      </div>
      <p><a href="${home}">Zur Startseite</a></p>`,
  });
}
