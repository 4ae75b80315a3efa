import type { WebContext } from '../web-http';
import { html } from '../views/html';
import { csrfField, layout } from '../views/layout';
import { accountEmailField } from '../views/password-fields';
import type { Page } from '../page';

export function signInPage(options: {
  context: WebContext;
  next: string;
  email?: string;
  error?: string;
  status?: string;
}): Page {
  return layout({
    title: 'Anmelden',
    context: options.context,
    status: options.status,
    body: html`<h1>Anmelden</h1>
      <p>
        Für die Geschäftsstelle (FITKO) und die Delegationen der Mitglieder des IT-Planungsrats.
      </p>
      ${options.error ? html`<div class="notice notice-error" role="alert" id="login-error"><p>${options.error}</p></div>` : ''}
      <form method="post" action="/login" class="stacked narrow">
        ${csrfField(options.context)}
        <input type="hidden" name="next" value="${options.next}" />
        ${accountEmailField(options.email, options.error ? 'login-error' : undefined)}
        <div class="field">
          <label for="password">Passwort</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </div>
        <button type="submit">Anmelden</button>
      </form>
      <p><a href="/password/forgotten">Passwort vergessen?</a></p>
      <p class="hint">Noch kein Zugang? Die Geschäftsstelle lädt Sie per E-Mail ein.</p>`,
  });
}

export function signOutPage(context: WebContext): Page {
  const user = context.user;
  return layout({
    title: 'Abmelden',
    context,
    body: user
      ? html`<h1>Abmelden</h1>
          <p>Sie sind als ${user.name} angemeldet.</p>
          <form method="post" action="/logout">
            ${csrfField(context)}
            <button type="submit">Jetzt abmelden</button>
          </form>`
      : html`<h1>Abgemeldet</h1>
          <p>Sie sind nicht angemeldet. <a href="/login">Anmelden</a></p>`,
  });
}
