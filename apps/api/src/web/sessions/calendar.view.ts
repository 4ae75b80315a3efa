import type { MeetingView } from '@app/tracking';
import type { WebContext } from '../web-http';
import { dataTable } from '../views/data-table';
import { html, type Html } from '../views/html';
import { csrfField, layout } from '../views/layout';
import { inputField } from '../views/form-fields';
import { MEETING_COLUMNS, meetingCells } from './meeting-cells';
import { meetingHref } from './next-session';
import type { Page } from '../page';

/** What the secretariat reads after a change of the calendar. */
export const CALENDAR_DONE: Record<string, (name: string, count?: number) => string> = {
  added: (name) => `${name} ist in den Kalender eingetragen.`,
  special: (name) => `${name} ist in den Kalender eingetragen.`,
  moved: (name) =>
    `${name} ist verschoben; Fristen, die diese Sitzung nennen, richten sich nach dem neuen Datum.`,
  cancelled: (name, count) =>
    `${name} ist abgesagt${count ? `; ${count === 1 ? 'ein Auftrag ist' : `${count} Aufträge sind`} jetzt zur nächsten Sitzung fällig` : ''}.`,
};

/** A row's forms: a new date (moving its deadlines with it), and cancelling. */
function placeField(id: string): Html {
  return inputField({ id, name: 'place', label: 'Ort', attributes: html`maxlength="200"` });
}

function rowActions(m: MeetingView, context: WebContext): Html {
  if (m.state === 'cancelled') return html``;
  const field = `move-${m.id}`;
  return html`<form method="post" action="/sessions/calendar/${m.id}/move" class="inline-form">
      ${csrfField(context)}
      <label for="${field}">Neues Datum für ${m.name}</label>
      <input id="${field}" name="date" type="date" required value="${m.date ?? ''}" />
      <button type="submit">Verschieben</button>
    </form>
    <form method="post" action="/sessions/calendar/${m.id}/cancel" class="inline-form">
      ${csrfField(context)}
      <button type="submit" class="secondary" aria-label="${m.name} absagen">Absagen</button>
    </form>`;
}

/**
 * The secretariat's calendar: what is still ahead (or has no date yet) with forms to move and
 * cancel, and forms to add a numbered session or a special session.
 */
export function calendarPage(options: {
  context: WebContext;
  /** Meetings still ahead or without a date, in calendar order. */
  ahead: MeetingView[];
  /** The number a new session would most likely have. */
  nextNumber: number;
  today: string;
  status?: string;
}): Page {
  const { context, ahead, today } = options;
  const body = html`<h1>Sitzungskalender bearbeiten</h1>
    <p>
      Fristen „zur N. Sitzung“ richten sich nach dem Datum der Sitzung: Wird eine Sitzung
      verschoben, verschieben sich ihre Fristen mit; wird sie abgesagt, gehen ihre Fristen auf die
      nächste Sitzung über. Vergangene Sitzungen stehen unter <a href="/sessions">Sitzungen</a>.
    </p>

    <section aria-labelledby="ahead-title">
      <h2 id="ahead-title">Kommende Sitzungen und Sitzungen ohne Termin</h2>
      ${
        ahead.length
          ? dataTable({
              id: 'calendar',
              caption: 'Kommende Sitzungen und Sitzungen ohne Termin',
              columns: ['Sitzung', ...MEETING_COLUMNS, 'Ändern'],
              items: ahead,
              row: (m) =>
                html`<tr data-meeting="${m.id}">
                  <th scope="row"><a href="${meetingHref(m)}">${m.name}</a></th>
                  ${meetingCells(m, today)}
                  <td>${rowActions(m, context)}</td>
                </tr>`,
            })
          : html`<p>Im Kalender steht keine kommende Sitzung.</p>`
      }
    </section>

    <section aria-labelledby="add-title">
      <h2 id="add-title">Sitzung hinzufügen</h2>
      <form method="post" action="/sessions/calendar/sessions" class="stacked">
        ${csrfField(context)}
        ${inputField({
          id: 'add-number',
          name: 'number',
          label: 'Nummer der Sitzung',
          type: 'number',
          value: options.nextNumber,
          attributes: html`min="1" required`,
        })}
        ${inputField({
          id: 'add-date',
          name: 'date',
          label: 'Datum',
          type: 'date',
          hint: 'leer lassen, solange der Termin offen ist',
        })}
        ${placeField('add-place')}
        <button type="submit">Sitzung hinzufügen</button>
      </form>
    </section>

    <section aria-labelledby="special-title">
      <h2 id="special-title">Sondersitzung hinzufügen</h2>
      <p>Eine Sondersitzung hat keine Nummer; sie heißt nach ihrem Datum.</p>
      <form method="post" action="/sessions/calendar/special" class="stacked">
        ${csrfField(context)}
        ${inputField({
          id: 'special-date',
          name: 'date',
          label: 'Datum',
          type: 'date',
          attributes: html`required`,
        })}
        ${placeField('special-place')}
        <button type="submit">Sondersitzung hinzufügen</button>
      </form>
    </section>`;
  return layout({
    title: 'Sitzungskalender bearbeiten',
    context,
    current: 'sessions',
    body,
    status: options.status,
  });
}
