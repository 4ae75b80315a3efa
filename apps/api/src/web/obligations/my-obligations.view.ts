import { describeDue, isClosed, OBLIGATION_STATUSES } from '@app/domain';
import { exportLinks } from '../exports/export-links';
import type { AuthUser } from '@app/accounts';
import { viewCalendar, type MandateView } from '@app/tracking';
import type { WebContext } from '../web-http';
import { germanDate, plural, statusLabel } from '../views/format';
import { html, type Html } from '../views/html';
import { layout } from '../views/layout';
import { obligationLabel } from './change-notice';
import type { MyFilters } from './my-filters';
import { statusBadge, statusForm } from './status-form.view';
import type { Page } from '../page';

export interface MyObligation {
  mandate: MandateView;
  obligationId: number;
  owner: string;
  status: string;
  overdueSince: string | null;
  label: string;
}

/** The member's own share of each mandate, overdue first, then by deadline; closed ones last. */
export function myObligations(items: MandateView[], member: string): MyObligation[] {
  const rows = items.flatMap((mandate) =>
    mandate.owners
      .filter((o) => o.owner === member)
      .map((o) => ({
        mandate,
        obligationId: o.obligationId,
        owner: o.owner,
        status: o.status,
        overdueSince: o.overdueSince,
        label: obligationLabel(o.owner, mandate.resolution, mandate.point),
      })),
  );
  const rank = (row: MyObligation) =>
    isClosed(row.status) ? 2 : row.overdueSince !== null ? 0 : 1;
  return rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.overdueSince ?? '').localeCompare(b.overdueSince ?? '') ||
      (a.mandate.due.on ?? '9999').localeCompare(b.mandate.due.on ?? '9999') ||
      a.mandate.resolution.localeCompare(b.mandate.resolution, 'de', { numeric: true }) ||
      a.mandate.point - b.mandate.point,
  );
}

function card(row: MyObligation, user: AuthUser, context: WebContext, returnTo: string): Html {
  const m = row.mandate;
  const others = m.owners.filter((o) => o.owner !== row.owner).map((o) => o.owner);
  const headingId = `o-${row.obligationId}-title`;
  return html`<li
    class="card${row.overdueSince ? ' is-overdue' : ''}"
    data-obligation="${row.obligationId}"
  >
    <h3 id="${headingId}">
      <a href="/mandates/${m.id}">Beschluss ${m.resolution}, Ziffer ${m.point}</a>
    </h3>
    <p>${m.action}</p>
    <dl class="facts">
      <dt>Zuständig</dt>
      <dd data-owner>${row.owner}</dd>
      <dt>Status</dt>
      <dd>
        ${statusBadge(row.status)}${row.overdueSince ? html` <span class="overdue">überfällig seit ${germanDate(row.overdueSince)}</span>` : ''}
      </dd>
      <dt>Frist</dt>
      <dd>${describeDue(m.due, viewCalendar(m.due))}</dd>
      ${
        others.length
          ? html`<dt>Gemeinsam mit</dt>
              <dd>${others.join(', ')}</dd>`
          : ''
      }
    </dl>
    ${statusForm({ obligation: row, label: row.label, user, context, returnTo, inline: true })}
  </li>`;
}

function filterForm(filters: MyFilters, sessions: number[]): Html {
  const selected = (on: boolean) => (on ? html` selected` : '');
  return html`<form method="get" action="/me" class="filters" aria-label="Meine Aufträge filtern">
    ${filters.council ? html`<input type="hidden" name="council" value="${filters.council}" />` : ''}
    <div class="field">
      <label for="me-status">Status</label>
      <select id="me-status" name="status">
        <option value="">alle</option>
        ${OBLIGATION_STATUSES.map(
          (s) =>
            html`<option value="${s}" ${selected(filters.status === s)}>${statusLabel(s)}</option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="me-due">Frist</label>
      <select id="me-due" name="due">
        <option value="">alle</option>
        <option value="overdue" ${selected(filters.due === 'overdue')}>überfällig</option>
        ${sessions.map(
          (n) =>
            html`<option value="${String(n)}" ${selected(filters.due === n)}>
              zur ${String(n)}. Sitzung
            </option>`,
        )}
      </select>
    </div>
    <div class="actions"><button type="submit">Anzeigen</button></div>
  </form>`;
}

export function myObligationsPage(options: {
  context: WebContext;
  user: AuthUser;
  rows: MyObligation[];
  /** How many there are without the filters. */
  total: number;
  filters: MyFilters;
  sessions: number[];
  filterError?: string;
  status?: string;
  returnTo: string;
}): Page {
  const { context, user, rows, filters } = options;
  const filtered = filters.status !== undefined || filters.due !== undefined;
  const member = user.memberCode;
  const active = rows.filter((r) => !isClosed(r.status));
  const closed = rows.filter((r) => isClosed(r.status));
  const overdue = active.filter((r) => r.overdueSince !== null).length;
  const body = member
    ? html`<h1>Meine Aufträge <span class="hint">(${member})</span></h1>
        <p>
          ${plural(active.length, 'offene Pflicht', 'offene Pflichten')}${overdue ? html`, davon <strong class="overdue">${overdue} überfällig</strong>` : ''}.
          Überfällige stehen oben.
        </p>
        ${filterForm(filters, options.sessions)}
        ${options.filterError ? html`<div class="notice notice-error" role="alert"><p>${options.filterError}</p></div>` : ''}
        ${filtered ? html`<p>${rows.length} von ${options.total} Pflichten für diese Filter. <a href="/me">Alle zeigen</a></p>` : ''}
        ${exportLinks({ owner: member, status: filters.status })}
        <p>
          Die Fristen im eigenen Kalender: unter
          <a href="/settings#calendar-title">Einstellungen</a> eine Kalender-Adresse anlegen.
        </p>
        <section aria-labelledby="active-title">
          <h2 id="active-title">Offen (${active.length})</h2>
          ${
            active.length
              ? html`<ol class="cards">
                  ${active.map((r) => card(r, user, context, options.returnTo))}
                </ol>`
              : html`<p>Keine offenen Aufträge.</p>`
          }
        </section>
        <section aria-labelledby="closed-title">
          <h2 id="closed-title">Abgeschlossen (${closed.length})</h2>
          ${
            closed.length
              ? html`<ol class="cards">
                  ${closed.map((r) => card(r, user, context, options.returnTo))}
                </ol>`
              : html`<p>Noch keine abgeschlossenen Aufträge.</p>`
          }
        </section>`
    : html`<h1>Meine Aufträge</h1>
        <p>
          Ihr Konto ist keinem Mitglied zugeordnet; es gibt daher keine eigenen Aufträge. Alle
          Aufträge stehen in der <a href="/overview">Übersicht</a>.
        </p>`;
  return layout({ title: 'Meine Aufträge', context, current: 'me', status: options.status, body });
}
