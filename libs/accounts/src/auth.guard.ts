import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuditService } from '@app/audit';
import type { Role } from '@app/persistence';
import { SignInService } from './sign-in.service';
import type { AuthUser } from './auth-user';
import { ROLE_LABELS } from './role-labels';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/** Express's request, carrying the signed-in user for `@CurrentUser()` once the guard let it in. */
export interface AuthenticatedRequest extends Request {
  user?: AuthUser;
}

/** Signs in every request by its bearer token and applies the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly signIn: SignInService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const bearer =
      typeof header === 'string' && /^Bearer\s+/i.test(header)
        ? header.replace(/^Bearer\s+/i, '').trim()
        : undefined;
    const user = bearer ? await this.signIn.authenticate(bearer) : undefined;
    if (!user) {
      throw new UnauthorizedException(
        bearer
          ? 'Der Schlüssel (Token) ist ungültig oder abgelaufen; bitte melden Sie sich neu an.'
          : 'Bitte melden Sie sich zuerst an (Authorization: Bearer <token>).',
      );
    }
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const allowed =
      roles ??
      (request.method === 'GET' || request.method === 'HEAD'
        ? ['secretariat', 'delegate', 'observer']
        : ['secretariat', 'delegate']);
    if (!allowed.includes(user.role)) {
      await this.denied(user, request);
      throw new ForbiddenException(
        `Dafür braucht es die Rolle ${allowed.map((r) => `„${ROLE_LABELS[r]}“ (${r})`).join(' oder ')}.`,
      );
    }
    return true;
  }

  private async denied(user: AuthUser, request: AuthenticatedRequest): Promise<void> {
    await this.audit.record(user, {
      action: 'access.denied',
      entity: 'route',
      entityId: `${request.method} ${request.originalUrl.split('?')[0]}`.slice(0, 60),
    });
  }
}
