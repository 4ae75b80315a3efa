import { createHash, randomBytes } from 'node:crypto';
import {
  ConflictException,
  HttpException,
  HttpStatus,
  Injectable,
  NotFoundException,
  UnauthorizedException,
  UnprocessableEntityException,
  type OnModuleInit,
} from '@nestjs/common';
import { AuditService, type AuditActor } from '@app/audit';
import {
  ApiToken,
  Member,
  Setting,
  User,
  WebSessionRecord,
  type DigestFrequency,
  type Role,
  type TokenKind,
} from '@app/persistence';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { AccessTokenSigner } from './access-token.signer';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login.throttle';
import { hashPassword, verifyPassword } from './password.hasher';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** Member code, required for delegates. */
  member?: string | null;
  password?: string;
}

export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  member: string | null;
  active: boolean;
  digestFrequency: DigestFrequency;
  createdAt: string;
  lastLoginAt: string | null;
}

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

const INVALID_LOGIN = 'E-Mail-Adresse oder Passwort ist falsch.';
const TOKEN_PREFIX = 'mt_';

/**
 * Ends every sign-in of an account that is not an access token (those end by the account's
 * credentialsChangedAt): its page sessions and its personal tokens of every kind. Answers how
 * many personal tokens were revoked.
 */
async function endSignIns(manager: EntityManager, userId: number): Promise<number> {
  const open = await manager.countBy(ApiToken, { userId, revokedAt: IsNull() });
  await manager.update(
    ApiToken,
    { userId, revokedAt: IsNull() },
    { revokedAt: new Date().toISOString() },
  );
  await manager.delete(WebSessionRecord, { userId });
  return open;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Accounts, sign-in and personal tokens. Passwords and tokens never leave this service in clear. */
@Injectable()
export class AccountsService implements OnModuleInit {
  private signer: AccessTokenSigner | undefined;
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.throttle = new LoginThrottle(dataSource);
  }

  async onModuleInit(): Promise<void> {
    await this.signerKey();
  }

  /** The signing key, made once per installation and shared by every process through the database. */
  private async signerKey(): Promise<AccessTokenSigner> {
    if (this.signer) return this.signer;
    const settings = this.dataSource.getRepository(Setting);
    let key = (await settings.findOneBy({ key: 'auth.signingKey' }))?.value;
    if (!key) {
      await settings
        .createQueryBuilder()
        .insert()
        .values({ key: 'auth.signingKey', value: randomBytes(32).toString('base64') })
        .orIgnore()
        .execute();
      key = (await settings.findOneByOrFail({ key: 'auth.signingKey' })).value;
    }
    this.signer = new AccessTokenSigner(key);
    return this.signer;
  }

  async login(
    email: string,
    password: string,
    address: string,
  ): Promise<{ accessToken: string; expiresAt: string }> {
    const keys = [`email:${email.toLowerCase()}`, `ip:${address}`];
    // The attempt is reserved before the password hash is checked, so requests in flight
    // together cannot all slip under the limit.
    const attempt = await this.throttle.reserve(keys);
    if (!attempt.allowed) {
      throw new HttpException(
        `Zu viele fehlgeschlagene Anmeldungen; bitte versuchen Sie es in ${attempt.wait} Sekunden erneut.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
    const ok = user !== null && user.active && (await verifyPassword(password, user.passwordHash));
    if (!ok || !user) {
      // The reservation stays: it is the failure.
      await this.audit.record(
        { id: user?.id ?? null, email: email.toLowerCase() },
        { action: 'auth.login_failed', entity: 'user', entityId: user?.id, after: { address } },
      );
      throw new UnauthorizedException(INVALID_LOGIN);
    }
    await this.throttle.succeed(keys, attempt.ids);
    await this.dataSource
      .getRepository(User)
      .update(user.id, { lastLoginAt: new Date().toISOString() });
    return this.issueAccessToken(user);
  }

  private async issueAccessToken(user: User): Promise<{ accessToken: string; expiresAt: string }> {
    const member = user.memberId
      ? await this.dataSource.getRepository(Member).findOneBy({ id: user.memberId })
      : null;
    const { token, expiresAt } = (await this.signerKey()).sign({
      id: user.id,
      role: user.role,
      email: user.email,
      name: user.name,
      memberId: user.memberId,
      memberCode: member?.code ?? null,
    });
    return { accessToken: token, expiresAt };
  }

  /**
   * Changes one's own password: the current one is needed, and every other session, access token
   * and personal token of the account ends. Answers with a fresh access token for the caller.
   */
  async changeOwnPassword(
    userId: number,
    current: string,
    next: string,
    actor: AuditActor,
  ): Promise<{ accessToken: string; expiresAt: string; revokedTokens: number }> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id AND user.active = :active', { id: userId, active: true })
      .getOne();
    if (!user) throw new UnauthorizedException('Bitte melden Sie sich neu an.');
    const keys = [`email:${user.email}`];
    const attempt = await this.throttle.reserve(keys);
    if (!attempt.allowed)
      throw new HttpException(
        `Zu oft ein falsches Passwort; bitte versuchen Sie es in ${attempt.wait} Sekunden erneut.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw new UnprocessableEntityException(
        'currentPassword: Das ist nicht Ihr jetziges Passwort.',
      );
    }
    await this.throttle.release(attempt.ids);
    if (next.length < 12)
      throw new UnprocessableEntityException(
        'newPassword: Das neue Passwort braucht mindestens 12 Zeichen.',
      );
    if (next === current)
      throw new UnprocessableEntityException(
        'newPassword: Das neue Passwort muss sich vom jetzigen unterscheiden.',
      );
    // Tokens and page sessions carry their issue time in milliseconds; those issued before this
    // instant are void, the token of this answer (issued after it) is not.
    const changedAt = new Date().toISOString();
    const revokedTokens = await this.dataSource.transaction(async (manager) => {
      await manager.update(User, user.id, {
        passwordHash: await hashPassword(next),
        credentialsChangedAt: changedAt,
      });
      const open = await endSignIns(manager, user.id);
      await this.audit.record(
        actor,
        {
          action: 'user.password',
          entity: 'user',
          entityId: user.id,
          after: { password: 'changed', revokedTokens: open },
        },
        manager,
      );
      return open;
    });
    return { ...(await this.issueAccessToken(user)), revokedTokens };
  }

  /** The user behind a bearer credential: an access token or a personal API token. */
  async authenticate(
    credential: string,
    kinds: TokenKind[] = ['api'],
  ): Promise<AuthUser | undefined> {
    if (credential.startsWith(TOKEN_PREFIX)) {
      const tokens = this.dataSource.getRepository(ApiToken);
      const token = await tokens.findOneBy({
        tokenHash: tokenHash(credential),
        revokedAt: IsNull(),
      });
      if (!token || !kinds.includes(token.kind)) return undefined;
      if (token.expiresAt && token.expiresAt <= new Date().toISOString()) return undefined;
      const now = new Date();
      // Recorded once a minute at most: a script polling the API should not write on every call.
      if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > 60_000) {
        await tokens.update(token.id, { lastUsedAt: now.toISOString() });
      }
      return this.activeUser(token.userId);
    }
    if (!kinds.includes('api')) return undefined;
    // The token proves who signs in; what the account may do is read as it is now, so a changed
    // role, a disabled account or a changed password take effect at the next request.
    const claims = (await this.signerKey()).verify(credential);
    if (!claims) return undefined;
    return this.activeUser(claims.sub, claims.iatMs ?? claims.iat * 1000, claims);
  }

  /**
   * The account as it is now; undefined once disabled or deleted, or for a credential issued
   * (`issuedAt`, ms) before its password last changed.
   */
  async activeUser(
    id: number,
    issuedAt?: number,
    known?: { memberId: number | null; memberCode: string | null },
  ): Promise<AuthUser | undefined> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id, active: true });
    if (!user) return undefined;
    if (
      issuedAt !== undefined &&
      user.credentialsChangedAt &&
      issuedAt < Date.parse(user.credentialsChangedAt)
    )
      return undefined;
    // The member's code rarely changes; the token's is taken while the account keeps its member.
    const memberCode =
      known && known.memberId === user.memberId
        ? known.memberCode
        : user.memberId
          ? ((await this.dataSource.getRepository(Member).findOneBy({ id: user.memberId }))?.code ??
            null)
          : null;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      memberId: user.memberId,
      memberCode,
    };
  }

  async countUsers(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }

  async createUser(
    input: NewUser,
    actor: AuditActor,
  ): Promise<{ user: UserView; password?: string }> {
    const generated = input.password ? undefined : randomBytes(12).toString('base64url');
    const password = input.password ?? (generated as string);
    if (password.length < 12)
      throw new UnprocessableEntityException(
        'password: Das Passwort braucht mindestens 12 Zeichen.',
      );
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      if (await manager.existsBy(User, { email }))
        throw new ConflictException(`Zu ${email} gibt es schon ein Konto.`);
      const memberId = await this.memberFor(input.role, input.member ?? null, manager);
      const row = {
        email,
        name: input.name,
        role: input.role,
        memberId,
        passwordHash,
        active: true,
        digestFrequency: 'weekly' as const,
        createdAt: new Date().toISOString(),
        lastLoginAt: null,
      };
      const id = (await manager.insert(User, row)).identifiers[0].id as number;
      const view = await this.view(id, manager);
      await this.audit.record(
        actor,
        { action: 'user.create', entity: 'user', entityId: id, after: view },
        manager,
      );
      return view;
    });
    return { user, ...(generated ? { password: generated } : {}) };
  }

  private async memberFor(
    role: Role,
    code: string | null,
    manager: EntityManager,
  ): Promise<number | null> {
    if (role !== 'delegate') {
      if (code)
        throw new UnprocessableEntityException(
          'member: Nur eine Delegation gehört zu einem Mitglied.',
        );
      return null;
    }
    if (!code)
      throw new UnprocessableEntityException(
        'member fehlt: Eine Delegation braucht ein Mitglied (z. B. member: "HB").',
      );
    const member = await manager.findOneBy(Member, { code });
    if (!member)
      throw new UnprocessableEntityException(`member: Ein Mitglied ${code} gibt es nicht.`);
    return member.id;
  }

  async updateUser(
    id: number,
    changes: {
      name?: string;
      role?: Role;
      member?: string | null;
      active?: boolean;
      digestFrequency?: DigestFrequency;
      password?: string;
    },
    actor: AuditActor,
  ): Promise<UserView> {
    const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      // Two secretariats demoting each other at once would each see the other still there; on
      // PostgreSQL they take turns (SQLite writes one transaction at a time anyway).
      if (this.dataSource.options.type === 'postgres')
        await manager.query("SELECT pg_advisory_xact_lock(hashtext('user.secretariat'))");
      const before = await this.view(id, manager);
      const role = changes.role ?? before.role;
      const leaves =
        before.role === 'secretariat' &&
        before.active &&
        (role !== 'secretariat' || changes.active === false);
      if (leaves) {
        const others = await manager.countBy(User, {
          role: 'secretariat',
          active: true,
          id: Not(id),
        });
        if (others === 0)
          throw new ConflictException(
            `${before.email} ist das letzte aktive Konto der Geschäftsstelle; machen Sie erst ein anderes Konto zur Geschäftsstelle, sonst kann niemand mehr mandate-tracker verwalten.`,
          );
      }
      const member =
        changes.member !== undefined ? changes.member : role === 'delegate' ? before.member : null;
      const values: Partial<User> = {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        ...(changes.digestFrequency !== undefined
          ? { digestFrequency: changes.digestFrequency }
          : {}),
        // A password set by the secretariat ends the account's sessions and access tokens too.
        ...(passwordHash ? { passwordHash, credentialsChangedAt: new Date().toISOString() } : {}),
        role,
        memberId: await this.memberFor(role, member, manager),
      };
      await manager.update(User, id, values);
      // Disabling, and a password set by the secretariat (the usual answer to a compromised
      // account), end every sign-in: page sessions, access tokens (by credentialsChangedAt),
      // personal and calendar tokens.
      if (changes.active === false || passwordHash) await endSignIns(manager, id);
      const after = await this.view(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'user.update',
          entity: 'user',
          entityId: id,
          before,
          after: { ...after, ...(passwordHash ? { password: 'changed' } : {}) },
        },
        manager,
      );
      return after;
    });
  }

  async view(id: number, manager: EntityManager = this.dataSource.manager): Promise<UserView> {
    const user = await manager.findOneBy(User, { id });
    if (!user) throw new NotFoundException(`Ein Konto ${id} gibt es nicht.`);
    const member = user.memberId ? await manager.findOneBy(Member, { id: user.memberId }) : null;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      member: member?.code ?? null,
      active: user.active,
      digestFrequency: user.digestFrequency,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt,
    };
  }

  async findByEmail(email: string): Promise<UserView> {
    const user = await this.dataSource
      .getRepository(User)
      .findOneBy({ email: email.trim().toLowerCase() });
    if (!user) throw new NotFoundException(`Zu ${email} gibt es kein Konto.`);
    return this.view(user.id);
  }

  async listUsers(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { id: 'ASC' } });
    return Promise.all(users.map((u) => this.view(u.id)));
  }

  /** A new personal token; the clear value is returned once and never stored. */
  async createToken(
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
    return this.dataSource.transaction(async (manager) => {
      const id = (await manager.insert(ApiToken, row)).identifiers[0].id as number;
      const { tokenHash: _hash, userId: _user, ...view } = { id, ...row };
      await this.audit.record(
        actor,
        { action: 'token.create', entity: 'api_token', entityId: id, after: view },
        manager,
      );
      return { token, view };
    });
  }

  async listTokens(userId: number): Promise<TokenView[]> {
    const tokens = await this.dataSource
      .getRepository(ApiToken)
      .find({ where: { userId }, order: { id: 'ASC' } });
    return tokens.map(({ tokenHash: _hash, userId: _user, ...view }) => view);
  }

  async revokeToken(userId: number, tokenId: number, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(ApiToken, { id: tokenId, userId });
      if (!token) throw new NotFoundException(`Einen Schlüssel (Token) ${tokenId} gibt es nicht.`);
      if (token.revokedAt) return;
      const revokedAt = new Date().toISOString();
      await manager.update(ApiToken, token.id, { revokedAt });
      await this.audit.record(
        actor,
        { action: 'token.revoke', entity: 'api_token', entityId: token.id, after: { revokedAt } },
        manager,
      );
    });
  }
}
