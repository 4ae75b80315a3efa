import { germanDate, utcDay } from '@app/domain';
import { createHash } from 'node:crypto';
import { describeDecidedIn } from '@app/follow-up';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import { toContractJson, type Extraction } from '@app/extraction';
import { IngestService, InputError, type IngestReport } from '@app/ingest';
import {
  ImportPreviewRepository,
  MandateRepository,
  Transactions,
  type ImportPreview,
  type Mandate,
} from '@app/persistence';

export interface ImportPreviewView {
  id: number;
  fileName: string;
  /** The council session the text states; null for a special session and the like. */
  meeting: number | null;
  /** Where the decisions were taken, in words ("34. Sitzung", "Sondersitzung am 08.02.2018"). */
  decidedIn: string;
  format: string;
  extraction: object;
  /** In document order; each says why it was taken (`basis`) and what to check (`uncertain`). */
  mandates: Extraction['mandates'];
  /** Indexes into `mandates`, the ones to check first: uncertain readings and new owners. */
  reviewOrder: number[];
  /** Owners the registry does not know yet, to add with a code (POST /api/members). */
  newOwners: string[];
  /** Points that ask someone but yielded no mandate: to read before committing. */
  possibleMisses: Extraction['possibleMisses'];
  /** Why the text's shape was not recognised (German), null where it was. */
  shapeDoubt: string | null;
  /** Links to earlier decisions the commit will propose (see /api/links), with their sentences. */
  links: Array<{
    from: string;
    point: number | null;
    sentence: string;
    to: string;
    kind: string;
    explicit: boolean;
    reason: string;
    earlier: Array<{ mandateId: number; point: number; owners: string[]; source: string }>;
  }>;
  committedAt: string | null;
}

/** A text that is stored already: the upload names the document instead of a second preview. */
export class AlreadyImportedException extends ConflictException {
  constructor(
    readonly documentId: number,
    readonly importedAt: string,
    fileName: string,
  ) {
    super({
      statusCode: 409,
      message: `„${fileName}“ ist bereits importiert am ${germanDate(utcDay(importedAt))} (Dokument ${documentId}); ein zweiter Import änderte nichts.`,
      documentId,
      importedAt,
    });
  }
}

