import type { Request } from 'express';
import type { AuthUser } from '@app/accounts';
import type { WebSession } from './session/web-session.service';

/** Who is asking, as every page sees it. */
export interface WebContext {
  session: WebSession;
  user: AuthUser | undefined;
  /** The token every form of this session carries. */
  csrf: string;
  /** The address the request came in at. */
  path: string;
}

/** A request for a page: Express's, with what the page guard found out about it. */
export interface PageRequest extends Request {
  web?: WebContext;
}

/** The signed-in user; only for handlers behind the page guard's sign-in check. */
export function signedIn(request: PageRequest): AuthUser {
  const user = request.web?.user;
  if (!user) throw new Error('page handler reached without a signed-in user');
  return user;
}

export function context(request: PageRequest): WebContext {
  if (!request.web) throw new Error('page handler reached without the page guard');
  return request.web;
}

/** Script requests (fetch with Accept: application/json) get JSON; forms get pages. */
export function wantsJson(request: Request): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('application/json');
}

/** A local path to go back to after a form; anything else (another host, "//x") goes home. */
export function localPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}

/** The page's own address for a form to come back to, without the last form's notice. */
export function returnPath(request: Request): string {
  const url = new URL(request.originalUrl, 'http://page');
  url.searchParams.delete('changed');
  url.searchParams.delete('kind');
  return `${url.pathname}${url.search}`;
}
