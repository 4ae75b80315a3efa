import { Get, Query } from '@nestjs/common';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITIES, AuditService } from '@app/audit';
import { PageController } from '../page-controller.decorator';
import { PageRoles } from '../session/page-access.decorators';
import type { Page } from '../page';
import { PageContext } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { auditPage, type AuditPageFilter } from './audit.view';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const one = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** What is wrong with the filters, in German; undefined when nothing is. */
function filterProblem(filter: AuditPageFilter, page: string): string | undefined {
  if (filter.action && !(filter.action in AUDIT_ACTION_LABELS))
    return `Die Aktion „${filter.action}“ gibt es nicht. Bitte wählen Sie eine aus der Liste.`;
  if (filter.entity && !(AUDIT_ENTITIES as readonly string[]).includes(filter.entity))
    return `„${filter.entity}“ ist keine Art von Eintrag. Bitte wählen Sie eine aus der Liste.`;
  for (const [name, value] of [
    ['Von', filter.from],
    ['Bis', filter.to],
  ] as const)
    if (value && (!DAY.test(value) || Number.isNaN(Date.parse(value))))
      return `„${value}“ im Feld „${name}“ ist kein Tag (Form JJJJ-MM-TT).`;
  if (filter.actor.length > 320) return 'Die E-Mail-Adresse ist zu lang.';
  if (filter.entityId.length > 60) return 'Die Nummer des Eintrags ist zu lang.';
  if (page && !/^[1-9]\d{0,5}$/.test(page)) return `„${page}“ ist keine Seitenzahl.`;
  return undefined;
}

/** The audit trail for the secretariat: who did what to which entry, when; filtered and paged. */
@PageController('audit')
@PageRoles('secretariat')
export class AuditPageController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async show(
    @Query() raw: Record<string, unknown>,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const filter: AuditPageFilter = {
      actor: one(raw.actor),
      action: one(raw.action),
      entity: one(raw.entity),
      entityId: one(raw.entityId),
      from: one(raw.from),
      to: one(raw.to),
    };
    const page = one(raw.page);
    const error = filterProblem(filter, page);
    if (error) return auditPage({ context, filter, error }).withStatus(400);
    const result = await this.audit.list({
      actor: filter.actor || undefined,
      action: filter.action || undefined,
      entity: filter.entity || undefined,
      entityId: filter.entityId || undefined,
      from: filter.from ? `${filter.from}T00:00:00.000Z` : undefined,
      to: filter.to ? `${filter.to}T23:59:59.999Z` : undefined,
      page: page ? Number(page) : 1,
      pageSize: PAGE_SIZE,
    });
    return auditPage({ context, filter, result });
  }
}
