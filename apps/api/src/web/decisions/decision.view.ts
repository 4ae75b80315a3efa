import type { AuthUser } from '@app/accounts';
import type { ResolutionDetail } from '@app/tracking';
import type { WebContext } from '../web-http';
import { html } from '../views/html';
import { layout } from '../views/layout';
import { mandateTable } from '../views/mandate-table.view';
import { addMandateForm } from '../mandates/mandate-form.view';
import type { Page } from '../page';

/** One decision: its points, the mandates in force, and (secretariat) a mandate added by hand. */
export function decisionPage(options: {
  context: WebContext;
  user: AuthUser;
  resolution: ResolutionDetail;
}): Page {
  const { resolution: r, user, context } = options;
  const title = `Beschluss ${r.code}`;
  const body = html`<h1>${title}${r.title ? html` – ${r.title}` : ''}</h1>
    <dl class="facts">
      <dt>Beschlossen in</dt>
      <dd>
        ${r.meeting !== null ? html`<a href="/sessions/${r.meeting}">${r.decidedIn}</a>` : r.decidedIn}
      </dd>
      ${
        r.agendaItem
          ? html`<dt>TOP</dt>
              <dd>${r.agendaItem}</dd>`
          : ''
      }
      <dt>Quelle</dt>
      <dd>
        <a href="/documents/${r.source.document}?line=${r.source.line}#L${r.source.line}"
          >${r.source.fileName}, Zeile ${r.source.line}</a
        >
      </dd>
    </dl>

    <section aria-labelledby="points-title">
      <h2 id="points-title">Beschlusstext</h2>
      ${
        r.points.length
          ? html`<ol>
              ${r.points.map((p) => html`<li value="${p.number}">${p.text}</li>`)}
            </ol>`
          : html`<p>Der Beschluss hat keine nummerierten Punkte.</p>`
      }
    </section>

    <section aria-labelledby="mandates-title">
      <h2 id="mandates-title">Aufträge (${r.mandates.length})</h2>
      ${r.mandates.length ? mandateTable({ caption: `Aufträge aus ${title}`, items: r.mandates, user, id: 'decision-mandates' }) : html`<p>Keine.</p>`}
      ${
        user.role === 'secretariat'
          ? addMandateForm({
              context,
              decisions: [{ code: r.code, title: r.title, points: r.points.map((p) => p.number) }],
            })
          : ''
      }
    </section>`;
  return layout({ title, context, current: 'sessions', body });
}
