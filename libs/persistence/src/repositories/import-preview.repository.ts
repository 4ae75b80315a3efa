import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { ImportPreview } from '../entities/import-preview.entity';
import { SourceDocument } from '../entities/source-document.entity';

/** An upload in the review queue, without its text and extraction. */
export interface QueuedImport {
  id: number;
  fileName: string;
  createdAt: string;
  committedAt: string | null;
}

const COLUMNS = { id: true, fileName: true, createdAt: true, committedAt: true } as const;

/** The uploads kept for review (import previews): the queue, a review, its commit or discard. */
@Injectable()
export class ImportPreviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Uploads not committed yet, newest first (at most 50). */
  pending(): Promise<QueuedImport[]> {
    return this.dataSource.getRepository(ImportPreview).find({
      select: COLUMNS,
      where: { committedAt: IsNull() },
      order: { id: 'DESC' },
      take: 50,
    });
  }

  /** The last ten uploads committed. */
  recentlyCommitted(): Promise<QueuedImport[]> {
    return this.dataSource.getRepository(ImportPreview).find({
      select: COLUMNS,
      where: { committedAt: Not(IsNull()) },
      order: { committedAt: 'DESC' },
      take: 10,
    });
  }

  /** An upload's text (for the side-by-side review); undefined when there is no such upload. */
  async textOf(id: number): Promise<string | undefined> {
    const preview = await this.dataSource
      .getRepository(ImportPreview)
      .findOne({ select: { id: true, text: true }, where: { id } });
    return preview?.text;
  }

  async findById(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ImportPreview | null> {
    return manager.findOneBy(ImportPreview, { id });
  }

  /** The id of an upload of this text waiting for review, read for the same session. */
  async waitingWith(text: string, meeting: number | null): Promise<number | undefined> {
    const waiting = await this.dataSource.getRepository(ImportPreview).findOne({
      select: { id: true },
      where: { text, meeting: meeting ?? IsNull(), committedAt: IsNull() },
    });
    return waiting?.id;
  }

  /** The stored document of this text (by its fingerprint), if it was ingested already. */
  async storedDocument(sha256: string): Promise<Pick<SourceDocument, 'id' | 'ingestedAt'> | null> {
    return this.dataSource
      .getRepository(SourceDocument)
      .findOne({ select: { id: true, ingestedAt: true }, where: { sha256 } });
  }

  /** Keeps an upload for review; its id. */
  async add(preview: Omit<ImportPreview, 'id'>): Promise<number> {
    return (await this.dataSource.getRepository(ImportPreview).insert(preview)).identifiers[0]
      .id as number;
  }

  /**
   * Marks an upload committed unless it is already: of two commits sent at once only one gets
   * true. `release` gives the claim back (the ingest failed).
   */
  async claim(id: number, committedAt: string): Promise<boolean> {
    const claimed = await this.dataSource
      .getRepository(ImportPreview)
      .update({ id, committedAt: IsNull() }, { committedAt });
    return claimed.affected !== 0;
  }

  async release(id: number, committedAt: string): Promise<void> {
    await this.dataSource
      .getRepository(ImportPreview)
      .update({ id, committedAt }, { committedAt: null });
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(ImportPreview, id);
  }
}
