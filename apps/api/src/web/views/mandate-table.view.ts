import type { AuthUser } from '@app/accounts';
import { describeDue } from '@app/domain';
import { viewCalendar, type MandateView } from '@app/tracking';
import { statusBadge } from '../obligations/status-form.view';
import { plural, statusLabel } from './format';
import { dataTable } from './data-table';
import { html, type Html } from './html';

type Owner = MandateView['owners'][number];

function ownersCell(m: MandateView, user: AuthUser, focus: string | undefined): Html {
  const owners =
    user.role === 'delegate' ? m.owners.filter((o) => o.owner === user.memberCode) : m.owners;
  const one = (o: Owner) =>
    html`<li>
      ${o.owner}:
      ${statusBadge(o.status)}${o.overdueSince ? html` <span class="overdue">überfällig</span>` : ''}
    </li>`;
  if (owners.length <= 4)
    return html`<ul class="plain">
      ${owners.map(one)}
    </ul>`;
  // Sixteen Länder in one cell would bury the list: counts per status, and the filtered owner.
  const byStatus = new Map<string, number>();
  for (const o of owners) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
  const summary = [...byStatus].map(([status, n]) => `${n} ${statusLabel(status)}`).join(', ');
  const focused = owners.find((o) => o.owner === focus);
  const overdue = owners.filter((o) => o.overdueSince).length;
  return html`<p>
      ${plural(owners.length, 'Zuständiger', 'Zuständige')}:
      ${summary}${overdue ? html`, <span class="overdue">${overdue} überfällig</span>` : ''}
    </p>
    ${
      focused
        ? html`<ul class="plain">
            ${one(focused)}
          </ul>`
        : ''
    }`;
}

/** Mandates as a table: decision and point (link to the detail), action, owners, deadline. */
export function mandateTable(options: {
  caption: string;
  items: MandateView[];
  user: AuthUser;
  /** An owner the list is filtered by: its status is always shown. */
  owner?: string;
  id?: string;
  /** Each decision's council (by resolution id), shown where more than one council is kept. */
  councilOf?: Map<number, string>;
}): Html {
  const councils = options.councilOf && options.councilOf.size > 0 ? options.councilOf : undefined;
  return dataTable({
    id: options.id,
    caption: options.caption,
    columns: [
      'Beschluss',
      councils !== undefined && 'Gremium',
      'Auftrag',
      'Zuständig und Status',
      'Frist',
    ],
    items: options.items,
    row: (m) =>
      html`<tr data-mandate="${m.id}">
        <th scope="row"><a href="/mandates/${m.id}">${m.resolution}, Ziffer ${m.point}</a></th>
        ${councils ? html`<td>${councils.get(m.resolutionId) ?? ''}</td>` : ''}
        <td>${m.action}</td>
        <td>${ownersCell(m, options.user, options.owner)}</td>
        <td>${describeDue(m.due, viewCalendar(m.due))}</td>
      </tr>`,
  });
}
