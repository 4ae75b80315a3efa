import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether the database answers, for the health check. */
@Injectable()
export class HealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Asks the database the smallest question; fails where it does not answer. Its kind. */
  async ping(): Promise<string> {
    await this.dataSource.query('SELECT 1');
    return this.dataSource.options.type;
  }
}
