import { describeSession, OBLIGATION_STATUSES } from '@app/domain';
import type { AuthUser } from '@app/accounts';
import type {
  CouncilView,
  MandatePage,
  MandateView,
  MeetingView,
  MemberView,
  SessionView,
} from '@app/tracking';
import type { WebContext } from '../web-http';
import { germanDate, memberLabel, plural, statusLabel } from '../views/format';
import { dataTable } from '../views/data-table';
import { html, type Html } from '../views/html';
import { inputField, selectField } from '../views/form-fields';
import { layout } from '../views/layout';
import { mandateTable } from '../views/mandate-table.view';
import { meetingHref } from '../sessions/next-session';
import { memberChart } from './member-chart.view';
import { OTHER_OWNERS, type MemberCounts, type UndatedDeadlines } from './overview-data';
import { exportLinks } from '../exports/export-links';
import { overviewHref, SORTS, type OverviewFilters } from './overview-filters';
import type { Page } from '../page';

const ALL = { value: '', label: 'alle' };

function filterForm(
  filters: OverviewFilters,
  members: MemberView[],
  meetings: MeetingView[],
  councils: CouncilView[],
): Html {
  const sessions = meetings.filter(
    (m): m is SessionView => m.kind === 'session' && m.number !== null,
  );
  const decided = meetings.filter((m) => m.resolutions > 0);
  return html`<form
    method="get"
    action="/overview"
    class="filters"
    role="search"
    aria-label="Aufträge filtern"
  >
    ${
      councils.length > 1
        ? selectField({
            id: 'f-council',
            name: 'council',
            label: 'Gremium',
            choices: [ALL, ...councils.map((c) => ({ value: c.code, label: c.name }))],
            current: filters.council,
          })
        : ''
    }
    ${selectField({
      id: 'f-owner',
      name: 'owner',
      label: 'Mitglied',
      choices: [ALL, ...members.map((m) => ({ value: m.code, label: memberLabel(m) }))],
      current: filters.owner,
    })}
    ${selectField({
      id: 'f-status',
      name: 'status',
      label: 'Status',
      choices: [ALL, ...OBLIGATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))],
      current: filters.status,
    })}
    ${selectField({
      id: 'f-due',
      name: 'dueMeeting',
      label: 'Fällig zur Sitzung',
      choices: [ALL, ...sessions.map((m) => ({ value: m.number, label: describeSession(m) }))],
      current: filters.dueMeeting,
    })}
    ${selectField({
      id: 'f-decided',
      name: 'decidedIn',
      label: 'Beschlossen in',
      choices: [
        { value: '', label: 'allen Sitzungen' },
        ...[...decided].reverse().map((m) => ({ value: m.id, label: m.name })),
      ],
      current: filters.decidedIn,
    })}
    ${inputField({
      id: 'f-q',
      name: 'q',
      label: 'Text',
      type: 'search',
      value: filters.q,
      attributes: html`maxlength="200"`,
      hint: 'im Auftrag oder im Beschlusstext',
    })}
    ${selectField({
      id: 'f-sort',
      name: 'sort',
      label: 'Reihenfolge',
      choices: Object.entries(SORTS).map(([value, label]) => ({ value, label })),
      current: filters.sort,
    })}
    <div class="field">
      <span class="radio"
        ><input
          id="f-overdue"
          name="overdue"
          type="checkbox"
          value="true"
          ${filters.overdue ? html` checked` : ''}
        /><label for="f-overdue">nur überfällige</label></span
      >
    </div>
    <div class="actions">
      <button type="submit">Filtern</button>
      <a href="/overview">Filter zurücksetzen</a>
    </div>
  </form>`;
}

function countsTable(rows: MemberCounts[], filters: OverviewFilters): Html {
  const cell = (n: number) => html`<td class="number">${n}</td>`;
  return dataTable({
    id: 'member-counts',
    caption: 'Pflichten je Mitglied',
    columns: [
      'Mitglied',
      ...['offen', 'in Bearbeitung', 'berichtet', 'überfällig', 'erledigt'].map((label) => ({
        label,
        number: true,
      })),
    ],
    items: rows,
    row: (r) => html`<tr${r.code === filters.owner ? html` class="current"` : ''}>
    <th scope="row">${r.code === OTHER_OWNERS ? r.name : html`<a href="${overviewHref({ ...filters, owner: r.code, page: 1 }, 1)}">${r.code}</a>${r.name !== r.code ? html` <span class="hint">${r.name}</span>` : ''}`}</th>
    ${cell(r.open)}${cell(r.inProgress)}${cell(r.reported)}
    <td class="number">${r.overdue ? html`<span class="overdue">${r.overdue}</span>` : '0'}</td>
    ${cell(r.done)}
  </tr>`,
  });
}

