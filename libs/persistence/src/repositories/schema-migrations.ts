import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The database schema's migrations, applied or reverted on request (`tracker migrate`). */
@Injectable()
export class SchemaMigrations {
  constructor(private readonly dataSource: DataSource) {}

  /** Applies the pending migrations; their names, none when the schema is up to date. */
  async apply(): Promise<string[]> {
    return (await this.dataSource.runMigrations()).map((m) => m.name);
  }

  /** Undoes the last migration applied. */
  revertLast(): Promise<void> {
    return this.dataSource.undoLastMigration();
  }
}
