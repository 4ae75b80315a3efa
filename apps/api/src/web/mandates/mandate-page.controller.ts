import {
  Body,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import {
  MandateEditsService,
  MandatesService,
  ResolutionsService,
  type ResolutionDetail,
} from '@app/tracking';
import { changeNotice, obligationLabel } from '../obligations/change-notice';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { PageRoles } from '../session/page-access.decorators';
import { seeOther, type Page, type SeeOther } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import { returnPath, type PageRequest, type WebContext } from '../web-http';
import { mandateDetailPage, visibleObligations } from './mandate-detail.view';
import { changedFields, readMandateForm } from './mandate-form';

/** What the last form on the page did, as the notice says it. */
const DONE: Record<string, string> = {
  created: 'Der Auftrag wurde angelegt; jeder Zuständige hat eine offene Pflicht.',
  edited: 'Die Änderungen wurden gespeichert.',
  withdrawn: 'Der Auftrag wurde zurückgezogen.',
};

@PageController('mandates')
export class MandatePageController {
  constructor(
    private readonly mandates: MandatesService,
    private readonly edits: MandateEditsService,
    private readonly resolutions: ResolutionsService,
  ) {}

  @Get(':id')
  async detail(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
    @Req() request: PageRequest,
  ): Promise<Page> {
    const mandate = await this.mandates.detail(id, user);
    let resolution: ResolutionDetail | undefined;
    try {
      resolution = await this.resolutions.find(String(mandate.resolutionId), user);
    } catch (error) {
      // The mandate is worth showing without its decision's text.
      if (!(error instanceof NotFoundException)) throw error;
    }
    const labelled = visibleObligations(mandate.obligations, user).map((o) => ({
      ...o,
      label: obligationLabel(o.owner, mandate.resolution, mandate.point),
    }));
    const done = typeof query.done === 'string' ? DONE[query.done] : undefined;
    return mandateDetailPage({
      context,
      user,
      mandate,
      resolution,
      status: done ?? changeNotice(query, labelled),
      returnTo: returnPath(request),
    });
  }

  /** A mandate added by hand to a stored decision (secretariat). */
  @PageRoles('secretariat')
  @Post()
  async create(
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const resolution = typeof body.resolution === 'string' ? body.resolution.trim() : '';
    if (!resolution) throw new PageError(400, 'Bitte wählen Sie den Beschluss aus.');
    const form = readMandateForm(body);
    const created = await this.edits.create(
      { resolution, ...form, source: form.source || undefined },
      user,
    );
    return seeOther(`/mandates/${created.id}?done=created`);
  }

  /** Every field of a mandate corrected (secretariat). */
  @PageRoles('secretariat')
  @Post(':id')
  async edit(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const form = readMandateForm(body);
    const note = typeof body.note === 'string' ? body.note.trim().slice(0, 2000) : '';
    const current = await this.mandates.detail(id, user);
    await this.edits.correct(id, changedFields(current, form, note), user);
    return seeOther(`/mandates/${id}?done=edited`);
  }

  /** A wrong mandate withdrawn, with the reason (secretariat). */
  @PageRoles('secretariat')
  @Post(':id/withdraw')
  async withdraw(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason)
      throw new PageError(400, 'Bitte geben Sie an, warum der Auftrag zurückgezogen wird.');
    if (reason.length > 2000)
      throw new PageError(400, 'Der Grund ist zu lang; bitte höchstens 2000 Zeichen.');
    await this.edits.withdraw(id, { reason }, user);
    return seeOther(`/mandates/${id}?done=withdrawn`);
  }
}
