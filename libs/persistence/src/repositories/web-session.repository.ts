import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { WebSessionRecord } from '../entities/web-session.entity';

/** The server's record of each signed-in page session (by the hash of its id). */
@Injectable()
export class WebSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a new session; the account's expired ones (as of its `createdAt`) go at the same time. */
  async add(record: WebSessionRecord): Promise<void> {
    const records = this.dataSource.getRepository(WebSessionRecord);
    await records.delete({ userId: record.userId, expiresAt: LessThan(record.createdAt) });
    await records.insert(record);
  }

  async findBySidHash(sidHash: string): Promise<WebSessionRecord | null> {
    return this.dataSource.getRepository(WebSessionRecord).findOneBy({ sidHash });
  }

  async removeBySidHash(sidHash: string): Promise<void> {
    await this.dataSource.getRepository(WebSessionRecord).delete({ sidHash });
  }
}
