import { Body, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { OBLIGATION_STATUSES, type ObligationStatus } from '@app/domain';
import { ObligationsService, type ObligationView } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { PageRoles } from '../session/page-access.decorators';
import { statusLabel } from '../views/format';
import { obligationLabel } from './change-notice';
import { seeOther, type SeeOther } from '../page';
import { PageUser } from '../page-params.decorators';
import { localPath, wantsJson, type PageRequest } from '../web-http';

interface StatusChange {
  status?: ObligationStatus;
  note?: string;
  link?: string;
}

/** The form's fields as the service takes them, or a sentence saying what to fix. */
export function readStatusForm(body: Record<string, unknown>): StatusChange {
  const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');
  const change: StatusChange = {};
  const status = text('status');
  if (status) {
    if (!(OBLIGATION_STATUSES as readonly string[]).includes(status))
      throw new PageError(400, 'Bitte wählen Sie einen Status aus der Liste.');
    change.status = status as ObligationStatus;
  }
  const note = text('note');
  if (note.length > 4000)
    throw new PageError(400, 'Die Notiz ist zu lang; bitte höchstens 4000 Zeichen.');
  if (note) change.note = note;
  const link = text('link');
  if (link) {
    let url: URL | undefined;
    try {
      url = new URL(link);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || link.length > 1000)
      throw new PageError(
        400,
        'Der Nachweis muss eine vollständige Adresse sein, die mit https:// beginnt.',
      );
    change.link = link;
  }
  if (!change.status && !change.note && !change.link)
    throw new PageError(422, 'Bitte wählen Sie einen neuen Status oder schreiben Sie eine Notiz.');
  return change;
}

/** The answer to the pages' script, which changes a status without reloading the page. */
interface StatusChanged {
  obligationId: number;
  status: string;
  statusLabel: string;
  allowed: Array<{ value: string; label: string }>;
  message: string;
}

function describe(view: ObligationView): string {
  return obligationLabel(view.owner, view.mandate.resolution, view.mandate.point);
}

@PageController('obligations')
export class ObligationsPageController {
  constructor(private readonly obligations: ObligationsService) {}

  @PageRoles('secretariat', 'delegate')
  @Post(':id')
  async change(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @Req() request: PageRequest,
  ): Promise<StatusChanged | SeeOther> {
    const change = readStatusForm(body);
    // Read first (this also applies the member scope), so a refused step is explained in German
    // with the steps that are possible.
    const before = await this.obligations.get(id, user);
    if (change.status && change.status !== before.status) {
      if (!before.allowedTransitions.includes(change.status)) {
        const possible = before.allowedTransitions.map(statusLabel);
        throw new PageError(
          409,
          `Von „${statusLabel(before.status)}“ geht es nicht zu „${statusLabel(change.status)}“. ${possible.length ? `Möglich: ${possible.join(', ')}.` : 'Für Ihre Rolle ist hier kein Statuswechsel möglich.'}`,
        );
      }
    }
    const statusChanged = change.status !== undefined && change.status !== before.status;
    const after = await this.obligations.update(id, change, user);
    const message = statusChanged
      ? `Status für ${describe(after)} auf „${statusLabel(after.status)}“ gesetzt.`
      : `Notiz für ${describe(after)} gespeichert.`;
    if (wantsJson(request))
      return {
        obligationId: after.id,
        status: after.status,
        statusLabel: statusLabel(after.status),
        allowed: after.allowedTransitions.map((value) => ({ value, label: statusLabel(value) })),
        message,
      };
    const back = localPath(body.return, `/mandates/${after.mandate.id}`);
    const separator = back.includes('?') ? '&' : '?';
    return seeOther(
      `${back}${separator}changed=${after.id}&kind=${statusChanged ? 'status' : 'note'}`,
    );
  }
}
