import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ApiToken } from '../entities/api-token.entity';
import { WebSessionRecord } from '../entities/web-session.entity';

/** Personal tokens (for scripts and calendar feeds), stored only as their hash. */
@Injectable()
export class ApiTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a new token; its id. */
  async add(manager: EntityManager, token: Omit<ApiToken, 'id'>): Promise<number> {
    return (await manager.insert(ApiToken, token)).identifiers[0].id as number;
  }

  async ofUser(userId: number): Promise<ApiToken[]> {
    return this.dataSource
      .getRepository(ApiToken)
      .find({ where: { userId }, order: { id: 'ASC' } });
  }

  async findOfUser(manager: EntityManager, id: number, userId: number): Promise<ApiToken | null> {
    return manager.findOneBy(ApiToken, { id, userId });
  }

  /** The token of this hash, unless revoked. */
  async findLive(tokenHash: string): Promise<ApiToken | null> {
    return this.dataSource.getRepository(ApiToken).findOneBy({ tokenHash, revokedAt: IsNull() });
  }

  async update(
    manager: EntityManager = this.dataSource.manager,
    id: number,
    values: Partial<Pick<ApiToken, 'revokedAt' | 'lastUsedAt'>>,
  ): Promise<void> {
    await manager.update(ApiToken, id, values);
  }

  /** Revokes every token of an account not revoked yet; how many that were. */
  async revokeOpen(manager: EntityManager, userId: number, at: string): Promise<number> {
    const open = await manager.countBy(ApiToken, { userId, revokedAt: IsNull() });
    await manager.update(ApiToken, { userId, revokedAt: IsNull() }, { revokedAt: at });
    return open;
  }

  /**
   * Ends every sign-in of an account that is not an access token (those end by the account's
   * credentialsChangedAt): its page sessions and its personal tokens of every kind. Answers how
   * many personal tokens were revoked.
   */
  async endSignIns(manager: EntityManager, userId: number): Promise<number> {
    const open = await this.revokeOpen(manager, userId, new Date().toISOString());
    await manager.delete(WebSessionRecord, { userId });
    return open;
  }
}
