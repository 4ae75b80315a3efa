import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@app/persistence';
import type { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** No sign-in needed (sign-in itself, health, token-protected feeds). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Who may call a route. Without it: every signed-in role may read (GET), and secretariat and
 * delegates may write; observers never write.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
  },
);
