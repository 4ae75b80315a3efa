import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { OneTimeLink } from '../entities/one-time-link.entity';

/** Links of invitations and password resets: stored as their hash, used once, expiring. */
@Injectable()
export class OneTimeLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The unused link of this hash that has not expired at `now` (ISO). */
  async findValid(tokenHash: string, now: string): Promise<OneTimeLink | null> {
    return this.dataSource.getRepository(OneTimeLink).findOneBy({
      tokenHash,
      usedAt: IsNull(),
      expiresAt: MoreThan(now),
    });
  }

  /** Uses a link unless it is used already: of two uses at once, one gets true. */
  async use(manager: EntityManager, id: number, at: string): Promise<boolean> {
    const taken = await manager.update(OneTimeLink, { id, usedAt: IsNull() }, { usedAt: at });
    return taken.affected === 1;
  }

  /** A new link for an account; its earlier unused ones stop working. */
  async replace(manager: EntityManager, link: Omit<OneTimeLink, 'id'>): Promise<void> {
    await manager.update(
      OneTimeLink,
      { userId: link.userId, usedAt: IsNull() },
      { usedAt: link.createdAt },
    );
    await manager.insert(OneTimeLink, link);
  }

  async removeOfUser(manager: EntityManager, userId: number): Promise<void> {
    await manager.delete(OneTimeLink, { userId });
  }
}
