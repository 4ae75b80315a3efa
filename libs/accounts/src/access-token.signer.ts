import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  /** User id. */
  sub: number;
  role: string;
  email: string;
  name: string;
  memberId: number | null;
  memberCode: string | null;
  /** Expiry, seconds since the epoch. */
  exp: number;
  iat: number;
  /** Issue time in milliseconds: a token issued before the account's password changed is void. */
  iatMs: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Short-lived signed access tokens (JWT, HS256) with the installation's secret key. */
export class AccessTokenSigner {
  constructor(
    private readonly key: string,
    private readonly ttlSeconds = 15 * 60,
  ) {}

  sign(
    subject: {
      id: number;
      role: string;
      email: string;
      name: string;
      memberId: number | null;
      memberCode: string | null;
    },
    now = new Date(),
  ): { token: string; expiresAt: string } {
    const iatMs = now.getTime();
    const iat = Math.floor(iatMs / 1000);
    const { id, ...account } = subject;
    const claims: AccessClaims = { sub: id, ...account, iat, iatMs, exp: iat + this.ttlSeconds };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return {
      token: `${body}.${this.signature(body)}`,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
    };
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  verify(token: string, now = new Date()): AccessClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
    const expected = Buffer.from(this.signature(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(
        Buffer.from(parts[1], 'base64url').toString('utf8'),
      ) as AccessClaims;
      if (typeof claims.sub !== 'number' || typeof claims.exp !== 'number') return undefined;
      return claims.exp * 1000 > now.getTime() ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private signature(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
