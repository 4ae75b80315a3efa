import {
  JOB_LABELS,
  JOB_STATE_LABELS as STATE_LABELS,
  jobLabel,
  jobStateLabel,
  type JobInfo,
  type JobName,
  type PlannedDigest,
  type UndeliveredDigest,
} from '@app/jobs';
import { digestPeriodStart } from '@app/follow-up';
import type { WebContext } from '../web-http';
import { germanDateTime, plural } from '../views/format';
import { dataTable } from '../views/data-table';
import { html, type Html } from '../views/html';
import { csrfField, layout } from '../views/layout';
import type { Page } from '../page';

/** The button that starts it now. */
const RUN_LABELS: Record<JobName, string> = {
  'overdue-scan': 'Überfälligkeit jetzt prüfen',
  'member-reports': 'Statusberichte jetzt erstellen',
  'digests-weekly': 'Wöchentliche Übersichten jetzt senden',
  'digests-daily': 'Tägliche Übersichten jetzt senden',
  'report-notices': 'Meldungen an die Geschäftsstelle jetzt senden',
  reminders: 'Erinnerungen an Fristen jetzt senden',
  'oparl-sync': 'OParl-Quellen jetzt abgleichen',
};

/** A run's result in words, from what the handlers return. */
function resultText(job: JobInfo): string {
  const r = (job.result ?? {}) as Record<string, unknown>;
  if (job.name === 'overdue-scan' && typeof r.flagged === 'number')
    return `${r.flagged} neu überfällig, ${String(r.lifted)} nicht mehr überfällig`;
  if (job.name === 'member-reports' && typeof r.reports === 'number')
    return `${plural(r.reports, 'Bericht', 'Berichte')} erstellt`;
  if (job.name.startsWith('digests-') && typeof r.sent === 'number') {
    const office = r.secretariat as { sent?: number } | undefined;
    const overview =
      typeof office?.sent === 'number'
        ? `; Wochenübersicht der Geschäftsstelle: ${office.sent} gesendet`
        : '';
    return `Zeitraum ${String(r.period)}: ${r.sent} gesendet, ${String(r.alreadySent)} schon zuvor gesendet${overview}`;
  }
  if (job.name === 'reminders' && typeof r.sent === 'number')
    return `${plural(Number(r.due), 'Frist', 'Fristen')} in den nächsten ${String(r.leadDays)} Tagen: ${r.sent} Erinnerungen gesendet, ${String(r.alreadySent)} schon zuvor gesendet`;
  if (job.name === 'report-notices' && typeof r.sent === 'number')
    return `${plural(Number(r.reports), 'Meldung', 'Meldungen')}: ${r.sent} E-Mails gesendet`;
  if (job.name === 'oparl-sync' && Array.isArray(r.sources))
    return (r.sources as Array<{ url: string; meetings: number; texts: Record<string, number> }>)
      .map(
        (s) =>
          `${s.url}: ${plural(s.meetings, 'Sitzung', 'Sitzungen')} gelesen, ${plural(s.texts.created, 'Text', 'Texte')} neu, ${s.texts.updated} geändert`,
      )
      .join('; ');
  return '';
}

function runForms(context: WebContext, names: readonly JobName[]): Html {
  return html`<div class="actions">
    ${names.map(
      (name) =>
        html`<form method="post" action="/jobs/run" class="inline-form">
          ${csrfField(context)}
          <input type="hidden" name="job" value="${name}" />
          <button type="submit">${RUN_LABELS[name]}</button>
        </form>`,
    )}
    <form method="post" action="/jobs/dry-run" class="inline-form">
      ${csrfField(context)}
      <button type="submit" class="secondary">Probelauf: wöchentliche Übersichten ansehen</button>
    </form>
  </div>`;
}

function dryRunSection(planned: PlannedDigest[] | undefined): Html | string {
  if (!planned) return '';
  return html`<section aria-labelledby="dry-run-title">
    <h2 id="dry-run-title">Probelauf: ${plural(planned.length, 'Übersicht', 'Übersichten')}</h2>
    <p>Gesendet wurde nichts. So gingen die wöchentlichen Übersichten jetzt hinaus:</p>
    ${
      planned.length
        ? dataTable({
            id: 'dry-run',
            caption: 'Geplante E-Mail-Übersichten',
            columns: ['Mitglied', 'Empfänger', 'Betreff'],
            items: planned,
            row: (p) =>
              html`<tr>
                <th scope="row">${p.member}</th>
                <td>${p.recipient}</td>
                <td>${p.digest.subject}</td>
              </tr>`,
          })
        : html`<p>Niemand bekäme jetzt eine Übersicht.</p>`
    }
  </section>`;
}

