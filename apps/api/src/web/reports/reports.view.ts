import { describeSession } from '@app/domain';
import type { AuthUser } from '@app/accounts';
import type { ReportFormat } from '@app/jobs';
import type { MemberView, SessionView } from '@app/tracking';
import type { WebContext } from '../web-http';
import { memberLabel } from '../views/format';
import { html, type Html } from '../views/html';
import { layout } from '../views/layout';
import type { Page } from '../page';

/** The formats `ReportsService` renders, in the order offered (the first is preselected). */
export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  html: 'Webseite (HTML, zum Ansehen und Drucken)',
  md: 'Markdown',
  csv: 'CSV für Tabellenkalkulation',
};

function formatField(id: string): Html {
  return html`<fieldset>
    <legend>Format</legend>
    ${Object.entries(REPORT_FORMAT_LABELS).map(
      ([value, label], i) =>
        html`<div class="radio">
          <input
            type="radio"
            id="${id}-${value}"
            name="format"
            value="${value}"
            ${i === 0 ? html` checked` : ''}
          /><label for="${id}-${value}">${label}</label>
        </div>`,
    )}
  </fieldset>`;
}

export function reportsPage(options: {
  context: WebContext;
  user: AuthUser;
  members: MemberView[];
  meetings: SessionView[];
  session: number | undefined;
  /** The council the page is filtered by (its short name), kept in both forms. */
  council?: string;
}): Page {
  const { user, members, meetings } = options;
  const own = user.role === 'delegate';
  const body = html`<h1>Berichte</h1>
    <div class="grid-2">
      <section aria-labelledby="member-report-title">
        <h2 id="member-report-title">Statusbericht eines Mitglieds</h2>
        <p>
          Überfällige, zur nächsten Sitzung fällige und offene Aufträge sowie die seit der letzten
          Sitzung erledigten.
        </p>
        <form method="get" action="/reports/member">
          ${
            options.council
              ? html`<input type="hidden" name="council" value="${options.council}" />`
              : ''
          }
          <div class="field">
            <label for="report-member">Mitglied</label>
            <select id="report-member" name="member">
              ${members
                .filter((m) => !own || m.code === user.memberCode)
                .map(
                  (m) =>
                    html`<option
                      value="${m.code}"
                      ${m.code === user.memberCode ? html` selected` : ''}
                    >
                      ${memberLabel(m)}
                    </option>`,
                )}
            </select>
          </div>
          ${formatField('member-format')}
          <button type="submit">Bericht herunterladen</button>
        </form>
      </section>
      <section aria-labelledby="session-report-title">
        <h2 id="session-report-title">Sitzungsvorbereitung</h2>
        <p>
          Alles, was zu einer Sitzung fällig ist, je Zuständigem und
          Status${own ? ' (für Ihr Mitglied)' : ''}.
        </p>
        <form method="get" action="/reports/session">
          ${
            options.council
              ? html`<input type="hidden" name="council" value="${options.council}" />`
              : ''
          }
          <div class="field">
            <label for="report-session">Sitzung</label>
            <select id="report-session" name="session">
              ${[...meetings]
                .reverse()
                .map(
                  (m) =>
                    html`<option
                      value="${m.number}"
                      ${m.number === options.session ? html` selected` : ''}
                    >
                      ${describeSession(m)}
                    </option>`,
                )}
            </select>
          </div>
          ${formatField('session-format')}
          <button type="submit">Bericht herunterladen</button>
        </form>
      </section>
    </div>
    <p>
      Die regelmäßige Zusammenfassung per E-Mail stellen Sie unter
      <a href="/settings">Einstellungen</a> ein.
    </p>`;
  return layout({ title: 'Berichte', context: options.context, current: 'reports', body });
}
