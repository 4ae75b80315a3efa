import type { ObligationStatus } from '@app/domain';
import type { AuthUser } from '@app/accounts';
import { allowedTransitions } from '@app/tracking';
import type { WebContext } from '../web-http';
import { statusLabel } from '../views/format';
import { html, type Html } from '../views/html';
import { csrfField } from '../views/layout';

/** Whether the user may change this owner's obligation at all (the service decides the rest). */
export function mayChange(user: AuthUser, owner: string): boolean {
  if (user.role === 'secretariat') return true;
  return user.role === 'delegate' && user.memberCode === owner;
}

export function statusBadge(status: string): Html {
  return html`<span class="status status-${status}" data-status="${status}"
    >${statusLabel(status)}</span
  >`;
}

/**
 * The form to change an obligation's status with a note and a link. It posts like any form; the
 * pages' script sends it in the background instead and updates the card (data-inline).
 */
export function statusForm(options: {
  obligation: { obligationId: number; owner: string; status: string };
  label: string;
  user: AuthUser;
  context: WebContext;
  returnTo: string;
  /** Sent by the script in the background (lists); otherwise posted, for a page that shows the new history. */
  inline?: boolean;
}): Html {
  const { obligation, user } = options;
  if (!mayChange(user, obligation.owner)) return html``;
  const id = obligation.obligationId;
  const allowed = allowedTransitions(obligation.status as ObligationStatus, user.role);
  return html`<details class="change">
    <summary>
      Status ändern oder Notiz hinzufügen<span class="visually-hidden">: ${options.label}</span>
    </summary>
    <form method="post" action="/obligations/${id}" ${options.inline ? html` data-inline` : ''}>
      ${csrfField(options.context)}
      <input type="hidden" name="return" value="${options.returnTo}" />
      <div class="field">
        <label for="status-${id}">Neuer Status</label>
        <select id="status-${id}" name="status">
          <option value="">Status beibehalten (nur Notiz)</option>
          ${allowed.map((status) => html`<option value="${status}">${statusLabel(status)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="note-${id}"
          >Notiz <span class="field-hint">(was wurde getan, was fehlt noch)</span></label
        >
        <textarea id="note-${id}" name="note" maxlength="4000" rows="3"></textarea>
      </div>
      <div class="field">
        <label for="link-${id}"
          >Nachweis als Link <span class="field-hint">(optional, https://…)</span></label
        >
        <input id="link-${id}" name="link" type="url" maxlength="1000" inputmode="url" />
      </div>
      <p class="form-error" role="alert"></p>
      <div><button type="submit">Speichern</button></div>
    </form>
  </details>`;
}
