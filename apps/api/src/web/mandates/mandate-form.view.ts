import { DUE_KIND_LABELS, DUE_KINDS } from '@app/domain';
import type { MandateDetail } from '@app/tracking';
import type { WebContext } from '../web-http';
import { germanDateTime } from '../views/format';
import { html, type Html } from '../views/html';
import { csrfField } from '../views/layout';

export interface MandateFormValues {
  point?: number;
  owners: string;
  action: string;
  dueKind: string;
  dueMeeting?: number;
  dueDate?: string;
  source: string;
}

/** A decision the form may add a mandate to, with the numbers of its points. */
export interface DecisionChoice {
  code: string;
  title: string | null;
  points: number[];
}

/** A decision's title short enough for a list to choose from (a long one would widen the form). */
function short(title: string): string {
  return title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title;
}

/** Owners, action, deadline, source sentence and point: the same fields to add and to edit. */
function fields(id: string, values: MandateFormValues, points: number[] | undefined): Html {
  const pointHint = points?.length ? `(Ziffern dieses Beschlusses: ${points.join(', ')})` : '';
  return html`<div class="field">
      <label for="${id}-point"
        >Ziffer des Beschlusses
        ${pointHint ? html`<span class="field-hint">${pointHint}</span>` : ''}</label
      >
      <input
        id="${id}-point"
        name="point"
        type="number"
        min="1"
        step="1"
        inputmode="numeric"
        required
        value="${values.point ?? ''}"
      />
    </div>
    <div class="field">
      <label for="${id}-owners"
        >Zuständig
        <span class="field-hint"
          >(Kürzel oder Namen, durch Kommas getrennt, z. B. „FITKO, HB“; ein neuer Name wird so
          übernommen)</span
        ></label
      >
      <input
        id="${id}-owners"
        name="owners"
        type="text"
        required
        maxlength="4000"
        value="${values.owners}"
      />
    </div>
    <div class="field">
      <label for="${id}-action">Was ist zu tun?</label>
      <textarea id="${id}-action" name="action" required maxlength="4000" rows="3">
${values.action}</textarea>
    </div>
    <fieldset class="field">
      <legend>Frist</legend>
      <div class="field">
        <label for="${id}-due-kind">Art der Frist</label>
        <select id="${id}-due-kind" name="dueKind">
          ${DUE_KINDS.map(
            (value) =>
              html`<option value="${value}" ${value === values.dueKind ? html`selected` : ''}>
                ${DUE_KIND_LABELS[value]}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="${id}-due-meeting"
          >Sitzung
          <span class="field-hint"
            >(Nummer; bei „zu einer Sitzung“ und „wiederkehrend“)</span
          ></label
        >
        <input
          id="${id}-due-meeting"
          name="dueMeeting"
          type="number"
          min="1"
          step="1"
          inputmode="numeric"
          value="${values.dueMeeting ?? ''}"
        />
      </div>
      <div class="field">
        <label for="${id}-due-date"
          >Datum <span class="field-hint">(bei „bis zu einem Datum“)</span></label
        >
        <input id="${id}-due-date" name="dueDate" type="date" value="${values.dueDate ?? ''}" />
      </div>
    </fieldset>
    <div class="field">
      <label for="${id}-source"
        >Satz aus dem Beschluss <span class="field-hint">(optional beim Anlegen)</span></label
      >
      <textarea id="${id}-source" name="source" maxlength="4000" rows="3">
${values.source}</textarea>
    </div>`;
}

/**
 * The form to add a mandate the extractor missed: to one decision (its page, a mandate's page)
 * or to one of several (a session, a committed import).
 */
export function addMandateForm(options: {
  context: WebContext;
  decisions: DecisionChoice[];
  id?: string;
}): Html {
  const { decisions } = options;
  if (decisions.length === 0) return html``;
  const id = options.id ?? 'add-mandate';
  const one = decisions.length === 1 ? decisions[0] : undefined;
  return html`<details class="change" id="${id}">
    <summary>
      Auftrag von Hand
      anlegen${one ? html`<span class="visually-hidden"> zu Beschluss ${one.code}</span>` : ''}
    </summary>
    <p class="hint">
      Für einen Auftrag, den das Einlesen übersehen hat. Er bleibt erhalten, wenn der Text erneut
      eingelesen wird.
    </p>
    <form method="post" action="/mandates">
      ${csrfField(options.context)}
      ${
        one
          ? html`<input type="hidden" name="resolution" value="${one.code}" />`
          : html`<div class="field">
              <label for="${id}-resolution">Beschluss</label>
              <select id="${id}-resolution" name="resolution" required>
                ${decisions.map(
                  (d) =>
                    html`<option value="${d.code}">
                      ${d.code}${d.title ? ` – ${short(d.title)}` : ''}
                    </option>`,
                )}
              </select>
            </div>`
      }
      ${fields(id, { owners: '', action: '', dueKind: 'meeting', source: '', point: one?.points[0] }, one?.points)}
      <div><button type="submit">Auftrag anlegen</button></div>
    </form>
  </details>`;
}

/** The secretariat's edit of every field of a mandate. */
export function editMandateForm(options: {
  context: WebContext;
  mandate: MandateDetail;
  points: number[];
}): Html {
  const m = options.mandate;
  const values: MandateFormValues = {
    point: m.point,
    owners: m.allOwners.join(', '),
    action: m.action,
    dueKind: m.due.kind,
    dueMeeting:
      m.due.kind === 'recurring'
        ? m.due.fromMeeting
        : m.due.kind === 'meeting'
          ? m.due.meeting
          : undefined,
    dueDate: m.due.kind === 'date' ? m.due.date : undefined,
    source: m.source,
  };
  return html`<details class="change" id="edit-mandate">
    <summary>Auftrag bearbeiten</summary>
    <form method="post" action="/mandates/${m.id}">
      ${csrfField(options.context)} ${fields('edit', values, options.points)}
      <div class="field">
        <label for="edit-note"
          >Grund der Änderung
          <span class="field-hint">(optional, erscheint im Verlauf)</span></label
        >
        <input id="edit-note" name="note" type="text" maxlength="2000" />
      </div>
      <div><button type="submit">Änderungen speichern</button></div>
    </form>
  </details>`;
}

/** Withdrawal of a wrong mandate, with the reason. */
export function withdrawForm(options: { context: WebContext; mandate: MandateDetail }): Html {
  return html`<details class="change" id="withdraw-mandate">
    <summary>Auftrag zurückziehen</summary>
    <p class="hint">
      Ein zurückgezogener Auftrag verschwindet aus allen Listen, Berichten, E-Mails, Exporten und
      Kalendern und ist nicht mehr überfällig. Hier bleibt er mit dem Grund lesbar.
    </p>
    <form
      method="post"
      action="/mandates/${options.mandate.id}/withdraw"
      data-confirm="Diesen Auftrag wirklich zurückziehen?"
    >
      ${csrfField(options.context)}
      <div class="field">
        <label for="withdraw-reason">Grund</label>
        <textarea id="withdraw-reason" name="reason" required maxlength="2000" rows="2"></textarea>
      </div>
      <div><button type="submit">Zurückziehen</button></div>
    </form>
  </details>`;
}

/** The notice on a withdrawn mandate's page. */
export function withdrawnNotice(m: MandateDetail): Html {
  if (!m.withdrawn) return html``;
  const w = m.withdrawn;
  return html`<div class="notice notice-warn" id="withdrawn">
    <p>
      <strong>Zurückgezogen</strong> am ${germanDateTime(w.at)}${w.by ? ` von ${w.by}` : ''}:
      ${w.reason ?? 'Der Auftrag steht nicht mehr im berichtigten Text des Beschlusses.'} Er
      erscheint in keiner Liste mehr.
    </p>
  </div>`;
}
