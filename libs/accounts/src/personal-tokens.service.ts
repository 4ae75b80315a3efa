import { createHash, randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService, type AuditActor } from '@app/audit';
import { ApiTokenRepository, Transactions, type TokenKind } from '@app/persistence';

export interface TokenView {
  id: number;
  name: string;
  kind: TokenKind;
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Personal tokens start with this, access tokens (JWT) never do. */
export const TOKEN_PREFIX = 'mt_';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Personal tokens for scripts and calendar feeds. The clear value is shown once, never stored. */
@Injectable()
export class PersonalTokensService {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** A new personal token; the clear value is returned once and never stored. */
  async create(
    userId: number,
    input: { name: string; kind?: TokenKind; expiresInDays?: number },
    actor: AuditActor,
  ): Promise<{ token: string; view: TokenView }> {
    const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    const now = new Date();
    const row = {
      userId,
      name: input.name,
      kind: input.kind ?? 'api',
      tokenHash: tokenHash(token),
      prefix: token.slice(0, 10),
      expiresAt: input.expiresInDays
        ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
        : null,
      revokedAt: null,
      createdAt: now.toISOString(),
      lastUsedAt: null,
    };
    return this.transactions.run(async (manager) => {
      const id = await this.tokens.add(manager, row);
      const { tokenHash: _hash, userId: _user, ...view } = { id, ...row };
      await this.audit.record(
        actor,
        { action: 'token.create', entity: 'api_token', entityId: id, after: view },
        manager,
      );
      return { token, view };
    });
  }

  async list(userId: number): Promise<TokenView[]> {
    const tokens = await this.tokens.ofUser(userId);
    return tokens.map(({ tokenHash: _hash, userId: _user, ...view }) => view);
  }

  async revoke(userId: number, tokenId: number, actor: AuditActor): Promise<void> {
    await this.transactions.run(async (manager) => {
      const token = await this.tokens.findOfUser(manager, tokenId, userId);
      if (!token) throw new NotFoundException(`Einen Schlüssel (Token) ${tokenId} gibt es nicht.`);
      if (token.revokedAt) return;
      const revokedAt = new Date().toISOString();
      await this.tokens.update(manager, token.id, { revokedAt });
      await this.audit.record(
        actor,
        { action: 'token.revoke', entity: 'api_token', entityId: token.id, after: { revokedAt } },
        manager,
      );
    });
  }

  /**
   * The owner of a live personal token of one of `kinds`; its use is recorded once a minute at
   * most (a script polling the API should not write on every call).
   */
  async owner(
    credential: string,
    kinds: TokenKind[],
    now = new Date(),
  ): Promise<number | undefined> {
    const token = await this.tokens.findLive(tokenHash(credential));
    if (!token || !kinds.includes(token.kind)) return undefined;
    if (token.expiresAt && token.expiresAt <= now.toISOString()) return undefined;
    if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > 60_000) {
      await this.tokens.update(undefined, token.id, { lastUsedAt: now.toISOString() });
    }
    return token.userId;
  }
}
