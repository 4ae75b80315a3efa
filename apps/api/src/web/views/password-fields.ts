import { html, type Html } from './html';

/**
 * The two fields of a new password (at least 12 characters, typed twice), as Einstellungen and
 * the page of a one-time link ask for it; `describedBy` names the form's error notice.
 */
export function newPasswordFields(describedBy?: string): Html {
  return html`<div class="field">
      <label for="new-password">Neues Passwort (mindestens 12 Zeichen)</label>
      <input
        type="password"
        id="new-password"
        name="newPassword"
        autocomplete="new-password"
        minlength="12"
        required
        ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
      />
    </div>
    <div class="field">
      <label for="repeat-password">Neues Passwort wiederholen</label>
      <input
        type="password"
        id="repeat-password"
        name="repeatPassword"
        autocomplete="new-password"
        minlength="12"
        required
      />
    </div>`;
}

/** The e-mail address of an account, as the sign-in and "Passwort vergessen" forms ask for it. */
export function accountEmailField(value: string | undefined, describedBy?: string): Html {
  return html`<div class="field">
    <label for="email">E-Mail-Adresse</label>
    <input
      id="email"
      name="email"
      type="email"
      autocomplete="username"
      required
      value="${value ?? ''}"
      ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
    />
  </div>`;
}
