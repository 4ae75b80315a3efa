import type { AuthUser } from '@app/accounts';
import { OWED_STATUSES } from '@app/domain';
import type { WebContext } from '../web-http';
import { ROLE_LABELS } from './format';
import { html, type Html, type HtmlValue } from './html';
import { Page } from '../page';

export const APP_NAME = 'Auftragsverfolgung IT-Planungsrat';

export type NavKey =
  | 'overview'
  | 'me'
  | 'sessions'
  | 'import'
  | 'links'
  | 'reports'
  | 'jobs'
  | 'users'
  | 'audit'
  | 'settings';

interface NavItem {
  key: NavKey;
  href: string;
  label: string;
  shown: (user: AuthUser) => boolean;
}

const NAV: NavItem[] = [
  { key: 'overview', href: '/overview', label: 'Übersicht', shown: () => true },
  {
    key: 'me',
    href: '/me',
    label: 'Meine Aufträge',
    shown: (user) => user.memberCode !== null,
  },
  { key: 'sessions', href: '/sessions', label: 'Sitzungen', shown: () => true },
  {
    key: 'import',
    href: '/import',
    label: 'Import',
    shown: (user) => user.role === 'secretariat',
  },
  {
    key: 'links',
    href: '/links',
    label: 'Rückmeldungen',
    shown: (user) => user.role === 'secretariat' || user.role === 'observer',
  },
  { key: 'reports', href: '/reports', label: 'Berichte', shown: () => true },
  { key: 'jobs', href: '/jobs', label: 'Abläufe', shown: (user) => user.role === 'secretariat' },
  { key: 'users', href: '/users', label: 'Konten', shown: (user) => user.role === 'secretariat' },
  {
    key: 'audit',
    href: '/audit',
    label: 'Protokoll',
    shown: (user) => user.role === 'secretariat',
  },
  { key: 'settings', href: '/settings', label: 'Einstellungen', shown: () => true },
];

export interface PageOptions {
  title: string;
  context?: WebContext;
  current?: NavKey;
  /** A message for the status region (announced to screen readers), e.g. after a saved form. */
  status?: string;
  body: HtmlValue;
  /** Wider main column, for side-by-side views. */
  wide?: boolean;
}

/** The hidden field every POST form carries. */
export function csrfField(context: WebContext | undefined): Html {
  return html`<input type="hidden" name="_csrf" value="${context?.csrf ?? ''}" />`;
}

function account(context: WebContext, user: AuthUser): Html {
  const role = ROLE_LABELS[user.role] + (user.memberCode ? ` ${user.memberCode}` : '');
  return html`<div class="account">
    <span>Angemeldet als <strong>${user.name}</strong> (${role})</span>
    <form method="post" action="/logout" class="inline-form">
      ${csrfField(context)}
      <button type="submit" class="button-link">Abmelden</button>
    </form>
  </div>`;
}

function navigation(user: AuthUser, current: NavKey | undefined): Html {
  const items = NAV.filter((item) => item.shown(user)).map(
    (item) =>
      html`<li>
        <a href="${item.href}" ${item.key === current ? html` aria-current="page"` : ''}
          >${item.label}</a
        >
      </li>`,
  );
  return html`<nav aria-label="Hauptnavigation" class="site-nav">
    <ul>
      ${items}
    </ul>
  </nav>`;
}

/** A whole page: skip link, header, navigation, main with a status region, footer. */
export function layout(options: PageOptions): Page {
  const user = options.context?.user;
  return new Page(
    `<!DOCTYPE html>\n${
      html`<html lang="de">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${options.title} – ${APP_NAME}</title>
          <link rel="icon" href="data:," />
          <link rel="stylesheet" href="/assets/app.css" />
          <script src="/assets/app.js" defer></script>
        </head>
        <body data-owed-statuses="${JSON.stringify(OWED_STATUSES)}">
          <a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
          <header class="site-header">
            <div class="brand"><a href="/">${APP_NAME}</a></div>
            ${options.context && user ? account(options.context, user) : ''}
          </header>
          ${user ? navigation(user, options.current) : ''}
          <main id="inhalt" tabindex="-1" class="${options.wide ? 'wide' : ''}">
            <div id="status" role="status" aria-live="polite" class="status-region">
              ${options.status ? html`<p>${options.status}</p>` : ''}
            </div>
            ${options.body}
          </main>
          <footer class="site-footer">
            <p>
              ${APP_NAME} · Aufträge aus den Beschlüssen des IT-Planungsrats ·
              <a href="/api/docs">Schnittstelle (API)</a>
            </p>
          </footer>
        </body>
      </html>`.markup
    }\n`,
  );
}
