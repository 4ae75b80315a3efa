import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SignInService, type AuthUser } from '@app/accounts';
import { SettingRepository, WebSessionRepository } from '@app/persistence';
import { parseCookies, serializeCookie } from './cookies';

export const SESSION_COOKIE = 'mt_session';
const KEY_SETTING = 'web.sessionKey';
/** A working day: signing in once in the morning lasts until the evening. */
export const SIGNED_IN_SECONDS = 8 * 60 * 60;
/** Long enough to fill in the sign-in form. */
const ANONYMOUS_SECONDS = 2 * 60 * 60;

/**
 * What the session cookie carries: a random session id (the CSRF token is derived from it), the
 * signed-in user's id (null before sign-in) and the expiry in seconds since the epoch.
 */
export interface WebSession {
  sid: string;
  uid: number | null;
  exp: number;
  /** Issue time, milliseconds since the epoch: a session older than a password change is void. */
  iat?: number;
}

/**
 * Page sessions in a signed cookie (HMAC-SHA256 with a key kept in the `setting` table, made once
 * per installation, so every API process accepts every other's cookies and a restart signs
 * nobody out). The cookie holds only ids. A signed-in session is valid only while its record
 * (`web_session`) exists: signing out, a password change or reset and disabling the account
 * delete it, so a copied cookie is worth nothing afterwards. The account is read on every
 * request, so a changed role takes effect at the next click.
 */
@Injectable()
export class WebSessionService implements OnModuleInit {
  private key: Buffer | undefined;

  constructor(
    private readonly settings: SettingRepository,
    private readonly sessions: WebSessionRepository,
    private readonly signIn: SignInService,
  ) {}

  async onModuleInit(): Promise<void> {
    const value = await this.settings.valueOrCreate(KEY_SETTING, () =>
      randomBytes(32).toString('base64'),
    );
    this.key = Buffer.from(value, 'base64');
  }

  private mac(purpose: string, data: string): string {
    if (!this.key) throw new Error('the session key is not loaded yet');
    return createHmac('sha256', this.key).update(`${purpose}|${data}`).digest('base64url');
  }

  private static same(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }

  /** The session of a request's cookie header; undefined when missing, forged or expired. */
  read(cookieHeader: string | string[] | undefined, now = new Date()): WebSession | undefined {
    const value = parseCookies(cookieHeader).get(SESSION_COOKIE);
    if (!value) return undefined;
    const [body, signature] = value.split('.');
    if (!body || !signature || !WebSessionService.same(signature, this.mac('session', body)))
      return undefined;
    try {
      const session = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as WebSession;
      if (typeof session.sid !== 'string' || typeof session.exp !== 'number') return undefined;
      if (session.uid !== null && typeof session.uid !== 'number') return undefined;
      return session.exp * 1000 > now.getTime() ? session : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A signed-in session: a new id (an id planted before sign-in is worth nothing after it) and
   * its record on the server. Expired records of the account go at the same time.
   */
  async begin(uid: number, now = new Date()): Promise<WebSession> {
    const session = this.start(uid, now);
    await this.sessions.add({
      sidHash: sidHash(session.sid),
      userId: uid,
      createdAt: now.toISOString(),
      expiresAt: new Date(session.exp * 1000).toISOString(),
    });
    return session;
  }

  /**
   * Signs a browser in as the account: a signed-in session, as the Set-Cookie value that gives
   * it. Every way of signing in on the pages ends here.
   */
  async signInCookie(uid: number, secure: boolean): Promise<string> {
    return this.setCookie(await this.begin(uid), secure);
  }

  /** Ends a session on the server: its cookie, wherever copied, no longer signs anyone in. */
  async end(session: WebSession | undefined): Promise<void> {
    if (session?.uid) await this.sessions.removeBySidHash(sidHash(session.sid));
  }

  /** A new anonymous session (before sign-in); it carries only the sign-in form's token. */
  start(uid: number | null, now = new Date()): WebSession {
    const lifetime = uid === null ? ANONYMOUS_SECONDS : SIGNED_IN_SECONDS;
    const iat = now.getTime();
    return {
      sid: randomBytes(18).toString('base64url'),
      uid,
      exp: Math.floor(iat / 1000) + lifetime,
      iat,
    };
  }

  setCookie(session: WebSession, secure: boolean, now = new Date()): string {
    const body = Buffer.from(JSON.stringify(session)).toString('base64url');
    return serializeCookie(SESSION_COOKIE, `${body}.${this.mac('session', body)}`, {
      maxAgeSeconds: session.exp - now.getTime() / 1000,
      secure,
    });
  }

  clearCookie(secure: boolean): string {
    return serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure });
  }

  /** The synchronizer token of a session: bound to its id, so it changes at sign-in. */
  csrfToken(session: WebSession): string {
    return this.mac('csrf', session.sid);
  }

  csrfValid(session: WebSession | undefined, token: unknown): boolean {
    return (
      session !== undefined &&
      typeof token === 'string' &&
      token.length > 0 &&
      WebSessionService.same(token, this.csrfToken(session))
    );
  }

  /**
   * The account behind a session, as it is now; undefined once disabled or deleted, or when its
   * password changed after the session began (other browsers are signed out).
   */
  async user(session: WebSession, now = new Date()): Promise<AuthUser | undefined> {
    if (session.uid === null) return undefined;
    const record = await this.sessions.findBySidHash(sidHash(session.sid));
    if (!record || record.userId !== session.uid || record.expiresAt <= now.toISOString())
      return undefined;
    return this.signIn.activeUser(session.uid, session.iat ?? 0);
  }
}

function sidHash(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
}
