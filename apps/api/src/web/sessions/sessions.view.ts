import type { AuthUser } from '@app/accounts';
import type { MandateView, MeetingView } from '@app/tracking';
import type { WebContext } from '../web-http';
import { germanDate, MEETING_STATE_LABELS } from '../views/format';
import { html } from '../views/html';
import { addMandateForm } from '../mandates/mandate-form.view';
import { layout } from '../views/layout';
import { mandateTable } from '../views/mandate-table.view';

export function sessionsPage(options: {
  context: WebContext;
  meetings: MeetingView[];
  next: MeetingView | undefined;
}): string {
  const { meetings, next } = options;
  const body = html`<h1>Sitzungen</h1>
    <p>
      Der Sitzungskalender des IT-Planungsrats. Fristen, die eine Sitzung nennen, richten sich nach
      ihrem
      Datum.${next ? html` Nächste Sitzung: <a href="/sessions/${next.number}">${next.number}. Sitzung</a>.` : ' Eine kommende Sitzung steht noch nicht im Kalender.'}
    </p>
    <div class="table-wrap">
      <table id="sessions">
        <caption>
          Sitzungskalender
        </caption>
        <thead>
          <tr>
            <th scope="col">Sitzung</th>
            <th scope="col">Datum</th>
            <th scope="col">Ort</th>
            <th scope="col">Stand</th>
            <th scope="col" class="number">Beschlüsse</th>
            <th scope="col" class="number">dort fällige Aufträge</th>
          </tr>
        </thead>
        <tbody>
          ${[...meetings].reverse().map(
            (m) => html`<tr${m === next ? html` class="current"` : ''}>
    <th scope="row"><a href="/sessions/${m.number}">${m.number}. Sitzung</a>${m === next ? html` <span class="hint">(nächste)</span>` : ''}</th>
    <td>${m.date ? germanDate(m.date) : 'offen'}${m.approximate ? html` <span class="hint">(ungefähr)</span>` : ''}</td>
    <td>${m.place ?? ''}</td>
    <td>${MEETING_STATE_LABELS[m.state] ?? m.state}</td>
    <td class="number">${m.resolutions}</td>
    <td class="number">${m.dueHere}</td>
  </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  return layout({ title: 'Sitzungen', context: options.context, current: 'sessions', body });
}

export function sessionPage(options: {
  context: WebContext;
  user: AuthUser;
  meeting: MeetingView;
  resolutions: Array<{ id: number; code: string; title: string | null; agendaItem: string | null }>;
  decided: MandateView[];
  due: MandateView[];
}): string {
  const { meeting: m, user } = options;
  const title = `${m.number}. Sitzung`;
  const body = html`<h1>${title}</h1>
    <dl class="facts">
      <dt>Datum</dt>
      <dd>${m.date ? germanDate(m.date) : 'noch offen'}${m.approximate ? ' (ungefähr)' : ''}</dd>
      ${
        m.place
          ? html`<dt>Ort</dt>
              <dd>${m.place}</dd>`
          : ''
      }
      <dt>Stand</dt>
      <dd>${MEETING_STATE_LABELS[m.state] ?? m.state}</dd>
    </dl>
    <p>
      <a href="/reports?session=${m.number}">Sitzungsvorbereitung als Bericht</a> ·
      <a href="/overview?dueMeeting=${m.number}">Fällige Aufträge in der Übersicht filtern</a>
    </p>

    <section aria-labelledby="resolutions-title">
      <h2 id="resolutions-title">Beschlüsse (${options.resolutions.length})</h2>
      ${
        options.resolutions.length
          ? html`<div class="table-wrap">
              <table>
                <caption>
                  Beschlüsse der ${title}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Beschluss</th>
                    <th scope="col">TOP</th>
                    <th scope="col">Titel</th>
                  </tr>
                </thead>
                <tbody>
                  ${options.resolutions.map(
                    (r) =>
                      html`<tr>
                        <th scope="row">
                          <a href="/decisions/${encodeURIComponent(r.code)}">${r.code}</a>
                        </th>
                        <td>${r.agendaItem ?? ''}</td>
                        <td>${r.title ?? ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>Für diese Sitzung sind keine Beschlüsse eingelesen.</p>`
      }
      ${
        user.role === 'secretariat'
          ? addMandateForm({
              context: options.context,
              decisions: options.resolutions.map((r) => ({
                code: r.code,
                title: r.title ?? null,
                points: [],
              })),
            })
          : ''
      }
    </section>

    <section aria-labelledby="decided-title">
      <h2 id="decided-title">Dort beschlossene Aufträge (${options.decided.length})</h2>
      ${options.decided.length ? mandateTable({ caption: `In der ${title} beschlossen`, items: options.decided, user, id: 'decided' }) : html`<p>Keine.</p>`}
    </section>

    <section aria-labelledby="due-title">
      <h2 id="due-title">Dort fällige Aufträge (${options.due.length})</h2>
      ${options.due.length ? mandateTable({ caption: `Zur ${title} fällig`, items: options.due, user, id: 'due' }) : html`<p>Keine.</p>`}
    </section>`;
  return layout({ title, context: options.context, current: 'sessions', body });
}
