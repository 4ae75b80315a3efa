import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITIES,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  type AuditEntity,
  type AuditPage,
} from '@app/audit';
import type { AuditEvent } from '@app/persistence';
import type { WebContext } from '../web-http';
import { germanDateTime } from '../views/format';
import { dataTable } from '../views/data-table';
import { html, type HtmlValue } from '../views/html';
import { inputField, selectField } from '../views/form-fields';
import { layout } from '../views/layout';
import type { Page } from '../page';

/** The filters as the form holds them (dates as YYYY-MM-DD). */
export interface AuditPageFilter {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
}

/** Where an entry's subject can be looked at, when it has a page. */
const ENTITY_PAGES: Partial<Record<AuditEntity, string>> = {
  mandate: '/mandates/',
  user: '/users/',
  meeting: '/sessions/',
};

function subject(event: AuditEvent): HtmlValue {
  const label = AUDIT_ENTITY_LABELS[event.entity as AuditEntity] ?? 'Sonstiges';
  if (!event.entityId) return label;
  const page = ENTITY_PAGES[event.entity as AuditEntity];
  const text = `${label} ${event.entityId}`;
  return page && /^\d+$/.test(event.entityId)
    ? html`<a href="${page}${event.entityId}">${text}</a>`
    : text;
}

function query(filter: AuditPageFilter, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/audit?${text}` : '/audit';
}

export function auditPage(options: {
  context: WebContext;
  filter: AuditPageFilter;
  result?: AuditPage;
  error?: string;
}): Page {
  const { filter, result } = options;
  const form = html`<form
    method="get"
    action="/audit"
    class="filters"
    aria-label="Protokoll filtern"
  >
    ${inputField({
      id: 'audit-actor',
      name: 'actor',
      label: 'Wer (E-Mail-Adresse)',
      value: filter.actor,
    })}
    ${selectField({
      id: 'audit-action',
      name: 'action',
      label: 'Was',
      choices: [
        { value: '', label: 'alles' },
        ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
      ],
      current: filter.action,
    })}
    ${selectField({
      id: 'audit-entity',
      name: 'entity',
      label: 'Betrifft',
      choices: [
        { value: '', label: 'alles' },
        ...AUDIT_ENTITIES.map((e) => ({ value: e, label: AUDIT_ENTITY_LABELS[e] })),
      ],
      current: filter.entity,
    })}
    ${filter.entityId ? html`<input type="hidden" name="entityId" value="${filter.entityId}" />` : ''}
    ${inputField({
      id: 'audit-from',
      name: 'from',
      label: 'Von (Tag)',
      type: 'date',
      value: filter.from,
    })}
    ${inputField({ id: 'audit-to', name: 'to', label: 'Bis (Tag)', type: 'date', value: filter.to })}
    <div class="actions"><button type="submit">Anzeigen</button></div>
  </form>`;
  let list: HtmlValue = '';
  if (result) {
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    list = html`${dataTable({
        caption: `${result.total} Einträge${pages > 1 ? `, Seite ${result.page} von ${pages}` : ''}`,
        columns: ['Zeit', 'Wer', 'Was', 'Betrifft'],
        items: result.items,
        row: (e) =>
          html`<tr>
            <td>${germanDateTime(e.at)}</td>
            <td>
              ${e.actor === 'system' ? 'System' : e.actor === 'anonymous' ? 'nicht angemeldet' : e.actor}
            </td>
            <td>${auditActionLabel(e.action)}</td>
            <td>${subject(e)}</td>
          </tr>`,
      })}
      <nav aria-label="Seiten des Protokolls" class="pager">
        ${result.page > 1 ? html`<a href="${query(filter, result.page - 1)}">Neuere Einträge</a>` : ''}
        ${result.page < pages ? html`<a href="${query(filter, result.page + 1)}">Ältere Einträge</a>` : ''}
      </nav>`;
  }
  return layout({
    title: 'Protokoll',
    context: options.context,
    current: 'audit',
    wide: true,
    body: html`<h1>Protokoll</h1>
      <p>Jede Änderung und jeder verweigerte Zugriff, die neuesten zuerst.</p>
      ${form}
      ${options.error ? html`<div class="notice notice-error" role="alert"><p>${options.error}</p></div>` : ''}
      ${list}`,
  });
}