function undeliveredSection(context: WebContext, rows: UndeliveredDigest[]): Html {
  // Only digest periods can be sent again from here; a notice or a reminder is sent again by its
  // job's own next run.
  const periods = [...new Set(rows.map((r) => r.period))].filter(
    (period) => digestPeriodStart(period) !== null,
  );
  const others = rows.some((r) => digestPeriodStart(r.period) === null);
  return html`<section aria-labelledby="undelivered-title">
    <h2 id="undelivered-title">Nicht zugestellte E-Mail-Übersichten (${rows.length})</h2>
    ${
      rows.length
        ? html`<p>
              Erneut senden schickt jede noch nicht zugestellte Übersicht des Zeitraums genau
              einmal; was schon angekommen ist, geht nicht noch einmal hinaus.
            </p>
            ${
              others
                ? html`<p>
                    Hinweise an die Geschäftsstelle und Erinnerungen an Fristen sendet der nächste
                    Lauf ihres Ablaufs erneut.
                  </p>`
                : ''
            }
            <div class="actions">
              ${periods.map(
                (period) =>
                  html`<form method="post" action="/jobs/digests/retry" class="inline-form">
                    ${csrfField(context)}
                    <input type="hidden" name="period" value="${period}" />
                    <button type="submit">Zeitraum ${period} erneut senden</button>
                  </form>`,
              )}
            </div>
            ${dataTable({
              id: 'undelivered',
              caption: 'Nicht zugestellte E-Mail-Übersichten mit dem Grund',
              columns: [
                'Mitglied',
                'Empfänger',
                'Zeitraum',
                { label: 'Versuche', number: true },
                'Grund',
              ],
              items: rows,
              row: (r) =>
                html`<tr>
                  <th scope="row">${r.member}</th>
                  <td>${r.recipient}</td>
                  <td>${r.period}</td>
                  <td class="number">${r.attempts}</td>
                  <td>${r.reason}</td>
                </tr>`,
            })}`
        : html`<p>Alle E-Mail-Übersichten wurden zugestellt.</p>`
    }
  </section>`;
}

function runsSection(context: WebContext, runs: JobInfo[]): Html {
  return html`<section aria-labelledby="runs-title">
    <h2 id="runs-title">Letzte Läufe</h2>
    ${
      runs.length
        ? dataTable({
            id: 'runs',
            caption: 'Letzte Läufe, neueste zuerst',
            columns: [
              'Nr.',
              'Ablauf',
              'Stand',
              { label: 'Versuche', number: true },
              'Begonnen',
              'Beendet',
              'Ergebnis oder Grund',
              'Aktion',
            ],
            items: runs,
            row: (job) =>
              html`<tr data-job="${job.id}">
                <th scope="row">${job.id}</th>
                <td>${jobLabel(job.name)}</td>
                <td>
                  ${
                    job.state === 'failed'
                      ? html`<strong class="overdue">${STATE_LABELS.failed}</strong>`
                      : jobStateLabel(job.state)
                  }
                </td>
                <td class="number">${job.attempts}</td>
                <td>${germanDateTime(job.createdAt)}</td>
                <td>${job.finishedAt ? germanDateTime(job.finishedAt) : ''}</td>
                <td>${job.failedReason ?? resultText(job)}</td>
                <td>
                  ${
                    job.state === 'failed'
                      ? html`<form method="post" action="/jobs/${job.id}/retry" class="inline-form">
                          ${csrfField(context)}
                          <button type="submit" aria-label="Lauf ${job.id} erneut versuchen">
                            Erneut versuchen
                          </button>
                        </form>`
                      : ''
                  }
                </td>
              </tr>`,
          })
        : html`<p>Noch kein Lauf.</p>`
    }
  </section>`;
}

function scheduleSection(
  schedules: Array<{ name: JobName; next?: string }>,
  mode: 'redis' | 'in-process',
): Html {
  return html`<section aria-labelledby="schedule-title">
    <h2 id="schedule-title">Zeitplan</h2>
    <p>
      ${
        mode === 'redis'
          ? 'Die Abläufe laufen in eigenen Hintergrundprozessen; ein Start von hier reiht sich dort ein wie ein geplanter Lauf.'
          : 'Die Abläufe laufen im Server selbst, einer nach dem anderen; ein Start von hier reiht sich ein wie ein geplanter Lauf.'
      }
    </p>
    <ul class="plain">
      ${schedules.map(
        (s) =>
          html`<li>
            ${JOB_LABELS[s.name]}:
            ${s.next ? `nächster Lauf ${germanDateTime(s.next)}` : 'kein Lauf geplant'}
          </li>`,
      )}
    </ul>
  </section>`;
}

export function jobsPage(options: {
  context: WebContext;
  names: readonly JobName[];
  runs: JobInfo[];
  undelivered: UndeliveredDigest[];
  schedules: Array<{ name: JobName; next?: string }>;
  mode: 'redis' | 'in-process';
  dryRun?: PlannedDigest[];
  status?: string;
}): Page {
  const body = html`<h1>Abläufe</h1>
    <p>
      Was der Server regelmäßig von selbst erledigt: die Prüfung, was überfällig ist, die
      Statusberichte und die E-Mail-Übersichten. Hier lässt sich jeder Ablauf sofort starten, und
      was fehlschlug, steht hier mit dem Grund.
    </p>
    <section aria-labelledby="run-title">
      <h2 id="run-title">Jetzt starten</h2>
      ${runForms(options.context, options.names)}
    </section>
    ${dryRunSection(options.dryRun)} ${undeliveredSection(options.context, options.undelivered)}
    ${runsSection(options.context, options.runs)}
    ${scheduleSection(options.schedules, options.mode)}`;
  return layout({
    title: 'Abläufe',
    context: options.context,
    current: 'jobs',
    status: options.status,
    body,
    wide: true,
  });
}
