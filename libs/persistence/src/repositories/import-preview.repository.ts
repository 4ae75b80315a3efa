import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import { ImportPreview } from '../entities/import-preview.entity';

/** An upload in the review queue, without its text and extraction. */
export interface QueuedImport {
  id: number;
  fileName: string;
  createdAt: string;
  committedAt: string | null;
}

const COLUMNS = { id: true, fileName: true, createdAt: true, committedAt: true } as const;

/** Reads of the uploads kept for review (import previews). */
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
}
