import { DUE_KIND_LABELS, DUE_KINDS, LINK_KIND_LABELS } from '@app/domain';
import {
  describeUncertain,
  documentFormatLabel,
  NOT_ADOPTED_MISS_REASON,
  POSSIBLE_MISS_REASON,
  type ExtractedMandate,
} from '@app/extraction';
import type { ImportPreviewView, MemberView } from '@app/tracking';
import type { WebContext } from '../web-http';
import { germanDateTime, plural } from '../views/format';
import { highlightAll, html, type Html } from '../views/html';
import { csrfField, layout } from '../views/layout';
import { inputField, selectField } from '../views/form-fields';
import type { ReviewValues } from './review-corrections';
import { addMandateForm, type DecisionChoice } from '../mandates/mandate-form.view';
import type { Page } from '../page';

// The review of an uploaded text before it is stored: its mandates as editable fields, doubts,
// owners the registry does not know, proposed links to earlier decisions.

function sourceText(text: string, preview: ImportPreviewView): Html {
  const byLine = new Map<number, string[]>();
  for (const m of preview.mandates) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.source]);
  const lines = text.split(/\r?\n/);
  return html`<ol class="source-lines" aria-label="Hochgeladener Text">
    ${lines.map((line, i) => {
      const sources = byLine.get(i + 1);
      const marked = (sources && highlightAll(line, sources)) ?? (line || ' ');
      return html`<li id="src-L${i + 1}" ${sources ? html` class="hit"` : ''}>
        <span class="line-number" aria-hidden="true">${i + 1}</span><span>${marked}</span>
      </li>`;
    })}
  </ol>`;
}

function mandateFields(
  preview: ImportPreviewView,
  index: number,
  values: ReviewValues,
  errors: string[] | undefined,
  readOnly: boolean,
): Html {
  const m = preview.mandates[index];
  const id = (name: string) => `${name}-${index}`;
  const errorId = id('errors');
  const describedBy = errors ? html` aria-describedby="${errorId}" aria-invalid="true"` : '';
  const disabled = readOnly ? html` disabled` : html``;
  const checks = [
    // An unknown owner is named below by its name.
    ...describeUncertain(m.uncertain.filter((u) => u !== 'owner-unknown')),
    ...m.newOwners.map((o) => `neue Stelle: ${o}`),
  ];
  return html`<fieldset class="mandate${checks.length ? ' flagged' : ''}" data-index="${index}">
    <legend>Beschluss ${m.resolution}, Ziffer ${m.point}</legend>
    ${checks.length ? html`<p class="check" data-check><strong>Bitte prüfen:</strong> ${checks.join('; ')}</p>` : ''}
    <p>${m.action}</p>
    <p class="hint">Erkannt an: „${m.basisText}“ (${BASIS_LABELS[m.basis]})</p>
    <p class="hint">Quelle: <a href="#src-L${m.line}">Zeile ${m.line}</a> – „${m.source}“</p>
    ${errors ? html`<div class="notice notice-error" id="${errorId}">${errors.map((e) => html`<p>${e}</p>`)}</div>` : ''}
    ${inputField({
      id: id('owners'),
      name: id('owners'),
      label: html`Zuständig <span class="field-hint">(Kürzel, durch Komma getrennt)</span>`,
      value: values.owners,
      attributes: html`${describedBy}${disabled}`,
    })}
    <div class="due-fields">
      ${selectField({
        id: id('dueKind'),
        name: id('dueKind'),
        label: 'Frist',
        choices: DUE_KINDS.map((k) => ({ value: k, label: DUE_KIND_LABELS[k] })),
        current: values.dueKind,
        attributes: disabled,
      })}
      ${inputField({
        id: id('dueMeeting'),
        name: id('dueMeeting'),
        label: 'Sitzung',
        type: 'number',
        value: values.dueMeeting,
        attributes: html`min="1" inputmode="numeric" ${disabled}`,
      })}
      ${inputField({
        id: id('dueDate'),
        name: id('dueDate'),
        label: 'Datum',
        type: 'date',
        value: values.dueDate,
        attributes: disabled,
      })}
    </div>
    ${m.dueText ? html`<p class="hint">Frist im Text: „${m.dueText}“</p>` : ''}
  </fieldset>`;
}

const BASIS_LABELS: Record<ExtractedMandate['basis'], string> = {
  request: 'Bitte oder Auftrag des Gremiums',
  'passive-request': 'Bitte im Passiv',
  commission: 'erteilter Auftrag',
  'actor-statement': 'eigene Zusage einer genannten Stelle',
  'task-table': 'Zeile der Aufgabenliste eines Protokolls',
};

