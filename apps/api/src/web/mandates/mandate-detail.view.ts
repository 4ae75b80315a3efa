import type { AuthUser } from '@app/accounts';
import { describeUncertain } from '@app/extraction';
import { describeDue, LINK_KIND_LABELS } from '@app/domain';
import { viewCalendar, type MandateDetail, type ResolutionDetail } from '@app/tracking';
import { statusBadge, statusForm } from '../obligations/status-form.view';
import { obligationLabel } from '../obligations/change-notice';
import type { WebContext } from '../web-http';
import { germanDate, germanDateTime, statusLabel } from '../views/format';
import { dataTable } from '../views/data-table';
import { highlight, html, type Html } from '../views/html';
import { layout } from '../views/layout';
import { editMandateForm, withdrawForm, withdrawnNotice } from './mandate-form.view';
import type { Page } from '../page';

/** Why a reading was marked for review when the text was ingested. */
type Obligation = MandateDetail['obligations'][number];
type HistoryEvent = Obligation['history'][number];

/** Which owners' status and history a user sees: a delegate only its own member's. */
export function visibleObligations<T extends { owner: string }>(items: T[], user: AuthUser): T[] {
  return user.role === 'delegate' ? items.filter((o) => o.owner === user.memberCode) : items;
}

function eventText(event: HistoryEvent): string {
  switch (event.type) {
    case 'created':
      return `angelegt (${statusLabel(event.toStatus ?? 'open')})`;
    case 'status':
      return `Status: ${statusLabel(event.fromStatus ?? '')} → ${statusLabel(event.toStatus ?? '')}`;
    case 'comment':
      return 'Notiz';
    case 'superseded':
      return 'überholt (nicht mehr zuständig)';
    case 'restored':
      return 'wieder zuständig';
    case 'withdrawn':
      return 'Auftrag zurückgezogen';
    default:
      return event.toStatus ? `${event.type}: ${statusLabel(event.toStatus)}` : event.type;
  }
}

function history(o: Obligation, mandate: MandateDetail): Html {
  return dataTable({
    caption: `Verlauf für ${o.owner}`,
    columns: ['Zeitpunkt', 'Von', 'Ereignis', 'Notiz', 'Nachweis'],
    items: o.history,
    row: (e) =>
      html`<tr>
        <td>${germanDateTime(e.at)}</td>
        <td>${e.actor === 'ingest' ? 'Import' : e.actor}</td>
        <td>${eventText(e)}</td>
        <td>${e.note ?? ''}</td>
        <td>
          ${e.link ? html`<a href="${e.link}" rel="noopener noreferrer">Nachweis öffnen<span class="visually-hidden"> (${mandate.resolution}, ${o.owner})</span></a>` : ''}
        </td>
      </tr>`,
  });
}

function resolutionText(mandate: MandateDetail, resolution: ResolutionDetail | undefined): Html {
  if (!resolution) {
    return html`<blockquote><mark>${mandate.source}</mark></blockquote>`;
  }
  const line = mandate.sourceLine || resolution.source.line;
  const points = resolution.points.map((p) => {
    const current = p.number === mandate.point;
    const marked = current && mandate.source ? highlight(p.text, mandate.source) : undefined;
    return html`<li
      value="${p.number}"
      ${current ? html` class="current" aria-current="true"` : ''}
    >
      ${marked ?? p.text}
    </li>`;
  });
  const found = resolution.points.some(
    (p) => p.number === mandate.point && mandate.source && p.text.includes(mandate.source.trim()),
  );
  return html`<div class="resolution-text">
    <p>
      <strong
        >Beschluss ${resolution.code}${resolution.title ? html` – ${resolution.title}` : ''}</strong
      >${resolution.agendaItem ? html` (TOP ${resolution.agendaItem})` : ''}
    </p>
    ${
      points.length
        ? html`<ol>
            ${points}
          </ol>`
        : ''
    }
    ${
      found || !mandate.source
        ? ''
        : html`<p>Satz, aus dem der Auftrag gelesen wurde:</p>
            <blockquote><mark>${mandate.source}</mark></blockquote>`
    }
    <p>
      <a href="/documents/${resolution.source.document}?line=${line}#L${line}"
        >Im Protokoll ansehen (${resolution.source.fileName}, Zeile ${line})</a
      >
    </p>
  </div>`;
}

const LINK_STATE: Record<string, string> = {
  proposed: 'vorgeschlagen',
  confirmed: 'bestätigt',
  rejected: 'verworfen',
};

/** The mandate's chain: later decisions that answer it, and earlier ones its decision answers. */
function chain(m: MandateDetail): Html | string {
  const later = m.links.filter((l) => l.from.resolution !== m.resolution && l.state !== 'rejected');
  const earlier = m.links.filter(
    (l) => l.from.resolution === m.resolution && l.state !== 'rejected',
  );
  if (later.length === 0 && earlier.length === 0) return '';
  const item = (l: MandateDetail['links'][number], other: string, where: string) =>
    html`<li>
      ${where}: Beschluss ${other} – ${LINK_KIND_LABELS[l.kind]}
      (${LINK_STATE[l.state]}${l.decidedBy && l.state !== 'proposed' ? ` von ${l.decidedBy}` : ''})
      ${l.from.href ? html`<a href="${l.from.href}">Satz ansehen</a>` : ''}
    </li>`;
  return html`<section aria-labelledby="chain-title">
    <h2 id="chain-title">Kette der Beschlüsse</h2>
    <ol class="plain" id="chain">
      <li>Beschlossen: ${m.decidedIn}, Beschluss ${m.resolution}</li>
      ${later.map((l) => item(l, l.from.resolution, l.from.decidedIn))}
    </ol>
    ${
      earlier.length
        ? html`<p>Dieser Beschluss antwortet auf:</p>
            <ul class="plain">
              ${earlier.map((l) => item(l, l.to.resolution, l.to.decidedIn ?? 'nicht erfasst'))}
            </ul>`
        : ''
    }
  </section>`;
}

