export * from './accounts.module';
export * from './accounts.service';
export * from './auth.decorators';
export * from './auth.guard';
export type { AuthUser } from './auth-user';
export { hashPassword, verifyPassword } from './password.hasher';
export { LoginThrottle } from './login.throttle';
export * from './invitations.module';
export * from './invitations.service';