/** Deadlines at sessions the calendar has no date for: they cannot fall due until it has one. */
function undatedWarning(undated: UndatedDeadlines[], user: AuthUser): Html {
  if (undated.length === 0) return html``;
  const where =
    user.role === 'secretariat'
      ? html`<a href="/sessions/calendar">im Sitzungskalender</a>`
      : 'im Sitzungskalender';
  return html`<div class="notice notice-warn" role="note" id="calendar-warning">
    <p>
      Der Sitzungskalender braucht Termine: Aufträge sind zu Sitzungen fällig, für die ${where} noch
      kein Datum steht. Sie werden erst fällig, wenn der Termin eingetragen ist.
    </p>
    <ul>
      ${undated.map((u) => html`<li>${describeSession({ number: u.number, date: null })}: ${plural(u.mandates, 'Auftrag', 'Aufträge')}</li>`)}
    </ul>
  </div>`;
}

/** The next session; `href` for one addressed by id, `council` where one is chosen among several. */
type NextSession = { meeting: SessionView; due: MandateView[]; href?: string; council?: string };

function nextSessionSection(next: NextSession | undefined, user: AuthUser): Html {
  if (!next)
    return html`<p>
      Im Sitzungskalender steht keine kommende Sitzung. <a href="/sessions">Zum Sitzungskalender</a>
    </p>`;
  const m = next.meeting;
  return html`<p>
      ${next.council ? `${next.council}: ` : ''}<a href="${next.href ?? meetingHref(m)}"
        >${m.name}</a
      >${m.date ? html` am ${germanDate(m.date)}` : html` (Termin offen)`}${m.place ? html` in ${m.place}` : ''}:
      ${next.due.length ? `${next.due.length} ${next.due.length === 1 ? 'Auftrag fällt' : 'Aufträge fallen'} dort fällig.` : 'dort fällt nach jetzigem Stand nichts fällig.'}
    </p>
    ${next.due.length ? mandateTable({ caption: `Fällig zur ${m.name}`, items: next.due, user, id: 'due-next' }) : ''}`;
}

export function overviewPage(options: {
  context: WebContext;
  user: AuthUser;
  filters: OverviewFilters;
  councils: CouncilView[];
  /** Each listed decision's council, where more than one is kept. */
  councilOf: Map<number, string>;
  members: MemberView[];
  meetings: MeetingView[];
  counts: MemberCounts[];
  page: MandatePage;
  next: NextSession | undefined;
  undated: UndatedDeadlines[];
}): Page {
  const { filters, page, user } = options;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.items.length - 1;
  const body = html`<h1>Übersicht</h1>
    ${undatedWarning(options.undated, user)}
    <section aria-labelledby="next-title">
      <h2 id="next-title">Nächste Sitzung</h2>
      ${nextSessionSection(options.next, user)}
    </section>
    <section aria-labelledby="counts-title">
      <h2 id="counts-title">Offene und überfällige Pflichten</h2>
      <div class="counts">
        ${memberChart(options.counts)} ${countsTable(options.counts, filters)}
      </div>
    </section>

    <section aria-labelledby="list-title">
      <h2 id="list-title">Aufträge</h2>
      ${filterForm(filters, options.members, options.meetings, options.councils)}
      <p id="result-count">
        ${page.total === 0 ? 'Keine Aufträge für diese Filter.' : `${page.total ?? page.items.length} Aufträge, hier ${first} bis ${last}.`}
      </p>
      ${page.total !== 0 ? exportLinks(filters) : ''}
      ${page.items.length ? mandateTable({ caption: 'Aufträge nach den gewählten Filtern', items: page.items, user, owner: filters.owner, id: 'mandates', councilOf: options.councilOf }) : ''}
      <nav class="pager" aria-label="Seiten">
        ${filters.page > 1 ? html`<a href="${overviewHref(filters, filters.page - 1)}" rel="prev">Vorherige Seite</a>` : ''}
        ${page.hasMore ? html`<a href="${overviewHref(filters, filters.page + 1)}" rel="next">Nächste Seite</a>` : ''}
      </nav>
    </section>`;
  return layout({
    title: 'Übersicht',
    context: options.context,
    current: 'overview',
    body,
    wide: true,
  });
}
