import { randomBytes } from 'node:crypto';
import {
  GoneException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { AuditService, ANONYMOUS, type AuditActor } from '@app/audit';
import { publicUrl } from '@app/config';
import { Mailer } from '@app/mail';
import {
  ApiTokenRepository,
  LoginFailureRepository,
  OneTimeLinkRepository,
  Transactions,
  UserRepository,
  type OneTimeLink,
  type OneTimePurpose,
} from '@app/persistence';
import { tokenHash } from './personal-tokens.service';
import { UsersService, type NewUser, type UserView } from './users.service';
import { LoginThrottle } from './login.throttle';
import { LINK_LIFETIME_MS, composeOneTimeLinkMail } from './one-time-link.mail';
import { hashPassword } from './password.hasher';

/** The app's name as mails call it (the pages' header says the same). */
const APP_NAME = 'Auftragsverfolgung IT-Planungsrat';
/** Where a one-time link leads; the page asks for a new password, then signs in. */
export const ONE_TIME_LINK_PATH = '/password/new';
export const MIN_PASSWORD_LENGTH = 12;
/** The one answer to "Passwort vergessen", whether or not the address has an account. */
export const RESET_ANSWER =
  'Wenn zu dieser Adresse ein Konto gehört, ist ein Link zum Festlegen eines neuen Passworts unterwegs. Er gilt eine Stunde.';

/** What a valid link is for, shown on its page before it is used. */
export interface OneTimeLinkView {
  purpose: OneTimePurpose;
  email: string;
  name: string;
}

/**
 * Invitations and forgotten passwords: a one-time link by mail that sets the account's password
 * and signs its holder in. Tokens are random, stored only as SHA-256, work once, expire, and
 * neither they nor the links appear in logs or the audit trail.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');
  /** "Passwort vergessen": 3 requests per address and 20 per client in 15 minutes. */
  private readonly resetThrottle: LoginThrottle;

  constructor(
    private readonly accounts: UserRepository,
    private readonly links: OneTimeLinkRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly transactions: Transactions,
    failures: LoginFailureRepository,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly mailer: Mailer,
  ) {
    this.resetThrottle = new LoginThrottle(failures, { reset: 3, 'reset-ip': 20 });
  }

  /**
   * A new account without a usable password, and a mail with a link to set one. When the mail
   * cannot be sent, the account is removed again: nobody is left with an account they never heard of.
   */
  async invite(input: Omit<NewUser, 'password'>, actor: AuditActor): Promise<UserView> {
    if (!this.mailer.configured)
      throw new ServiceUnavailableException(
        'Einladungen gehen per E-Mail, es ist aber kein Mailserver eingerichtet (SMTP_URL).',
      );
    // The generated password is thrown away: only the link can set one.
    const { user } = await this.users.createUser(input, actor);
    try {
      await this.sendLink(user.id, 'invitation', actor);
    } catch (error) {
      await this.transactions.run(async (manager) => {
        await this.links.removeOfUser(manager, user.id);
        await this.accounts.remove(manager, user.id);
        await this.audit.record(
          actor,
          { action: 'user.invite_failed', entity: 'user', entityId: user.id, before: user },
          manager,
        );
      });
      throw new ServiceUnavailableException(
        `Die Einladung an ${user.email} konnte nicht versendet werden; das Konto wurde nicht angelegt. Bitte versuchen Sie es später erneut.`,
        { cause: error },
      );
    }
    return user;
  }

  /** Sends an account that has not signed in yet a new invitation; earlier links stop working. */
  async reinvite(userId: number, actor: AuditActor): Promise<UserView> {
    const user = await this.users.view(userId);
    if (!user.active)
      throw new UnprocessableEntityException(
        `${user.email} ist gesperrt; geben Sie das Konto erst wieder frei.`,
      );
    if (!this.mailer.configured)
      throw new ServiceUnavailableException(
        'Einladungen gehen per E-Mail, es ist aber kein Mailserver eingerichtet (SMTP_URL).',
      );
    await this.sendLink(userId, 'invitation', actor);
    return user;
  }

  /**
   * "Passwort vergessen": mails a link when the address belongs to an active account, and
   * answers the same either way (nobody learns which addresses have accounts). The mail is sent
   * after the answer, so the time taken does not tell either.
   */
  async requestReset(email: string, address: string): Promise<void> {
    const normalized = email.trim().toLowerCase();
    const keys = [`reset:${normalized}`, `reset-ip:${address}`];
    const wait = await this.resetThrottle.retryAfter(keys);
    if (wait > 0)
      throw new HttpException(
        `Zu viele Anfragen. Bitte versuchen Sie es in ${Math.max(1, Math.ceil(wait / 60))} Minuten erneut.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    // Every request counts towards the limit, whether or not the address has an account.
    await this.resetThrottle.fail(keys);
    const user = await this.accounts.findByEmail(normalized, true);
    if (!user || !this.mailer.configured) {
      if (!this.mailer.configured)
        this.logger.warn(
          'ein neues Passwort wurde angefordert, aber kein Mailserver ist eingerichtet (SMTP_URL)',
        );
      return;
    }
    void this.sendLink(user.id, 'reset', ANONYMOUS).catch((error: unknown) =>
      this.logger.warn(
        `der Link für ein neues Passwort an Konto ${user.id} ließ sich nicht senden: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  /** The account a link is for, while it still works; undefined when unknown, used or expired. */
  async check(token: string, now = new Date()): Promise<OneTimeLinkView | undefined> {
    const link = await this.validLink(token, now);
    if (!link) return undefined;
    const user = await this.accounts.findActive(link.userId);
    return user ? { purpose: link.purpose, email: user.email, name: user.name } : undefined;
  }

  /**
   * Uses a link: sets the password, ends every other sign-in of the account (as a password
   * change does) and gives the account's id to sign in. A link works once: of two uses at the
   * same moment, one wins.
   */
  async redeem(token: string, password: string, now = new Date()): Promise<number> {
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new UnprocessableEntityException(
        `Das Passwort braucht mindestens ${MIN_PASSWORD_LENGTH} Zeichen.`,
      );
    const passwordHash = await hashPassword(password);
    const link = await this.validLink(token, now);
    const invalid = () =>
      new GoneException(
        'Dieser Link gilt nicht mehr: Er wurde schon benutzt, ist abgelaufen oder durch einen neueren ersetzt.',
      );
    if (!link) throw invalid();
    const at = now.toISOString();
    return this.transactions.run(async (manager) => {
      if (!(await this.links.use(manager, link.id, at))) throw invalid();
      const user = await this.accounts.findActive(link.userId, manager);
      if (!user) throw invalid();
      await this.accounts.update(manager, user.id, {
        passwordHash,
        credentialsChangedAt: at,
        lastLoginAt: at,
      });
      const open = await this.tokens.revokeOpen(manager, user.id, at);
      await this.audit.record(
        { id: user.id, email: user.email },
        {
          action:
            link.purpose === 'invitation' ? 'user.invitation_accepted' : 'user.password_reset',
          entity: 'user',
          entityId: user.id,
          after: { password: 'changed', revokedTokens: open },
        },
        manager,
      );
      return user.id;
    });
  }

  private async validLink(token: string, now: Date): Promise<OneTimeLink | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    return this.links.findValid(tokenHash(token), now.toISOString());
  }

  /** A new link for the account (older unused ones stop working) and the mail carrying it. */
  private async sendLink(
    userId: number,
    purpose: OneTimePurpose,
    actor: AuditActor,
    now = new Date(),
  ): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const user = await this.accounts.findById(userId);
    if (!user) throw new Error(`account ${userId} is gone`);
    await this.transactions.run(async (manager) => {
      await this.links.replace(manager, {
        userId,
        purpose,
        tokenHash: tokenHash(token),
        expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS[purpose]).toISOString(),
        usedAt: null,
        createdAt: now.toISOString(),
      });
      await this.audit.record(
        actor,
        {
          action: purpose === 'invitation' ? 'user.invite' : 'user.reset_requested',
          entity: 'user',
          entityId: userId,
        },
        manager,
      );
    });
    const link = `${publicUrl()}${ONE_TIME_LINK_PATH}?token=${token}`;
    const mail = composeOneTimeLinkMail({ purpose, name: user.name, link, appName: APP_NAME });
    await this.mailer.send({
      to: user.email,
      ...mail,
      messageId: `<${purpose}-${userId}-${now.getTime()}@mandate-tracker>`,
    });
  }
}
