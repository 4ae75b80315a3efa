import { accountStateLabel, type UserView } from '@app/accounts';
import { ROLES, type Role } from '@app/persistence';
import type { MemberView } from '@app/tracking';
import type { WebContext } from '../web-http';
import { germanDateTime, ROLE_LABELS } from '../views/format';
import { dataTable } from '../views/data-table';
import { html, type HtmlValue } from '../views/html';
import { csrfField, layout } from '../views/layout';
import { inputField, selectField } from '../views/form-fields';
import type { Page } from '../page';

/** What the invitation form was filled with, to show again when it is refused. */
export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  member: string;
}

function errorNotice(id: string, error: string | undefined): HtmlValue {
  return error
    ? html`<div class="notice notice-error" role="alert" id="${id}"><p>${error}</p></div>`
    : '';
}

function roleField(id: string, role: Role): HtmlValue {
  return selectField({
    id,
    name: 'role',
    label: 'Rolle',
    choices: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    current: role,
  });
}

function memberField(id: string, members: MemberView[], member: string | null): HtmlValue {
  return selectField({
    id,
    name: 'member',
    label: 'Mitglied (nur für Delegationen)',
    choices: [
      { value: '', label: 'keines' },
      ...members.map((m) => ({ value: m.code, label: `${m.code} – ${m.name}` })),
    ],
    current: member,
  });
}

export function usersPage(options: {
  context: WebContext;
  users: UserView[];
  members: MemberView[];
  input?: InviteInput;
  error?: string;
  status?: string;
}): Page {
  const input = options.input ?? { email: '', name: '', role: 'delegate', member: '' };
  const row = (u: UserView) =>
    html`<tr>
      <th scope="row"><a href="/users/${String(u.id)}">${u.name}</a></th>
      <td>${u.email}</td>
      <td>${ROLE_LABELS[u.role]}${u.member ? ` ${u.member}` : ''}</td>
      <td>${accountStateLabel(u)}</td>
      <td>${u.lastLoginAt ? germanDateTime(u.lastLoginAt) : '–'}</td>
    </tr>`;
  const body = html`<h1>Konten</h1>
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">Jemanden einladen</h2>
      <p>
        Die eingeladene Person bekommt eine E-Mail mit einem Link. Über ihn legt sie ihr Passwort
        fest und ist angemeldet. Der Link gilt sieben Tage und nur einmal.
      </p>
      ${errorNotice('invite-error', options.error)}
      <form method="post" action="/users" class="stacked narrow">
        ${csrfField(options.context)}
        ${inputField({
          id: 'invite-email',
          name: 'email',
          label: 'E-Mail-Adresse',
          type: 'email',
          value: input.email,
          attributes: html`required`,
        })}
        ${inputField({
          id: 'invite-name',
          name: 'name',
          label: 'Name',
          value: input.name,
          attributes: html`required maxlength="200"`,
        })}
        ${roleField('invite-role', input.role)}
        ${memberField('invite-member', options.members, input.member)}
        <button type="submit">Einladen</button>
      </form>
    </section>
    <section aria-labelledby="users-title">
      <h2 id="users-title">Alle Konten</h2>
      ${dataTable({
        caption: `${options.users.length} Konten`,
        columns: ['Name', 'E-Mail-Adresse', 'Rolle', 'Stand', 'Letzte Anmeldung'],
        items: options.users,
        row,
      })}
    </section>`;
  return layout({
    title: 'Konten',
    context: options.context,
    current: 'users',
    status: options.status,
    body,
  });
}

export function userPage(options: {
  context: WebContext;
  user: UserView;
  members: MemberView[];
  error?: string;
  status?: string;
}): Page {
  const u = options.user;
  const body = html`<h1>${u.name}</h1>
    <p><a href="/users">Alle Konten</a></p>
    <dl class="facts">
      <dt>E-Mail-Adresse</dt>
      <dd>${u.email}</dd>
      <dt>Stand</dt>
      <dd>${accountStateLabel(u)}</dd>
      <dt>Angelegt</dt>
      <dd>${germanDateTime(u.createdAt)}</dd>
    </dl>
    ${errorNotice('user-error', options.error)}
    <form method="post" action="/users/${String(u.id)}" class="stacked narrow">
      ${csrfField(options.context)} ${roleField('user-role', u.role)}
      ${memberField('user-member', options.members, u.member)}
      <div class="check">
        <input
          type="checkbox"
          id="user-active"
          name="active"
          value="1"
          ${u.active ? html` checked` : ''}
        />
        <label for="user-active"
          >Konto aktiv (ohne Haken gesperrt: keine Anmeldung, Tokens widerrufen)</label
        >
      </div>
      <button type="submit">Speichern</button>
    </form>
    ${
      u.active && !u.lastLoginAt
        ? html`<form method="post" action="/users/${String(u.id)}/invitation">
            ${csrfField(options.context)}
            <p>Noch nicht angemeldet. Frühere Einladungslinks gelten danach nicht mehr.</p>
            <button type="submit" class="secondary">Einladung erneut senden</button>
          </form>`
        : ''
    }
    <p>
      <a href="/audit?entity=user&amp;entityId=${String(u.id)}"
        >Verlauf dieses Kontos im Protokoll</a
      >
    </p>`;
  return layout({
    title: u.name,
    context: options.context,
    current: 'users',
    status: options.status,
    body,
  });
}
