import type { AuthUser } from '@app/accounts';
import { describeDue, LINK_KIND_LABELS, LINK_STATE_LABELS as STATE_LABELS } from '@app/domain';
import type { LinkView } from '@app/links';
import type { WebContext } from '../web-http';
import { germanDateTime, plural } from '../views/format';
import { html, type Html } from '../views/html';
import { csrfField, layout } from '../views/layout';
import type { Page } from '../page';

/** What confirming does to the obligations. */
export const LINK_EFFECT_LABELS: Record<LinkView['kind'], string> = {
  fulfils: 'Die noch offenen Aufträge werden auf „berichtet“ gesetzt.',
  extends: 'Die Frist der Aufträge wird auf die neue gesetzt; der Verlauf vermerkt es.',
  renews:
    'Die noch offenen Aufträge werden auf „berichtet“ gesetzt; die Pflicht bleibt wiederkehrend.',
  supersedes: 'Die nicht abgeschlossenen Aufträge werden auf „abgelöst“ gesetzt.',
  references: 'An den Aufträgen ändert sich nichts.',
};

/** One link: the later sentence and the earlier mandates side by side, and the decision on it. */
export function linkCard(link: LinkView, context: WebContext | undefined, user: AuthUser): Html {
  const owners = link.owners.length ? ` (nur ${link.owners.join(', ')})` : '';
  const decided =
    link.state === 'proposed'
      ? ''
      : html`<p class="hint">
          ${STATE_LABELS[link.state]}${link.decidedBy ? ` von ${link.decidedBy}` : ''}${
            link.decidedAt ? ` am ${germanDateTime(link.decidedAt)}` : ''
          }
        </p>`;
  const actions =
    user.role === 'secretariat' && link.state === 'proposed'
      ? html`<div class="actions">
          <form method="post" action="/links/${String(link.id)}/confirm" class="inline-form">
            ${csrfField(context)}
            <button type="submit">Bestätigen und anwenden</button>
          </form>
          <form method="post" action="/links/${String(link.id)}/reject" class="inline-form">
            ${csrfField(context)}
            <button type="submit" class="secondary">Verwerfen</button>
          </form>
        </div>`
      : '';
  return html`<article
    class="card link-card"
    id="link-${String(link.id)}"
    aria-labelledby="link-${String(link.id)}-title"
  >
    <h3 id="link-${String(link.id)}-title">
      Beschluss ${link.from.resolution} → ${link.to.resolution}: ${LINK_KIND_LABELS[link.kind]}
      <span class="badge">${STATE_LABELS[link.state]}</span>
    </h3>
    <div class="side-by-side">
      <section aria-label="Späterer Beschluss ${link.from.resolution}">
        <h4>
          ${link.from.decidedIn}, Beschluss
          ${link.from.resolution}${link.from.point !== null ? ` Nr. ${link.from.point}` : ''}
        </h4>
        <blockquote>${link.from.sentence}</blockquote>
        ${link.from.href ? html`<p><a href="${link.from.href}">Im Text ansehen</a></p>` : ''}
      </section>
      <section aria-label="Früherer Beschluss ${link.to.resolution}">
        <h4>${link.to.decidedIn ?? 'nicht erfasst'}, Beschluss ${link.to.resolution}</h4>
        ${
          link.to.mandates.length
            ? html`<ul class="plain">
                ${link.to.mandates.map(
                  (m) =>
                    html`<li>
                      <a href="/mandates/${String(m.id)}"
                        >Nr. ${String(m.point)}, ${m.owners.join(', ')}</a
                      >:
                      <blockquote>${m.source}</blockquote>
                    </li>`,
                )}
              </ul>`
            : html`<p>
                ${
                  link.to.stored
                    ? 'Dieser Beschluss enthält keinen Auftrag.'
                    : 'Dieser Beschluss ist nicht erfasst; bestätigen hält die Verknüpfung nur fest.'
                }
              </p>`
        }
      </section>
    </div>
    <p>
      <strong>Warum:</strong>
      ${link.explicit ? 'Der Text nennt die Nummer.' : 'Ohne Nummer gefunden.'} ${link.reason}
    </p>
    <p>
      <strong>Wirkung:</strong>
      ${LINK_EFFECT_LABELS[link.kind]}${owners}${link.due ? ` Neue Frist: ${describeDue(link.due)}.` : ''}
    </p>
    ${decided} ${actions}
  </article>`;
}

export function linksPage(options: {
  context: WebContext;
  user: AuthUser;
  links: LinkView[];
  state: LinkView['state'] | 'all';
  meeting?: number;
  status?: string;
}): Page {
  const { links, state, meeting } = options;
  const filter = html`<form
    method="get"
    action="/links"
    class="filters"
    aria-label="Verknüpfungen filtern"
  >
    <label for="links-state">Stand</label>
    <select id="links-state" name="state">
      ${(['proposed', 'confirmed', 'rejected', 'all'] as const).map(
        (s) =>
          html`<option value="${s}" ${s === state ? html` selected` : ''}>
            ${s === 'all' ? 'alle' : STATE_LABELS[s]}
          </option>`,
      )}
    </select>
    <label for="links-meeting">Sitzung</label>
    <input
      id="links-meeting"
      name="meeting"
      inputmode="numeric"
      value="${meeting ? String(meeting) : ''}"
    />
    <button type="submit">Anzeigen</button>
  </form>`;
  const body = html`<h1>Rückmeldungen auf frühere Beschlüsse</h1>
    <p>
      Beim Import erkannt: Beschlüsse, die frühere Aufträge erledigen, verlängern, erneuern oder
      ablösen. Erst wenn die Geschäftsstelle bestätigt, ändern sich die Aufträge, für jedes Mitglied
      einzeln und mit einem Eintrag im Verlauf.
    </p>
    ${filter}
    <p>${plural(links.length, 'Verknüpfung', 'Verknüpfungen')}</p>
    ${links.map((l) => linkCard(l, options.context, options.user))}`;
  return layout({
    title: 'Rückmeldungen',
    context: options.context,
    current: 'links',
    status: options.status,
    body,
    wide: true,
  });
}
