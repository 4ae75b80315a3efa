import { Injectable } from '@nestjs/common';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { User, type DigestFrequency } from '../entities/user.entity';
import { StatementCache } from './statement-cache';

/** The accounts: who signs in, with which role, for which member. */
/** What a request signs in as: the account's columns that make its `AuthUser` and void old credentials. */
export type SignInAccount = Pick<
  User,
  'id' | 'email' | 'name' | 'role' | 'memberId' | 'credentialsChangedAt'
>;

@Injectable()
export class UserRepository {
  /** The statement every request signs in with, built once. */
  private readonly statements: StatementCache;

  constructor(private readonly dataSource: DataSource) {
    this.statements = new StatementCache(dataSource);
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }

  async findById(id: number, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(User, { id });
  }

  /** An account that is not disabled. */
  async findActive(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<User | null> {
    return manager.findOneBy(User, { id, active: true });
  }

  /**
   * An account that is not disabled, as a request signs in with it: read from the database on
   * every call (a disabled account or a changed password counts at the next request, in every
   * process), by its primary key, with a statement built once.
   */
  async signInAccount(id: number): Promise<SignInAccount | null> {
    const [row] = await this.statements.rows<SignInAccount>(
      'signInAccount',
      () =>
        this.dataSource
          .getRepository(User)
          .createQueryBuilder('user')
          .select('user.id', 'id')
          .addSelect('user.email', 'email')
          .addSelect('user.name', 'name')
          .addSelect('user.role', 'role')
          .addSelect('user.memberId', 'memberId')
          .addSelect('user.credentialsChangedAt', 'credentialsChangedAt')
          .where('user.id = :id AND user.active = :active')
          .getQuery(),
      { id, active: true },
    );
    return row ?? null;
  }

  /** The account of an address (already lower case); with `active`, only one not disabled. */
  async findByEmail(email: string, active?: true): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .findOneBy(active ? { email, active: true } : { email });
  }

  /** An account with its password hash (left out of every other read), by address or id. */
  async withPasswordHash(by: { email: string } | { id: number }): Promise<User | null> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash');
    return (
      'email' in by
        ? qb.where('user.email = :email', { email: by.email })
        : qb.where('user.id = :id AND user.active = :active', { id: by.id, active: true })
    ).getOne();
  }

  /** The active accounts of a role, in the order they were made. */
  async activeWithRole(role: User['role']): Promise<User[]> {
    return this.dataSource
      .getRepository(User)
      .find({ where: { role, active: true }, order: { id: 'ASC' } });
  }

  /**
   * The active accounts of a role that take mail digests, in the order they were made: of this
   * frequency, or without one of any frequency but "off".
   */
  async digestReaders(
    role: User['role'],
    frequency?: Exclude<DigestFrequency, 'off'>,
  ): Promise<User[]> {
    return this.dataSource.getRepository(User).find({
      where: { role, active: true, digestFrequency: frequency ?? Not('off') },
      order: { id: 'ASC' },
    });
  }

  async all(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { id: 'ASC' } });
  }

  async existsEmail(manager: EntityManager, email: string): Promise<boolean> {
    return manager.existsBy(User, { email });
  }

  /** Stores a new account; its id. */
  async add(manager: EntityManager, user: Omit<User, 'id' | 'credentialsChangedAt'>) {
    return (await manager.insert(User, user)).identifiers[0].id as number;
  }

  async update(
    manager: EntityManager = this.dataSource.manager,
    id: number,
    values: Partial<User>,
  ): Promise<void> {
    await manager.update(User, id, values);
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(User, id);
  }

  /**
   * Two secretariats changing each other's accounts at once would each see the other still
   * there; on PostgreSQL they take turns inside their transactions (SQLite writes one
   * transaction at a time anyway).
   */
  async takeSecretariatTurn(manager: EntityManager): Promise<void> {
    if (this.dataSource.options.type === 'postgres')
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('user.secretariat'))");
  }

  /** Active secretariat accounts other than this one. */
  async otherActiveSecretariats(manager: EntityManager, id: number): Promise<number> {
    return manager.countBy(User, { role: 'secretariat', active: true, id: Not(id) });
  }
}
