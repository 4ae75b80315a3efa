import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { SettingRepository } from '@app/persistence';

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

export interface AccessSubject {
  id: number;
  role: string;
  email: string;
  name: string;
  memberId: number | null;
  memberCode: string | null;
}

/** Lifetime of an access token. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const SIGNING_KEY = 'auth.signingKey';

/** How many checked tokens are kept (a few hundred bytes each); the oldest goes first. */
const VERIFIED_KEPT = 1000;

/**
 * Short-lived signed access tokens (JWT, HS256, through @nestjs/jwt) with the installation's
 * secret key. The key, the header and the claims are those of the signer this replaced, so tokens
 * issued before stay valid until they expire.
 */
@Injectable()
export class AccessTokensService implements OnModuleInit {
  /**
   * The key as jsonwebtoken uses it, made once: given the text, jsonwebtoken tries to read it as
   * a public key and then makes a secret key of it on every call (a sixth of a list request's
   * time in the profile). The same bytes (UTF-8 of the text), so tokens are unchanged.
   */
  private key: KeyObject | undefined;

  /**
   * Tokens whose signature was checked, with their claims, oldest first: checking the HMAC of the
   * same token on each of its requests was 4% of a list request's CPU.
   */
  private readonly verified = new Map<string, Readonly<AccessClaims>>();

  constructor(
    private readonly settings: SettingRepository,
    private readonly jwt: JwtService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.signingKey();
  }

  /** The signing key, made once per installation and shared by every process through the database. */
  private async signingKey(): Promise<KeyObject> {
    this.key ??= createSecretKey(
      Buffer.from(
        await this.settings.valueOrCreate(SIGNING_KEY, () => randomBytes(32).toString('base64')),
        'utf8',
      ),
    );
    return this.key;
  }

  async sign(
    subject: AccessSubject,
    now = new Date(),
    ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  ): Promise<{ token: string; expiresAt: string }> {
    const iatMs = now.getTime();
    const iat = Math.floor(iatMs / 1000);
    const { id, ...account } = subject;
    const exp = iat + ttlSeconds;
    const token = this.jwt.sign(
      { sub: id, ...account, iat, iatMs, exp },
      { privateKey: await this.signingKey(), algorithm: 'HS256' },
    );
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /**
   * The claims of a valid, unexpired token; undefined for anything else. A token's signature is
   * checked once: its claims are kept by the token's exact text (a bounded set), and only the
   * expiry is checked again on each call. What the account may do is not in this: it is read on
   * every request (`SignInService.activeUser`).
   */
  async verify(token: string, now = new Date()): Promise<AccessClaims | undefined> {
    const claims = this.verified.get(token) ?? (await this.checkSignature(token, now));
    // jsonwebtoken lets a token live through its expiry second; the tokens end at its start.
    return claims && claims.exp * 1000 > now.getTime() ? claims : undefined;
  }

  /** The claims of a token signed with this installation's key and unexpired at `now`, kept. */
  private async checkSignature(token: string, now: Date): Promise<AccessClaims | undefined> {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, {
        // @nestjs/jwt hands the key on to jsonwebtoken untouched; its type only lists text and bytes.
        secret: (await this.signingKey()) as unknown as Buffer,
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
    } catch {
      return undefined;
    }
    if (typeof claims.sub !== 'number' || typeof claims.exp !== 'number') return undefined;
    if (this.verified.size >= VERIFIED_KEPT)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, Object.freeze(claims));
    return claims;
  }
}
