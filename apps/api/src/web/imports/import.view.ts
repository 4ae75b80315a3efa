import { INGEST_STATUS_LABELS, type IngestReport } from '@app/ingest';
import type { WebContext } from '../web-http';
import { germanDateTime, plural } from '../views/format';
import { dataTable } from '../views/data-table';
import { html } from '../views/html';
import { csrfField, layout } from '../views/layout';
import type { QueuedImport } from '@app/persistence';
import type { Page } from '../page';

export function uploadPage(options: {
  context: WebContext;
  pending: QueuedImport[];
  committed: QueuedImport[];
  error?: { message: string; detail?: string; link?: { href: string; label: string } };
  meeting?: string;
  status?: string;
}): Page {
  const { error } = options;
  const queue = (items: QueuedImport[], caption: string, committed: boolean) =>
    dataTable({
      caption,
      columns: ['Datei', 'Hochgeladen', committed && 'Übernommen'],
      items,
      row: (i) =>
        html`<tr>
          <th scope="row"><a href="/import/${i.id}">${i.fileName}</a></th>
          <td>${germanDateTime(i.createdAt)}</td>
          ${committed ? html`<td>${i.committedAt ? germanDateTime(i.committedAt) : ''}</td>` : ''}
        </tr>`,
    });
  const body = html`<h1>Protokoll importieren</h1>
    <p>
      Laden Sie ein Sitzungsprotokoll, einen einzelnen Beschluss oder eine Bekanntmachung hoch: als
      Text, als PDF mit Textebene, als Word-Datei (.docx) oder als gespeicherte Webseite (.html),
      höchstens 20 MB. Erst nach Ihrer Durchsicht wird etwas gespeichert.
    </p>
    ${
      error
        ? html`<div class="notice notice-error" role="alert" id="upload-error">
            <p>${error.message}</p>
            ${error.link ? html`<p><a href="${error.link.href}">${error.link.label}</a></p>` : ''}
            ${error.detail ? html`<p class="detail">${error.detail}</p>` : ''}
          </div>`
        : ''
    }
    <form method="post" action="/import" enctype="multipart/form-data" class="stacked narrow">
      ${csrfField(options.context)}
      <div class="field">
        <label for="file">Datei</label>
        <input
          id="file"
          name="file"
          type="file"
          required
          accept=".txt,.md,.pdf,.docx,.html,.htm,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html"
          ${error ? html` aria-describedby="upload-error"` : ''}
        />
      </div>
      <div class="field">
        <label for="meeting"
          >Sitzung <span class="field-hint">(nur für Texte, die keine Sitzung nennen)</span></label
        >
        <input
          id="meeting"
          name="meeting"
          type="number"
          min="1"
          inputmode="numeric"
          value="${options.meeting ?? ''}"
        />
      </div>
      <button type="submit">Hochladen und prüfen</button>
    </form>
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">Zur Durchsicht (${options.pending.length})</h2>
      ${options.pending.length ? queue(options.pending, 'Hochgeladen, noch nicht übernommen', false) : html`<p>Nichts wartet auf Durchsicht.</p>`}
    </section>
    ${
      options.committed.length
        ? html`<section aria-labelledby="done-title">
            <h2 id="done-title">Zuletzt übernommen</h2>
            ${queue(options.committed, 'Zuletzt übernommene Importe', true)}
          </section>`
        : ''
    }`;
  return layout({
    title: 'Import',
    context: options.context,
    current: 'import',
    status: options.status,
    body,
  });
}

export interface AppliedCorrection {
  resolution: string;
  point: number;
  mandateId?: number;
  text: string;
  error?: string;
}

const REPORT_STATUS: Record<IngestReport['status'], string> = {
  created: INGEST_STATUS_LABELS.created,
  updated: `${INGEST_STATUS_LABELS.updated} (eine neue Fassung eines schon eingelesenen Textes)`,
  unchanged: `${INGEST_STATUS_LABELS.unchanged} (dieser Text war schon eingelesen)`,
};

export function commitReportPage(options: {
  context: WebContext;
  report: IngestReport;
  corrections: AppliedCorrection[];
}): Page {
  const { report, corrections } = options;
  const failed = corrections.filter((c) => c.error);
  const body = html`<h1>Import übernommen</h1>
    <div class="notice">
      <p><strong>${report.file}</strong>: ${REPORT_STATUS[report.status]}.</p>
    </div>
    <dl class="facts" id="commit-report">
      <dt>Sitzung</dt>
      <dd>
        ${report.meeting !== null ? html`<a href="/sessions/${report.meeting}">${report.meeting}. Sitzung</a>` : 'außerhalb des Sitzungskalenders'}
      </dd>
      <dt>Beschlüsse</dt>
      <dd>${report.resolutions}</dd>
      <dt>Aufträge</dt>
      <dd>${report.mandates}</dd>
      <dt>Pflichten</dt>
      <dd>${report.obligations}</dd>
    </dl>
    ${
      report.changes.length
        ? html`<h2>Änderungen gegenüber der früheren Fassung</h2>
            <ul>
              ${report.changes.map((c) => html`<li>${c}</li>`)}
            </ul>`
        : ''
    }
    ${
      report.links.proposed + report.links.confirmed > 0
        ? html`<h2>Rückmeldungen auf frühere Beschlüsse</h2>
            <p id="commit-links">
              ${plural(report.links.proposed, 'Verknüpfung wurde', 'Verknüpfungen wurden')}
              vorgeschlagen${report.links.confirmed ? `, ${plural(report.links.confirmed, 'wurde', 'wurden')} nach Einstellung gleich angewendet` : ''}.
              <a href="/links${report.meeting !== null ? `?meeting=${report.meeting}` : ''}"
                >Jetzt prüfen und bestätigen</a
              >
            </p>`
        : ''
    }
    <h2>Ihre Korrekturen (${corrections.length})</h2>
    ${failed.length ? html`<div class="notice notice-error" role="alert"><p>${plural(failed.length, 'Korrektur konnte', 'Korrekturen konnten')} nicht gespeichert werden; der Import selbst ist gespeichert. Bitte korrigieren Sie im Auftrag.</p></div>` : ''}
    ${
      corrections.length
        ? html`<ul id="corrections">
            ${corrections.map(
              (c) =>
                html`<li>
                  ${c.mandateId ? html`<a href="/mandates/${c.mandateId}">Beschluss ${c.resolution}, Ziffer ${c.point}</a>` : `Beschluss ${c.resolution}, Ziffer ${c.point}`}:
                  ${c.text}${c.error ? html` – <strong class="overdue">nicht gespeichert: ${c.error}</strong>` : ''}
                </li>`,
            )}
          </ul>`
        : html`<p>Keine; die Aufträge sind so gespeichert, wie sie erkannt wurden.</p>`
    }
    <p><a href="/overview">Zur Übersicht</a> · <a href="/import">Weiteren Text importieren</a></p>`;
  return layout({
    title: 'Import übernommen',
    context: options.context,
    current: 'import',
    status: `Import übernommen: ${report.mandates} Aufträge, ${corrections.length - failed.length} Korrekturen gespeichert.`,
    body,
  });
}
