import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@app/audit';
import type { TokenKind } from '@app/persistence';
import type { AuthUser } from './auth-user';
import { PersonalTokensService, type TokenView } from './personal-tokens.service';
import { SignInService } from './sign-in.service';
import { UsersService, type NewUser, type UserChanges, type UserView } from './users.service';

export type { NewUser, UserView } from './users.service';
export { tokenHash, type TokenView } from './personal-tokens.service';

/**
 * The accounts feature behind one name, for the web pages that have not moved to the focused
 * services yet (`SignInService`, `UsersService`, `PersonalTokensService`); new code uses those.
 */
@Injectable()
export class AccountsService {
  constructor(
    readonly signIn: SignInService,
    readonly users: UsersService,
    readonly tokens: PersonalTokensService,
  ) {}

  login(email: string, password: string, address: string) {
    return this.signIn.login(email, password, address);
  }

  changeOwnPassword(userId: number, current: string, next: string, actor: AuditActor) {
    return this.signIn.changeOwnPassword(userId, current, next, actor);
  }

  authenticate(credential: string, kinds?: TokenKind[]): Promise<AuthUser | undefined> {
    return this.signIn.authenticate(credential, kinds);
  }

  activeUser(id: number, issuedAt?: number): Promise<AuthUser | undefined> {
    return this.signIn.activeUser(id, issuedAt);
  }

  countUsers(): Promise<number> {
    return this.users.countUsers();
  }

  createUser(input: NewUser, actor: AuditActor) {
    return this.users.createUser(input, actor);
  }

  updateUser(id: number, changes: UserChanges, actor: AuditActor): Promise<UserView> {
    return this.users.updateUser(id, changes, actor);
  }

  view(id: number): Promise<UserView> {
    return this.users.view(id);
  }

  findByEmail(email: string): Promise<UserView> {
    return this.users.findByEmail(email);
  }

  listUsers(): Promise<UserView[]> {
    return this.users.listUsers();
  }

  createToken(
    userId: number,
    input: { name: string; kind?: TokenKind; expiresInDays?: number },
    actor: AuditActor,
  ): Promise<{ token: string; view: TokenView }> {
    return this.tokens.create(userId, input, actor);
  }

  listTokens(userId: number): Promise<TokenView[]> {
    return this.tokens.list(userId);
  }

  revokeToken(userId: number, tokenId: number, actor: AuditActor): Promise<void> {
    return this.tokens.revoke(userId, tokenId, actor);
  }
}
