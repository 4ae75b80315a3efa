import { describeMeetingState } from '@app/follow-up';
import type { MeetingView } from '@app/tracking';
import { germanDate } from '../views/format';
import { html, type Html } from '../views/html';

/** The headings of the columns `meetingCells` fills. */
export const MEETING_COLUMNS = ['Datum', 'Ort', 'Stand'];

/**
 * A session's date, place and state as cells of a calendar's row (the sessions page, the calendar
 * the secretariat edits); `approximate` says so beside a date the calendar only estimates.
 */
export function meetingCells(
  m: MeetingView,
  today: string,
  options: { approximate?: boolean } = {},
): Html {
  const estimated =
    options.approximate && m.approximate ? html` <span class="hint">(ungefähr)</span>` : '';
  return html`<td>${m.date ? germanDate(m.date) : 'Termin offen'}${estimated}</td>
    <td>${m.place ?? ''}</td>
    <td>${describeMeetingState(m, today)}</td>`;
}
