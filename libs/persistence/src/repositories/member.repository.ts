import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Member, MEMBER_KINDS } from '../entities/member.entity';

/** The registry of a council's members and the other owners mandates name. */
@Injectable()
export class MemberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every registry entry of every council. */
  async all(): Promise<Member[]> {
    return this.dataSource.getRepository(Member).find();
  }

  /** Every registry entry of every council, in the order they were made. */
  async allInOrder(): Promise<Member[]> {
    return this.dataSource.getRepository(Member).find({ order: { id: 'ASC' } });
  }

  /** The entries of these ids (in no particular order); none asked, none read. */
  async byIds(ids: number[]): Promise<Member[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(Member).findBy({ id: In(ids) });
  }

  /** The active entries: the council's members, or with `all` every owner (bodies too). */
  async active(all: boolean, councilId?: number): Promise<Member[]> {
    const council = councilId === undefined ? {} : { councilId };
    return this.dataSource.getRepository(Member).find({
      where: all
        ? { active: true, ...council }
        : { active: true, kind: In([...MEMBER_KINDS]), ...council },
      order: { id: 'ASC' },
    });
  }

  /** A member by its code; with a council, that council's, else the first council's. */
  async byCode(code: string, councilId?: number): Promise<Member | null> {
    return this.dataSource.getRepository(Member).findOne({
      where: councilId === undefined ? { code } : { code, councilId },
      order: { councilId: 'ASC' },
    });
  }

  async findById(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Member | null> {
    return manager.findOneBy(Member, { id });
  }

  /** A member of this code in any council. */
  async anyByCode(code: string, manager: EntityManager): Promise<Member | null> {
    return manager.findOneBy(Member, { code });
  }

  /** Some council has a member of this code. */
  async existsCode(code: string): Promise<boolean> {
    return this.dataSource.getRepository(Member).existsBy({ code });
  }

  /** Every registry entry of a council. */
  async ofCouncil(manager: EntityManager, councilId: number): Promise<Member[]> {
    return manager.findBy(Member, { councilId });
  }

  /** A council's registry entry by its code. */
  async inCouncil(manager: EntityManager, councilId: number, code: string): Promise<Member | null> {
    return manager.findOneBy(Member, { councilId, code });
  }

  async update(manager: EntityManager, id: number, values: Partial<Member>): Promise<void> {
    await manager.update(Member, id, values);
  }

  /** Adds an entry to the registry; its id. */
  async add(
    manager: EntityManager,
    member: Omit<Member, 'id' | 'belongsTo'> & Partial<Pick<Member, 'belongsTo'>>,
  ): Promise<number> {
    return (await manager.insert(Member, member)).identifiers[0].id as number;
  }
}
