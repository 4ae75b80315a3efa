import { randomBytes } from 'node:crypto';
import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { AuditService, type AuditActor } from '@app/audit';
import {
  ApiTokenRepository,
  MemberRepository,
  Transactions,
  UserRepository,
  type DigestFrequency,
  type Role,
  type User,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { hashPassword } from './password.hasher';

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

/** What the secretariat (or the account itself, in part) may change about an account. */
export interface UserChanges {
  name?: string;
  role?: Role;
  member?: string | null;
  active?: boolean;
  digestFrequency?: DigestFrequency;
  password?: string;
}

/** User administration: accounts, their roles, members and passwords set by the secretariat. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly members: MemberRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async countUsers(): Promise<number> {
    return this.users.count();
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
    const user = await this.transactions.run(async (manager) => {
      const email = input.email.trim().toLowerCase();
      if (await this.users.existsEmail(manager, email))
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
      const id = await this.users.add(manager, row);
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
    const member = await this.members.anyByCode(code, manager);
    if (!member)
      throw new UnprocessableEntityException(`member: Ein Mitglied ${code} gibt es nicht.`);
    return member.id;
  }

  async updateUser(id: number, changes: UserChanges, actor: AuditActor): Promise<UserView> {
    const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
    return this.transactions.run(async (manager) => {
      // Two secretariats demoting each other at once would each see the other still there.
      await this.users.takeSecretariatTurn(manager);
      const before = await this.view(id, manager);
      const role = changes.role ?? before.role;
      const leaves =
        before.role === 'secretariat' &&
        before.active &&
        (role !== 'secretariat' || changes.active === false);
      if (leaves) {
        const others = await this.users.otherActiveSecretariats(manager, id);
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
      await this.users.update(manager, id, values);
      // Disabling, and a password set by the secretariat (the usual answer to a compromised
      // account), end every sign-in: page sessions, access tokens (by credentialsChangedAt),
      // personal and calendar tokens.
      if (changes.active === false || passwordHash) await this.tokens.endSignIns(manager, id);
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

  async view(id: number, manager?: EntityManager): Promise<UserView> {
    const user = await this.users.findById(id, manager);
    if (!user) throw new NotFoundException(`Ein Konto ${id} gibt es nicht.`);
    const member = user.memberId ? await this.members.findById(user.memberId, manager) : null;
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
    const user = await this.users.findByEmail(email.trim().toLowerCase());
    if (!user) throw new NotFoundException(`Zu ${email} gibt es kein Konto.`);
    return this.view(user.id);
  }

  async listUsers(): Promise<UserView[]> {
    const users = await this.users.all();
    return Promise.all(users.map((u) => this.view(u.id)));
  }
}