/** Doubt about the text as a whole, and points that ask someone but yielded no mandate. */
function doubtsSection(preview: ImportPreviewView): Html {
  const misses = preview.possibleMisses;
  if (!preview.shapeDoubt && misses.length === 0) return html``;
  return html`<section aria-labelledby="doubts-title" class="doubts">
    <h2 id="doubts-title">Bitte zuerst prüfen</h2>
    ${preview.shapeDoubt ? html`<div class="notice notice-warn" data-shape-doubt><p>${preview.shapeDoubt}</p></div>` : ''}
    ${
      misses.length
        ? html`<p>
              ${POSSIBLE_MISS_REASON} Fehlt hier ein Auftrag, legen Sie ihn nach der Übernahme beim
              Beschluss an.
            </p>
            <ul data-possible-misses>
              ${misses.map(
                (miss) =>
                  html`<li>
                    Beschluss ${miss.resolution}, Ziffer ${miss.point},
                    <a href="#src-L${miss.line}">Zeile ${miss.line}</a>: „${miss.sentence}“
                    ${miss.notAdopted ? html`<br /><span data-not-adopted>${NOT_ADOPTED_MISS_REASON}</span>` : ''}
                  </li>`,
              )}
            </ul>`
        : ''
    }
  </section>`;
}

/** A form per owner the registry does not know: add it with a code, and the member it belongs to. */
function newOwnersSection(
  preview: ImportPreviewView,
  members: MemberView[],
  context: WebContext,
): Html {
  if (preview.newOwners.length === 0 || preview.committedAt !== null) return html``;
  const states = members.filter((m) =>
    ['federation', 'state', 'office', 'municipal', 'chair'].includes(m.kind),
  );
  return html`<section aria-labelledby="new-owners-title" class="new-owners">
    <h2 id="new-owners-title">Neue Stellen (${preview.newOwners.length})</h2>
    <p>
      Diese Zuständigen stehen noch nicht im Verzeichnis. Nehmen Sie sie mit einem Kürzel auf, damit
      künftige Texte sie erkennen und ihre Aufträge bei der richtigen Stelle landen.
    </p>
    ${preview.newOwners.map(
      (name, i) =>
        html`<form method="post" action="/import/${preview.id}/owners" class="stacked narrow">
          ${csrfField(context)}
          <fieldset>
            <legend>${name}</legend>
            <input type="hidden" name="name" value="${name}" />
            <div class="field">
              <label for="owner-code-${i}">Kürzel</label>
              <input
                id="owner-code-${i}"
                name="code"
                type="text"
                required
                maxlength="60"
                value="${name.length <= 60 ? name : ''}"
              />
            </div>
            <div class="field">
              <label for="owner-kind-${i}">Art</label>
              <select id="owner-kind-${i}" name="kind">
                ${REGISTRY_KIND_LABELS.map(([k, label]) => html`<option value="${k}">${label}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="owner-member-${i}"
                >Gehört zu <span class="field-hint">(optional)</span></label
              >
              <select id="owner-member-${i}" name="belongsTo">
                <option value="">– keinem Mitglied –</option>
                ${states.map((m) => html`<option value="${m.code}">${m.name}</option>`)}
              </select>
            </div>
            <button type="submit">Ins Verzeichnis aufnehmen</button>
          </fieldset>
        </form>`,
    )}
  </section>`;
}

const REGISTRY_KIND_LABELS: Array<[string, string]> = [
  ['working-group', 'Arbeitsgruppe oder Gremium'],
  ['project', 'Projekt'],
  ['programme-office', 'Programmbüro'],
  ['office', 'Stelle oder Behörde'],
  ['body', 'anderes Gremium'],
  ['other', 'Sonstiges'],
];

/**
 * The links the commit will propose: the new sentence beside the earlier mandates it answers.
 * They are confirmed or rejected after the commit, on the page of links.
 */
function linkProposals(preview: ImportPreviewView): Html | string {
  if (preview.committedAt !== null || preview.links.length === 0) return '';
  return html`<section aria-labelledby="links-title" class="card">
    <h2 id="links-title">Rückmeldungen auf frühere Beschlüsse (${preview.links.length})</h2>
    <p>
      Diese Beschlüsse antworten auf erfasste frühere Aufträge. Nach der Übernahme werden sie als
      Vorschläge gezeigt; erst Ihre Bestätigung ändert die früheren Aufträge.
    </p>
    <ul class="plain" id="link-proposals">
      ${preview.links.map(
        (l) =>
          html`<li class="link-card">
            <p>
              <strong>Beschluss ${l.from} → ${l.to}</strong>:
              ${LINK_KIND_LABELS[l.kind as keyof typeof LINK_KIND_LABELS] ?? l.kind}
              (${l.explicit ? 'nennt die Nummer' : 'ohne Nummer gefunden'})
            </p>
            <div class="side-by-side">
              <blockquote>${l.sentence}</blockquote>
              <div>
                ${
                  l.earlier.length
                    ? l.earlier.map(
                        (m) =>
                          html`<blockquote>
                            <a href="/mandates/${String(m.mandateId)}"
                              >${l.to} Nr. ${String(m.point)}, ${m.owners.join(', ')}</a
                            >: ${m.source}
                          </blockquote>`,
                      )
                    : html`<p class="hint">Beschluss ${l.to} ist nicht erfasst.</p>`
                }
              </div>
            </div>
            <p class="hint">${l.reason}</p>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** The decisions a committed import stored, to add a mandate the reading missed. */
function committedDecisions(preview: ImportPreviewView): DecisionChoice[] {
  // The review's JSON has each decision's points as texts only: the form asks for the number.
  const extraction = preview.extraction as {
    resolutions?: Array<{ id: string; title?: string | null }>;
  };
  return (extraction.resolutions ?? []).map((r) => ({
    code: r.id,
    title: r.title ?? null,
    points: [],
  }));
}

export function reviewPage(options: {
  context: WebContext;
  preview: ImportPreviewView;
  text: string;
  values: ReviewValues[];
  errors?: Map<number, string[]>;
  members?: MemberView[];
  notice?: string;
}): Page {
  const { preview, errors } = options;
  const committed = preview.committedAt !== null;
  const resolutions = new Set(preview.mandates.map((m) => m.resolution));
  const body = html`<h1>Import prüfen: ${preview.fileName}</h1>
    <p>
      ${plural(preview.mandates.length, 'Auftrag', 'Aufträge')} aus
      ${plural(resolutions.size, 'Beschluss', 'Beschlüssen')}, ${preview.decidedIn}
      (${documentFormatLabel(preview.format)}). Prüfen Sie links die erkannten Aufträge am Text
      rechts; unsichere Lesungen stehen oben. Korrigieren Sie Zuständige oder Fristen und übernehmen
      Sie dann.
    </p>
    ${
      committed
        ? html`<div class="notice notice-warn">
              <p>
                Dieser Import wurde am ${germanDateTime(preview.committedAt as string)} übernommen.
                ${preview.meeting !== null ? html`<a href="/sessions/${preview.meeting}">Zur ${preview.meeting}. Sitzung</a>` : ''}
              </p>
            </div>
            ${addMandateForm({ context: options.context, decisions: committedDecisions(preview) })}`
        : ''
    }
    ${errors && errors.size > 0 ? html`<div class="notice notice-error" role="alert"><p>Bitte korrigieren Sie ${plural(errors.size, 'Auftrag', 'Aufträge')}; noch wurde nichts gespeichert.</p></div>` : ''}
    ${doubtsSection(preview)} ${linkProposals(preview)}
    ${options.notice ? html`<div class="notice" role="status" id="review-notice"><p>${options.notice}</p></div>` : ''}
    ${newOwnersSection(preview, options.members ?? [], options.context)}
    <div class="side-by-side">
      <section aria-labelledby="found-title">
        <h2 id="found-title">Erkannte Aufträge</h2>
        <form
          method="post"
          action="/import/${preview.id}/commit"
          data-confirm="Import übernehmen und die Korrekturen speichern?"
        >
          ${csrfField(options.context)}
          ${preview.mandates.length ? preview.reviewOrder.map((i) => mandateFields(preview, i, options.values[i], errors?.get(i), committed)) : html`<p>Im Text wurde kein Auftrag erkannt. Die Beschlüsse werden trotzdem gespeichert.</p>`}
          ${committed ? '' : html`<button type="submit">Übernehmen</button> <a href="/import">Abbrechen</a>`}
        </form>
        ${
          committed
            ? ''
            : html`<form
                method="post"
                action="/import/${preview.id}/discard"
                data-confirm="Diesen Import verwerfen? Nichts davon wird gespeichert."
              >
                ${csrfField(options.context)}
                <button type="submit" class="secondary">Import verwerfen</button>
              </form>`
        }
      </section>
      <section aria-labelledby="text-title">
        <h2 id="text-title">Text</h2>
        <div class="text-pane" tabindex="0" role="region" aria-labelledby="text-title">
          ${sourceText(options.text, preview)}
        </div>
      </section>
    </div>`;
  return layout({
    title: `Import prüfen: ${preview.fileName}`,
    context: options.context,
    current: 'import',
    body,
    wide: true,
  });
}
