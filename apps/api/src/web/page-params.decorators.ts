import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { context, signedIn, type PageRequest, type WebContext } from './web-http';

/** The signed-in user of a page; only for handlers behind the page guard's sign-in check. */
export const PageUser = createParamDecorator((_: unknown, host: ExecutionContext): AuthUser =>
  signedIn(host.switchToHttp().getRequest<PageRequest>()),
);

/** The page's session, user and form token, as every view takes them. */
export const PageContext = createParamDecorator((_: unknown, host: ExecutionContext): WebContext =>
  context(host.switchToHttp().getRequest<PageRequest>()),
);