export function mandateDetailPage(options: {
  context: WebContext;
  user: AuthUser;
  mandate: MandateDetail;
  resolution: ResolutionDetail | undefined;
  status?: string;
  returnTo: string;
}): Page {
  const { mandate: m, user, context } = options;
  const visible = visibleObligations(m.obligations, user);
  const hidden = m.obligations.filter((o) => !visible.includes(o)).map((o) => o.owner);
  const title = `Beschluss ${m.resolution}, Ziffer ${m.point}${m.withdrawn ? ' (zurückgezogen)' : ''}`;
  const extracted = m.extracted;
  const secretariat = user.role === 'secretariat' && !m.withdrawn;
  const body = html`<h1>Auftrag: ${title}</h1>
    ${withdrawnNotice(m)}
    <p class="lead">${m.action}</p>
    <dl class="facts">
      <dt>Beschluss</dt>
      <dd>
        <a href="/decisions/${m.resolutionId}">${m.resolution}</a
        >${m.resolutionTitle ? html` – ${m.resolutionTitle}` : ''}
      </dd>
      ${
        m.origin === 'manual'
          ? html`<dt>Herkunft</dt>
              <dd>von der Geschäftsstelle von Hand angelegt</dd>`
          : ''
      }
      <dt>Beschlossen in</dt>
      <dd>
        <a href="${m.meeting !== null ? `/sessions/${m.meeting}` : `/sessions/s/${m.meetingId}`}"
          >${m.decidedIn}</a
        >
      </dd>
      <dt>Frist</dt>
      <dd>
        ${describeDue(m.due, viewCalendar(m.due))}${m.due.text && m.due.text !== 'korrigiert' ? html` <span class="hint">(im Text: „${m.due.text}“)</span>` : ''}
      </dd>
      <dt>Zuständig</dt>
      <dd>${m.owners.map((o) => o.owner).join(', ')}</dd>
      ${
        m.partners.length
          ? html`<dt>Beteiligt</dt>
              <dd>${m.partners.join(', ')}</dd>`
          : ''
      }
      ${
        m.uncertain.length
          ? html`<dt>Beim Einlesen unsicher</dt>
              <dd>${describeUncertain(m.uncertain).join(' ')}</dd>`
          : ''
      }
      ${
        m.corrected && m.origin !== 'manual'
          ? html`<dt>Korrektur</dt>
              <dd>
                von der Geschäftsstelle
                korrigiert${extracted ? html`; ursprünglich erkannt: ${extracted.owners.join(', ')}` : ''}
              </dd>`
          : ''
      }
    </dl>

    <section aria-labelledby="owners-title">
      <h2 id="owners-title">Status je Zuständigem</h2>
      ${
        visible.length
          ? dataTable({
              caption: 'Pflichten aus diesem Auftrag',
              columns: ['Zuständig', 'Status', 'Überfällig'],
              items: visible,
              row: (o) =>
                html`<tr data-obligation="${o.obligationId}">
                  <th scope="row">${o.owner}</th>
                  <td>${statusBadge(o.status)}</td>
                  <td>
                    ${o.overdueSince ? html`<span class="overdue">seit ${germanDate(o.overdueSince)}</span>` : 'nein'}
                  </td>
                </tr>`,
            })
          : html`<p>Keine eigene Pflicht aus diesem Auftrag.</p>`
      }
      ${hidden.length ? html`<p class="hint">Außerdem zuständig: ${hidden.join(', ')}. Deren Stand sieht die Geschäftsstelle.</p>` : ''}
    </section>

    ${
      secretariat
        ? html`<section aria-labelledby="edit-title">
            <h2 id="edit-title">Bearbeiten</h2>
            ${editMandateForm({ context, mandate: m, points: options.resolution?.points.map((p) => p.number) ?? [] })}
            ${withdrawForm({ context, mandate: m })}
          </section>`
        : ''
    }
    ${chain(m)}

    <section aria-labelledby="history-title">
      <h2 id="history-title">Verlauf</h2>
      ${visible.map(
        (o) =>
          html`<section
            class="obligation"
            data-obligation="${o.obligationId}"
            aria-label="Pflicht ${o.owner}"
          >
            ${history(o, m)}
            ${m.withdrawn ? '' : statusForm({ obligation: o, label: obligationLabel(o.owner, m.resolution, m.point), user, context, returnTo: options.returnTo })}
          </section>`,
      )}
    </section>

    <section aria-labelledby="source-title">
      <h2 id="source-title">Beschlusstext</h2>
      ${resolutionText(m, options.resolution)}
    </section>`;
  return layout({ title, context, status: options.status, body });
}
