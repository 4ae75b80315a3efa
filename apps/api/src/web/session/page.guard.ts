import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/persistence';
import { PageError } from '../page-error';
import type { Response } from 'express';
import type { PageRequest } from '../web-http';
import { CSRF_REFUSED, csrfTokenOf } from './csrf';
import { ANONYMOUS_PAGE, PAGE_ROLES, UPLOAD_FORM } from './page-access.decorators';
import { WebSessionService, type WebSession } from './web-session.service';

/** Thrown for a page that needs a signed-in user; the page filter sends the browser to sign in. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('sign-in required');
  }
}

/**
 * Authentication for the pages, next to (not instead of) the API's bearer tokens: the page
 * controllers are @Public() for the API's guard and pass this one. It reads the session cookie,
 * loads the account, checks the CSRF token of every POST and the page's roles.
 */
@Injectable()
export class PageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: WebSessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<PageRequest>();
    const response = http.getResponse<Response>();
    const targets = [context.getHandler(), context.getClass()];
    const stored = this.sessions.read(request.headers.cookie);

    if (request.method === 'POST' && !this.reflector.getAllAndOverride(UPLOAD_FORM, targets)) {
      if (!this.sessions.csrfValid(stored, csrfTokenOf(request)))
        throw new PageError(403, CSRF_REFUSED);
    }

    const user = stored?.uid ? await this.sessions.user(stored) : undefined;
    let session: WebSession;
    if (stored && (stored.uid === null || user)) {
      session = stored;
    } else {
      // No cookie, an expired one, or one of an account that was disabled meanwhile: start an
      // anonymous session, so the sign-in form has a token to carry.
      session = this.sessions.start(null);
      response.setHeader('Set-Cookie', this.sessions.setCookie(session, request.secure));
    }
    const path = request.originalUrl;
    request.web = { session, user, csrf: this.sessions.csrfToken(session), path };

    if (this.reflector.getAllAndOverride<boolean>(ANONYMOUS_PAGE, targets)) return true;
    if (!user) throw new SignInRequired(request.method === 'GET' ? path : '/');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(PAGE_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new PageError(
        403,
        'Diese Seite steht Ihrer Rolle nicht zur Verfügung. Wenden Sie sich an die Geschäftsstelle, wenn Sie sie brauchen.',
      );
    }
    return true;
  }
}
