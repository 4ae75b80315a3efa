import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Council } from '../entities/council.entity';
import { councilIdOf } from './mandate.repository';

/** The councils kept side by side, each known by its id and its short name (code). */
@Injectable()
export class CouncilRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every council, in the order they were set up. */
  async all(): Promise<Council[]> {
    return this.dataSource.manager.find(Council, { order: { id: 'ASC' } });
  }

  /** The first council set up (the default of every list); none before seeding. */
  async first(manager: EntityManager = this.dataSource.manager): Promise<Council | undefined> {
    return (await manager.find(Council, { order: { id: 'ASC' }, take: 1 }))[0];
  }

  /** The council a filter names by its short name ("itplr") or its id ("2"). */
  async named(
    value: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Council | null> {
    return manager.findOne(Council, { where: [{ code: value }, { id: councilIdOf(value) }] });
  }

  /** The council of this short name (exactly; no id). */
  async withCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Council | null> {
    return manager.findOneBy(Council, { code });
  }

  /** The short names taken. */
  async codes(manager: EntityManager): Promise<Set<string>> {
    return new Set((await manager.find(Council)).map((c) => c.code));
  }

  /** Stores a council (new, or changed where it has an id) and gives it back as stored. */
  async save(manager: EntityManager, council: Partial<Council>): Promise<Council> {
    return manager.save(Council, council);
  }

  /** One page of the councils in the order they were set up, and how many there are. */
  async page(skip: number, take: number): Promise<[Council[], number]> {
    return this.dataSource.manager.findAndCount(Council, { order: { id: 'ASC' }, skip, take });
  }

  async existsNamed(value: string): Promise<boolean> {
    return this.dataSource.getRepository(Council).exists({
      where: [{ code: value }, { id: councilIdOf(value) }],
    });
  }
}