/** Upload, preview, commit: the same rules as `tracker ingest`, with a look before storing. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly previews: ImportPreviewRepository,
    private readonly mandates: MandateRepository,
    private readonly transactions: Transactions,
    private readonly ingest: IngestService,
    private readonly audit: AuditService,
  ) {}

  async upload(
    file: { originalname: string; buffer: Buffer },
    meeting: number | undefined,
    user: AuthUser,
  ): Promise<ImportPreviewView> {
    const text = await this.read(() => this.ingest.readUpload(file.originalname, file.buffer));
    // The same text as a stored document (the ingest's own fingerprint): nothing to review.
    const sha256 = createHash('sha256').update(text).digest('hex');
    const stored = await this.previews.storedDocument(sha256);
    if (stored) throw new AlreadyImportedException(stored.id, stored.ingestedAt, file.originalname);
    // The same text waiting for review (read for the same session): that preview, not a second
    // one. Given another session, it is read anew.
    const waiting = await this.previews.waitingWith(text, meeting ?? null);
    if (waiting !== undefined) return this.get(waiting);
    const extraction = await this.read(() =>
      this.ingest.preview(text, file.originalname, { meeting }),
    );
    const row = {
      userId: user.id,
      fileName: file.originalname,
      text,
      meeting: meeting ?? null,
      createdAt: new Date().toISOString(),
      committedAt: null,
    };
    const id = await this.previews.add(row);
    return this.view({ id, ...row }, extraction, await this.links(text, extraction, meeting));
  }

  async get(id: number): Promise<ImportPreviewView> {
    const preview = await this.find(id);
    const extraction = await this.read(() =>
      this.ingest.preview(preview.text, preview.fileName, {
        meeting: preview.meeting ?? undefined,
      }),
    );
    return this.view(
      preview,
      extraction,
      preview.committedAt
        ? []
        : await this.links(preview.text, extraction, preview.meeting ?? undefined),
    );
  }

  /** What the commit would link to, with the earlier mandates' sentences. */
  private async links(
    text: string,
    extraction: Extraction,
    meeting: number | undefined,
  ): Promise<ImportPreviewView['links']> {
    const found = await this.ingest.previewLinks(text, extraction, { meeting });
    const ids = [...new Set(found.flatMap((l) => l.mandates.map(Number)))];
    const mandates = await this.mandates.findByIds(ids);
    const byId = new Map(mandates.map((m) => [m.id, m]));
    return found.map((l) => ({
      from: l.from,
      point: l.point,
      sentence: l.sentence,
      to: l.to,
      kind: l.kind,
      explicit: l.explicit,
      reason: l.reason,
      earlier: l.mandates
        .map((id) => byId.get(Number(id)))
        .filter((m): m is Mandate => m !== undefined)
        .map((m) => ({ mandateId: m.id, point: m.point, owners: m.owners, source: m.source })),
    }));
  }

  async commit(id: number, user: AuthUser): Promise<IngestReport> {
    const preview = await this.find(id);
    if (preview.committedAt)
      throw new ConflictException(
        `Der Import ${id} wurde schon übernommen (${preview.committedAt}).`,
      );
    // Claimed before the ingest, in one conditional write: of two commits sent at once only one
    // goes on. A failed ingest gives the claim back.
    const committedAt = new Date().toISOString();
    if (!(await this.previews.claim(id, committedAt)))
      throw new ConflictException(
        `Der Import ${id} wird gerade übernommen oder ist schon übernommen.`,
      );
    let report: IngestReport;
    try {
      report = await this.read(() =>
        this.ingest.ingestText(preview.text, preview.fileName, {
          meeting: preview.meeting ?? undefined,
        }),
      );
    } catch (error) {
      await this.previews.release(id, committedAt);
      throw error;
    }
    await this.audit.record(user, {
      action: 'import.commit',
      entity: 'import',
      entityId: id,
      after: { ...report, file: preview.fileName, changes: report.changes.slice(0, 50) },
    });
    return report;
  }

  /** Throws away an upload that was not committed; a committed one stays (409). */
  async discard(id: number, user: AuthUser): Promise<void> {
    await this.transactions.run(async (manager) => {
      const preview = await this.previews.findById(id, manager);
      if (!preview) throw new NotFoundException(`Einen Import ${id} gibt es nicht.`);
      if (preview.committedAt)
        throw new ConflictException(
          `Der Import ${id} ist schon übernommen und kann nicht mehr verworfen werden.`,
        );
      await this.previews.remove(manager, id);
      await this.audit.record(
        user,
        {
          action: 'import.discard',
          entity: 'import',
          entityId: id,
          before: { file: preview.fileName },
        },
        manager,
      );
    });
  }

  private async find(id: number): Promise<ImportPreview> {
    const preview = await this.previews.findById(id);
    if (!preview) throw new NotFoundException(`Einen Import ${id} gibt es nicht.`);
    return preview;
  }

  /** Problems with the upload are the user's to fix: 400 with the file and the problem. */
  private async read<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof InputError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  private view(
    preview: Omit<ImportPreview, 'text'> & { text?: string },
    extraction: Extraction,
    links: ImportPreviewView['links'],
  ): ImportPreviewView {
    return {
      id: preview.id,
      fileName: preview.fileName,
      meeting: extraction.meeting.body ? null : (extraction.meeting.number ?? null),
      decidedIn: describeDecidedIn({
        number: extraction.meeting.number ?? null,
        kind: extraction.meeting.kind,
        body: extraction.meeting.body,
        date: extraction.meeting.date ?? null,
      }),
      format: extraction.format,
      extraction: toContractJson(extraction),
      mandates: extraction.mandates,
      reviewOrder: reviewOrder(extraction.mandates),
      newOwners: extraction.newOwners,
      possibleMisses: extraction.possibleMisses,
      shapeDoubt: extraction.shapeDoubt ?? null,
      links,
      committedAt: preview.committedAt,
    };
  }
}

/** Flagged mandates first (uncertain readings, new owners), each group in document order. */
export function reviewOrder(mandates: Extraction['mandates']): number[] {
  const flagged = (m: Extraction['mandates'][number]) =>
    m.uncertain.length > 0 || m.newOwners.length > 0;
  const indexes = mandates.map((_, i) => i);
  return [
    ...indexes.filter((i) => flagged(mandates[i])),
    ...indexes.filter((i) => !flagged(mandates[i])),
  ];
}
