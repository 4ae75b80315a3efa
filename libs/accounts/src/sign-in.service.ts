import {
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { AuditService, type AuditActor } from '@app/audit';
import {
  ApiTokenRepository,
  LoginFailureRepository,
  MemberRepository,
  Transactions,
  UserRepository,
  type TokenKind,
  type User,
} from '@app/persistence';
import { AccessTokensService } from './access-tokens.service';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login.throttle';
import { hashPassword, verifyPassword } from './password.hasher';
import { PersonalTokensService, TOKEN_PREFIX } from './personal-tokens.service';

const INVALID_LOGIN = 'E-Mail-Adresse oder Passwort ist falsch.';

/**
 * Sign-in: password to access token, one's own password change, and who is behind a bearer
 * credential. Passwords and tokens never leave this service in clear.
 */
@Injectable()
export class SignInService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly users: UserRepository,
    private readonly members: MemberRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly transactions: Transactions,
    failures: LoginFailureRepository,
    private readonly audit: AuditService,
    private readonly accessTokens: AccessTokensService,
    private readonly personalTokens: PersonalTokensService,
  ) {
    this.throttle = new LoginThrottle(failures);
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
    const user = await this.users.withPasswordHash({ email: email.toLowerCase() });
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
    await this.users.update(undefined, user.id, { lastLoginAt: new Date().toISOString() });
    return this.issueAccessToken(user);
  }

  private async issueAccessToken(user: User): Promise<{ accessToken: string; expiresAt: string }> {
    const member = user.memberId ? await this.members.findById(user.memberId) : null;
    const { token, expiresAt } = await this.accessTokens.sign({
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
    const user = await this.users.withPasswordHash({ id: userId });
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
    const revokedTokens = await this.transactions.run(async (manager) => {
      await this.users.update(manager, user.id, {
        passwordHash: await hashPassword(next),
        credentialsChangedAt: changedAt,
      });
      const open = await this.tokens.endSignIns(manager, user.id);
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
      const userId = await this.personalTokens.owner(credential, kinds);
      return userId === undefined ? undefined : this.activeUser(userId);
    }
    if (!kinds.includes('api')) return undefined;
    // The token proves who signs in; what the account may do is read as it is now, so a changed
    // role, a disabled account or a changed password take effect at the next request.
    const claims = await this.accessTokens.verify(credential);
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
    const user = await this.users.signInAccount(id);
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
          ? ((await this.members.findById(user.memberId))?.code ?? null)
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
}
