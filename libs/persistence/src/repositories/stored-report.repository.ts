import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StoredReport } from '../entities/stored-report.entity';

/** Reports kept for later reading: a member's status reports, session preparations. */
@Injectable()
export class StoredReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** When the kept reports of one member or session were made, newest first (at most 200). */
  async history(
    kind: string,
    subject: string,
  ): Promise<Array<Pick<StoredReport, 'id' | 'generatedAt'>>> {
    return this.dataSource.getRepository(StoredReport).find({
      where: { kind, subject },
      order: { id: 'DESC' },
      select: { id: true, generatedAt: true },
      take: 200,
    });
  }

  async findById(id: number): Promise<StoredReport | null> {
    return this.dataSource.getRepository(StoredReport).findOneBy({ id });
  }

  /** Keeps a report, and of its member's or session's only the newest `kept`; its id. */
  async keep(report: Omit<StoredReport, 'id'>, kept: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const id = (await manager.insert(StoredReport, report as never)).identifiers[0].id as number;
      const older = await manager.find(StoredReport, {
        where: { kind: report.kind, subject: report.subject },
        order: { id: 'DESC' },
        select: { id: true },
        skip: kept,
        take: 1000,
      });
      if (older.length > 0)
        await manager.delete(
          StoredReport,
          older.map((r) => r.id),
        );
      return id;
    });
  }
}
