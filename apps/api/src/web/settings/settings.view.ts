import type { TokenView, UserView } from '@app/accounts';
import type { MemberView } from '@app/tracking';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '@app/persistence';
import type { WebContext } from '../web-http';
import { germanDateTime, ROLE_LABELS } from '../views/format';
import { html, type HtmlValue } from '../views/html';
import { csrfField, layout } from '../views/layout';
import { newPasswordFields } from '../views/password-fields';
import type { Page } from '../page';

export const DIGEST_LABELS: Record<DigestFrequency, string> = {
  weekly: 'wöchentlich (montags)',
  daily: 'täglich (werktags)',
  off: 'keine Zusammenfassung',
};

export function settingsPage(options: {
  context: WebContext;
  account: UserView;
  status?: string;
  /** Why the password form was refused, shown at the form. */
  passwordError?: string;
  calendar: CalendarSection;
}): Page {
  const a = options.account;
  const body = html`<h1>Einstellungen</h1>
    <section aria-labelledby="account-title">
      <h2 id="account-title">Ihr Konto</h2>
      <dl class="facts">
        <dt>Name</dt>
        <dd>${a.name}</dd>
        <dt>E-Mail-Adresse</dt>
        <dd>${a.email}</dd>
        <dt>Rolle</dt>
        <dd>${ROLE_LABELS[a.role]}${a.member ? ` für ${a.member}` : ''}</dd>
        ${
          a.lastLoginAt
            ? html`<dt>Letzte Anmeldung</dt>
                <dd>${germanDateTime(a.lastLoginAt)}</dd>`
            : ''
        }
      </dl>
    </section>
    <section aria-labelledby="digest-title">
      <h2 id="digest-title">E-Mail-Zusammenfassung</h2>
      <p>Die Zusammenfassung nennt, was überfällig ist und was zur nächsten Sitzung fällig wird.</p>
      <form method="post" action="/settings">
        ${csrfField(options.context)}
        <fieldset>
          <legend>Wie oft möchten Sie die Zusammenfassung bekommen?</legend>
          ${DIGEST_FREQUENCIES.map(
            (f) =>
              html`<div class="radio">
                <input
                  type="radio"
                  id="digest-${f}"
                  name="digestFrequency"
                  value="${f}"
                  ${a.digestFrequency === f ? html` checked` : ''}
                /><label for="digest-${f}">${DIGEST_LABELS[f]}</label>
              </div>`,
          )}
        </fieldset>
        <button type="submit">Speichern</button>
      </form>
    </section>
    ${calendarSection(options.context, options.calendar)}
    <section aria-labelledby="password-title">
      <h2 id="password-title">Passwort ändern</h2>
      <p>
        Danach sind Sie überall sonst abgemeldet: in anderen Browsern, mit Zugangstokens und mit
        persönlichen Tokens (Skripte, Kalender-Abos) dieses Kontos. Hier bleiben Sie angemeldet.
      </p>
      ${
        options.passwordError
          ? html`<div class="notice notice-error" role="alert" id="password-error">
              <p>${options.passwordError}</p>
            </div>`
          : ''
      }
      <form method="post" action="/settings/password" class="stacked narrow">
        ${csrfField(options.context)}
        <div class="field">
          <label for="current-password">Jetziges Passwort</label>
          <input
            type="password"
            id="current-password"
            name="currentPassword"
            autocomplete="current-password"
            required
            ${options.passwordError ? html` aria-describedby="password-error"` : ''}
          />
        </div>
        ${newPasswordFields()}
        <button type="submit">Passwort ändern</button>
      </form>
    </section>`;
  return layout({
    title: 'Einstellungen',
    context: options.context,
    current: 'settings',
    status: options.status,
    body,
  });
}

/** The calendar feed: its tokens, and the address of a new one (shown once). */
export interface CalendarSection {
  tokens: TokenView[];
  /** A delegate's member; others choose whose deadlines the address shows. */
  member: string | null;
  members: MemberView[];
  /** The address just made, with its token: shown this once, never stored in clear. */
  newFeedUrl?: string;
  /** The time the page is for: expired addresses are not listed. */
  now: Date;
}

function calendarSection(context: WebContext, calendar: CalendarSection): HtmlValue {
  const open = calendar.tokens.filter(
    (t) =>
      t.kind === 'calendar' &&
      !t.revokedAt &&
      (!t.expiresAt || t.expiresAt > calendar.now.toISOString()),
  );
  return html`<section aria-labelledby="calendar-title">
    <h2 id="calendar-title">Fristen im eigenen Kalender</h2>
    <p>
      Eine Kalender-Adresse zeigt die Fristen
      ${calendar.member ? `von ${calendar.member}` : 'eines Mitglieds'} als Termine, zum Abonnieren
      in Outlook, Thunderbird oder auf dem Telefon. Sie enthält ein Token, das nur lesen kann; wer
      die Adresse hat, sieht diese Fristen. Ein Jahr gültig.
    </p>
    ${
      calendar.newFeedUrl
        ? html`<div class="notice" id="new-feed">
            <p>Ihre neue Kalender-Adresse (nur jetzt sichtbar, bitte gleich kopieren):</p>
            <p><a class="feed-url" href="${calendar.newFeedUrl}">${calendar.newFeedUrl}</a></p>
          </div>`
        : ''
    }
    ${
      open.length
        ? html`<ul class="plain">
            ${open.map(
              (t) =>
                html`<li>
                  ${t.name} (${t.prefix}…, angelegt ${germanDateTime(t.createdAt)})
                  <form
                    method="post"
                    action="/settings/calendar/${String(t.id)}/revoke"
                    class="inline-form"
                  >
                    ${csrfField(context)}
                    <button type="submit" class="button-link">Widerrufen</button>
                  </form>
                </li>`,
            )}
          </ul>`
        : html`<p>Sie haben noch keine Kalender-Adresse.</p>`
    }
    <form method="post" action="/settings/calendar" class="stacked narrow">
      ${csrfField(context)}
      ${
        calendar.member
          ? ''
          : html`<label for="feed-member">Fristen von</label>
              <select id="feed-member" name="member">
                ${calendar.members.map((m) => html`<option value="${m.code}">${m.code} – ${m.name}</option>`)}
              </select>`
      }
      <button type="submit">Neue Kalender-Adresse anlegen</button>
    </form>
  </section>`;
}
