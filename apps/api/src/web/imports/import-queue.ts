import { Injectable, NotFoundException } from '@nestjs/common';
import { ImportPreview } from '@app/persistence';
import { DataSource, IsNull, Not } from 'typeorm';

export interface QueuedImport {
  id: number;
  fileName: string;
  createdAt: string;
  committedAt: string | null;
}

const COLUMNS = { id: true, fileName: true, createdAt: true, committedAt: true } as const;

/**
 * What the import pages read besides ImportsService: the review queue (uploads not yet
 * committed) and an upload's text for the side-by-side view, which the service's preview
 * does not carry.
 */
@Injectable()
export class ImportQueue {
  constructor(private readonly dataSource: DataSource) {}

  async pending(): Promise<QueuedImport[]> {
    return this.dataSource.getRepository(ImportPreview).find({
      select: COLUMNS,
      where: { committedAt: IsNull() },
      order: { id: 'DESC' },
      take: 50,
    });
  }

  async recentlyCommitted(): Promise<QueuedImport[]> {
    return this.dataSource.getRepository(ImportPreview).find({
      select: COLUMNS,
      where: { committedAt: Not(IsNull()) },
      order: { committedAt: 'DESC' },
      take: 10,
    });
  }

  async text(id: number): Promise<string> {
    const preview = await this.dataSource
      .getRepository(ImportPreview)
      .findOne({ select: { id: true, text: true }, where: { id } });
    if (!preview) throw new NotFoundException(`Einen Import ${id} gibt es nicht.`);
    return preview.text;
  }
}
