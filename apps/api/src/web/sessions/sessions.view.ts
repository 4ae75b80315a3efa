import type { AuthUser } from '@app/accounts';
import { describeMeetingState } from '@app/follow-up';
import type { CouncilView, MandateView, MeetingView, SessionView } from '@app/tracking';
import type { WebContext } from '../web-http';
import { dataTable } from '../views/data-table';
import { germanDate } from '../views/format';
import { html } from '../views/html';
import { addMandateForm } from '../mandates/mandate-form.view';
import { layout } from '../views/layout';
import { mandateTable } from '../views/mandate-table.view';
import { MEETING_COLUMNS, meetingCells } from './meeting-cells';
import { meetingHref } from './next-session';
import type { Page } from '../page';

export function sessionsPage(options: {
  context: WebContext;
  /** Every council kept; the calendar shown is `council`'s. */
  councils: CouncilView[];
  council: CouncilView | undefined;
  meetings: MeetingView[];
  next: SessionView | undefined;
  today: string;
}): Page {
  const { meetings, next, today, councils, council } = options;
  // Another council's sessions have no address by number (that is the first council's).
  const first = !council || council.id === councils[0]?.id;
  const href = (m: MeetingView) => (first ? meetingHref(m) : `/sessions/s/${m.id}`);
  const edit = options.context.user?.role === 'secretariat' && first;
  const body = html`<h1>Sitzungen${councils.length > 1 && council ? `: ${council.name}` : ''}</h1>
    ${
      councils.length > 1
        ? html`<nav aria-label="Gremium" class="actions">
            ${councils.map(
              (c) =>
                html`<a
                  href="/sessions?council=${c.code}"
                  ${c.id === council?.id ? html` aria-current="page"` : ''}
                  >${c.name}</a
                >`,
            )}
          </nav>`
        : ''
    }
    <p>
      Der Sitzungskalender${council ? ` (${council.name})` : ''}. Fristen, die eine Sitzung nennen,
      richten sich nach ihrem Datum. Sondersitzungen, Umlaufverfahren und Sitzungen der AL-Runde
      stehen mit ihrem Datum
      dazwischen.${next ? html` Nächste Sitzung: <a href="${meetingHref(next)}">${next.name}</a>.` : ' Eine kommende Sitzung steht noch nicht im Kalender.'}
    </p>
    ${edit ? html`<p><a href="/sessions/calendar">Sitzungskalender bearbeiten</a> (Sitzung hinzufügen, verschieben, absagen; Sondersitzung hinzufügen)</p>` : ''}
    ${dataTable({
      id: 'sessions',
      caption: 'Sitzungskalender',
      columns: [
        'Sitzung',
        ...MEETING_COLUMNS,
        { label: 'Beschlüsse', number: true },
        { label: 'dort fällige Aufträge', number: true },
      ],
      items: [...meetings].reverse(),
      row: (m) => html`<tr${m === next ? html` class="current"` : ''}>
        <th scope="row"><a href="${href(m)}">${m.name}</a>${m === next ? html` <span class="hint">(nächste)</span>` : ''}</th>
        ${meetingCells(m, today, { approximate: true })}
        <td class="number">${m.resolutions}</td>
        <td class="number">${m.dueHere}</td>
      </tr>`,
    })}`;
  return layout({ title: 'Sitzungen', context: options.context, current: 'sessions', body });
}

export function sessionPage(options: {
  context: WebContext;
  user: AuthUser;
  meeting: MeetingView;
  today: string;
  resolutions: Array<{ id: number; code: string; title: string | null; agendaItem: string | null }>;
  decided: MandateView[];
  due: MandateView[];
}): Page {
  const { meeting: m, user } = options;
  const title = m.name;
  const session = m.kind === 'session' && m.number !== null ? m.number : undefined;
  const body = html`<h1>${title}</h1>
    <dl class="facts">
      <dt>Datum</dt>
      <dd>${m.date ? germanDate(m.date) : 'Termin offen'}${m.approximate ? ' (ungefähr)' : ''}</dd>
      ${
        m.place
          ? html`<dt>Ort</dt>
              <dd>${m.place}</dd>`
          : ''
      }
      <dt>Stand</dt>
      <dd>${describeMeetingState(m, options.today)}</dd>
    </dl>
    ${
      session !== undefined
        ? html`<p>
            <a href="/reports?session=${session}">Sitzungsvorbereitung als Bericht</a> ·
            <a href="/overview?dueMeeting=${session}">Fällige Aufträge in der Übersicht filtern</a>
          </p>`
        : html`<p>
            <a href="/overview?decidedIn=${m.id}">Hier beschlossene Aufträge in der Übersicht</a>
          </p>`
    }

    <section aria-labelledby="resolutions-title">
      <h2 id="resolutions-title">Beschlüsse (${options.resolutions.length})</h2>
      ${
        options.resolutions.length
          ? dataTable({
              caption: html`Beschlüsse: ${title}`,
              columns: ['Beschluss', 'TOP', 'Titel'],
              items: options.resolutions,
              row: (r) =>
                html`<tr>
                  <th scope="row">
                    <a href="/decisions/${encodeURIComponent(r.code)}">${r.code}</a>
                  </th>
                  <td>${r.agendaItem ?? ''}</td>
                  <td>${r.title ?? ''}</td>
                </tr>`,
            })
          : html`<p>Hierzu sind keine Beschlüsse eingelesen.</p>`
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
      ${options.decided.length ? mandateTable({ caption: `Dort beschlossen: ${title}`, items: options.decided, user, id: 'decided' }) : html`<p>Keine.</p>`}
    </section>

    ${
      session !== undefined
        ? html`<section aria-labelledby="due-title">
            <h2 id="due-title">Dort fällige Aufträge (${options.due.length})</h2>
            ${options.due.length ? mandateTable({ caption: `Dort fällig: ${title}`, items: options.due, user, id: 'due' }) : html`<p>Keine.</p>`}
          </section>`
        : ''
    }`;
  return layout({ title, context: options.context, current: 'sessions', body });
}
