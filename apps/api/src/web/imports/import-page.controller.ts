import {
  BadRequestException,
  Body,
  Get,
  HttpException,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  UploadedFile,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { describeDue, dueOf } from '@app/domain';
import { ImportPreviewRepository } from '@app/persistence';
import {
  AlreadyImportedException,
  ImportsService,
  MandateEditsService,
  MandatesService,
  MembersService,
  RegisterOwnerDto,
  type ImportPreviewView,
  type MandateView,
} from '@app/tracking';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { allMandates } from '../mandates/all-mandates';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { germanDateTime } from '../views/format';
import { PageRoles, UploadForm } from '../session/page-access.decorators';
import { seeOther, type Page, type PageResult } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { reviewPage } from './import-review.view';
import { commitReportPage, uploadPage, type AppliedCorrection } from './import.view';
import { extractedValues, readReview, type Correction } from './review-corrections';
import { germanValidationMessages } from '../../validation-messages';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeCorrection(c: Correction): string {
  const parts: string[] = [];
  if (c.owners) parts.push(`Zuständig ${c.before.owners.join(', ')} → ${c.owners.join(', ')}`);
  if (c.due) parts.push(`Frist ${c.before.due} → ${describeDue(dueOf(c.due))}`);
  return parts.join('; ');
}

/** Upload, review side by side with the text, correct, commit: the secretariat's import queue. */
@PageRoles('secretariat')
@PageController('import')
export class ImportPageController {
  constructor(
    private readonly imports: ImportsService,
    private readonly mandates: MandatesService,
    private readonly edits: MandateEditsService,
    private readonly members: MembersService,
    private readonly previews: ImportPreviewRepository,
  ) {}

  @Get()
  async form(
    @Query('discarded') discarded: unknown,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const status =
      typeof discarded === 'string' && discarded
        ? `Der Import „${discarded}“ ist verworfen; nichts davon wurde gespeichert.`
        : undefined;
    return this.uploadPageFor(context, { status });
  }

  /** The upload form with the import queue; after a refused upload, its error and input. */
  private async uploadPageFor(
    context: WebContext,
    refused: {
      error?: { message: string; detail?: string; link?: { href: string; label: string } };
      meeting?: string;
      status?: string;
    } = {},
  ): Promise<Page> {
    return uploadPage({
      context,
      pending: await this.previews.pending(),
      committed: await this.previews.recentlyCommitted(),
      ...refused,
    });
  }

  @Post()
  @UploadForm('file')
  async upload(
    @UploadedFile() file: { originalname: string; buffer: Buffer; size: number } | undefined,
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<PageResult> {
    const meetingField = typeof body.meeting === 'string' ? body.meeting.trim() : '';
    const refuse = async (
      error: { message: string; detail?: string; link?: { href: string; label: string } },
      status = 400,
    ) => (await this.uploadPageFor(context, { error, meeting: meetingField })).withStatus(status);
    if (!file || file.size === 0)
      return refuse({
        message: 'Bitte wählen Sie eine Datei aus (Text, PDF, Word-Datei oder Webseite).',
      });
    if (meetingField && !/^\d{1,4}$/.test(meetingField))
      return refuse({ message: 'Die Sitzung ist eine Nummer, zum Beispiel 35.' });
    let preview: ImportPreviewView;
    try {
      preview = await this.imports.upload(
        file,
        meetingField ? Number(meetingField) : undefined,
        user,
      );
    } catch (error) {
      if (error instanceof AlreadyImportedException) {
        return refuse(
          {
            message: `„${file.originalname}“ ist bereits importiert am ${germanDateTime(error.importedAt)}. Ein zweiter Import änderte nichts.`,
            link: { href: `/documents/${error.documentId}`, label: 'Zum importierten Dokument' },
          },
          409,
        );
      }
      if (!(error instanceof BadRequestException)) throw error;
      return refuse({
        message: `Die Datei „${file.originalname}“ konnte nicht gelesen werden.`,
        detail: message(error),
      });
    }
    return seeOther(`/import/${preview.id}`);
  }

  @Get(':id')
  async review(
    @Param('id', ParseIntPipe) id: number,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    return this.reviewPageFor(id, context);
  }

  /** The uploaded text, for the side-by-side review. */
  private async uploadText(id: number): Promise<string> {
    const text = await this.previews.textOf(id);
    if (text === undefined) throw new NotFoundException(`Einen Import ${id} gibt es nicht.`);
    return text;
  }

  private async reviewPageFor(id: number, context: WebContext, notice?: string): Promise<Page> {
    const preview = await this.imports.get(id);
    return reviewPage({
      context,
      preview,
      text: await this.uploadText(id),
      values: preview.mandates.map(extractedValues),
      members: await this.members.list(),
      notice,
    });
  }

  @Post(':id/discard')
  async discard(
    @Param('id', ParseIntPipe) id: number,
    @PageUser() user: AuthUser,
  ): Promise<PageResult> {
    const preview = await this.imports.get(id);
    if (preview.committedAt)
      throw new PageError(
        409,
        'Dieser Import ist schon übernommen und kann nicht verworfen werden.',
      );
    await this.imports.discard(id, user);
    return seeOther(`/import?discarded=${encodeURIComponent(preview.fileName)}`);
  }

  /** Adds a new owner of the review to the registry; the review then reads it by its code. */
  @Post(':id/owners')
  async registerOwner(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const field = (name: string) =>
      typeof body[name] === 'string' ? (body[name] as string).trim() : '';
    const dto = plainToInstance(RegisterOwnerDto, {
      name: field('name'),
      code: field('code'),
      kind: field('kind') || 'working-group',
      ...(field('belongsTo') ? { belongsTo: field('belongsTo') } : {}),
    });
    const problems = germanValidationMessages(await validate(dto));
    if (problems.length > 0)
      return (
        await this.reviewPageFor(
          id,
          context,
          `„${dto.name}“ wurde nicht aufgenommen: ${problems.join('; ')}`,
        )
      ).withStatus(422);
    try {
      const added = await this.members.register(dto, user);
      return await this.reviewPageFor(
        id,
        context,
        `„${added.name}“ steht jetzt als ${added.code} im Verzeichnis${added.belongsTo ? ` (gehört zu ${added.belongsTo})` : ''}.`,
      );
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      return (
        await this.reviewPageFor(
          id,
          context,
          `„${dto.name}“ wurde nicht aufgenommen: ${message(error)}`,
        )
      ).withStatus(error.getStatus());
    }
  }

  @Post(':id/commit')
  async commit(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const preview = await this.imports.get(id);
    const review = readReview(body, preview.mandates, await this.members.list(true));
    if (review.errors.size > 0) {
      // Nothing is stored while any correction is wrong: the import and its fixes land together.
      return reviewPage({
        context,
        preview,
        text: await this.uploadText(id),
        values: review.values,
        errors: review.errors,
      }).withStatus(422);
    }
    const report = await this.imports.commit(id, user);
    const corrections = await this.applyCorrections(review.corrections, user);
    return commitReportPage({ context, report, corrections });
  }

  /**
   * The corrections, on the mandates the commit stored. They are found by decision, point and
   * ordinal, the key the ingest itself uses; each is its own correction with its own audit entry.
   */
  private async applyCorrections(
    corrections: Correction[],
    user: AuthUser,
  ): Promise<AppliedCorrection[]> {
    const stored = new Map<string, MandateView[]>();
    const applied: AppliedCorrection[] = [];
    for (const c of corrections) {
      if (!stored.has(c.resolution)) {
        const items = await allMandates(this.mandates, { resolution: c.resolution }, user);
        stored.set(
          c.resolution,
          items.sort((a, b) => a.id - b.id),
        );
      }
      const target = (stored.get(c.resolution) ?? []).filter((m) => m.point === c.point)[
        c.ordinal - 1
      ];
      const entry: AppliedCorrection = {
        resolution: c.resolution,
        point: c.point,
        mandateId: target?.id,
        text: describeCorrection(c),
      };
      if (!target) {
        applied.push({ ...entry, error: 'der Auftrag wurde nach dem Import nicht gefunden' });
        continue;
      }
      try {
        await this.edits.correct(
          target.id,
          {
            ...(c.owners ? { owners: c.owners } : {}),
            ...(c.due ? { due: c.due } : {}),
            note: 'bei der Durchsicht des Imports korrigiert',
          },
          user,
        );
        applied.push(entry);
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        applied.push({ ...entry, error: message(error) });
      }
    }
    return applied;
  }
}
