import type { OneTimeLinkView } from '@app/accounts';
import type { WebContext } from '../web-http';
import { html } from '../views/html';
import { csrfField, layout } from '../views/layout';
import { accountEmailField, newPasswordFields } from '../views/password-fields';
import type { Page } from '../page';

function errorNotice(error: string | undefined) {
  return error
    ? html`<div class="notice notice-error" role="alert" id="form-error"><p>${error}</p></div>`
    : '';
}

/** "Passwort vergessen": one field; the answer is the same whether the address is known or not. */
export function forgottenPage(options: {
  context: WebContext;
  email?: string;
  sent?: string;
  error?: string;
}): Page {
  return layout({
    title: 'Passwort vergessen',
    context: options.context,
    status: options.sent,
    body: html`<h1>Passwort vergessen</h1>
      <p>
        Geben Sie die E-Mail-Adresse Ihres Kontos ein. Sie bekommen einen Link, über den Sie ein
        neues Passwort festlegen.
      </p>
      ${errorNotice(options.error)}
      <form method="post" action="/password/forgotten" class="stacked narrow">
        ${csrfField(options.context)}
        ${accountEmailField(options.email, options.error ? 'form-error' : undefined)}
        <button type="submit">Link anfordern</button>
      </form>
      <p><a href="/login">Zurück zur Anmeldung</a></p>`,
  });
}

/** The page a one-time link leads to: set a password, then be signed in. */
export function newPasswordPage(options: {
  context: WebContext;
  token: string;
  link: OneTimeLinkView;
  error?: string;
}): Page {
  const welcome = options.link.purpose === 'invitation';
  const title = welcome ? 'Willkommen' : 'Neues Passwort';
  return layout({
    title,
    context: options.context,
    body: html`<h1>${title}</h1>
      <p>
        ${
          welcome
            ? `Guten Tag ${options.link.name}, legen Sie ein Passwort für Ihr Konto ${options.link.email} fest. Danach sind Sie angemeldet.`
            : `Legen Sie ein neues Passwort für ${options.link.email} fest. Danach sind Sie angemeldet, und alle anderen Anmeldungen dieses Kontos enden.`
        }
      </p>
      ${errorNotice(options.error)}
      <form method="post" action="/password/new" class="stacked narrow">
        ${csrfField(options.context)}
        <input type="hidden" name="token" value="${options.token}" />
        <input
          type="text"
          name="username"
          value="${options.link.email}"
          autocomplete="username"
          hidden
        />
        ${newPasswordFields(options.error ? 'form-error' : undefined)}
        <button type="submit">Passwort festlegen und anmelden</button>
      </form>`,
  });
}

/** A link that no longer works: what to do instead. */
export function linkGonePage(context: WebContext): Page {
  return layout({
    title: 'Link ungültig',
    context,
    body: html`<h1>Dieser Link gilt nicht mehr</h1>
      <p>
        Er wurde schon benutzt, ist abgelaufen oder wurde durch einen neueren ersetzt. Fordern Sie
        unter <a href="/password/forgotten">Passwort vergessen</a> einen neuen an, oder bitten Sie
        die Geschäftsstelle um eine neue Einladung.
      </p>`,
  });
}
