import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Setting } from '../entities/setting.entity';

/** The installation's settings kept in the database (e.g. its secret keys). */
@Injectable()
export class SettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The setting's value; undefined where none is stored. */
  async value(
    key: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    return (await manager.findOneBy(Setting, { key }))?.value;
  }

  /** Stores the setting's value, unless it is stored already. */
  async put(
    key: string,
    value: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const stored = await manager.findOneBy(Setting, { key });
    if (stored?.value !== value) await manager.save(Setting, { key, value });
  }

  /**
   * The setting's value; made with `create` and stored first when there is none. Two processes
   * starting together may both try: the first insert wins and both read it.
   */
  async valueOrCreate(key: string, create: () => string): Promise<string> {
    const settings = this.dataSource.getRepository(Setting);
    const existing = (await settings.findOneBy({ key }))?.value;
    if (existing) return existing;
    await settings
      .createQueryBuilder()
      .insert()
      .values({ key, value: create() })
      .orIgnore()
      .execute();
    return (await settings.findOneByOrFail({ key })).value;
  }
}
