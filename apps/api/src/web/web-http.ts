import type { AuthUser } from '@app/accounts';
import type { WebSession } from './session/web-session.service';

/** The parts of Express's request the pages use (the project does not ship Express's types). */
export interface WebRequest {
  method: string;
  url: string;
  originalUrl: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  body?: unknown;
  ip?: string;
  secure: boolean;
  protocol: string;
  /** Set by `servePagesAtRoot`: the request came in at a page address. */
  webPage?: boolean;
  /** Set by the page guard. */
  web?: WebContext;
}

export interface WebResponse {
  statusCode: number;
  headersSent: boolean;
  setHeader(name: string, value: string | string[]): void;
  getHeader(name: string): unknown;
  status(code: number): WebResponse;
  redirect(status: number, url: string): void;
  type(type: string): WebResponse;
  send(body: string | Buffer): void;
  json(body: unknown): void;
}

/** Who is asking, as every page sees it. */
export interface WebContext {
  session: WebSession;
  user: AuthUser | undefined;
  /** The token every form of this session carries. */
  csrf: string;
  /** The address the request came in at (without the internal mount). */
  path: string;
}

/** The signed-in user; only for handlers behind the page guard's sign-in check. */
export function signedIn(request: WebRequest): AuthUser {
  const user = request.web?.user;
  if (!user) throw new Error('page handler reached without a signed-in user');
  return user;
}

export function context(request: WebRequest): WebContext {
  if (!request.web) throw new Error('page handler reached without the page guard');
  return request.web;
}

/** Script requests (fetch with Accept: application/json) get JSON; forms get pages. */
export function wantsJson(request: WebRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('application/json');
}

/** A local path to go back to after a form; anything else (another host, "//x") goes home. */
export function localPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}

/** Sends a page. Pages hold personal data: not kept in caches, so "back" after sign-out shows none. */
export function sendPage(response: WebResponse, page: string, status = 200): void {
  response.setHeader('Cache-Control', 'no-store');
  response.status(status).type('html').send(page);
}

/** After a form: "see other" makes the browser GET the next page, so reloading sends nothing twice. */
export function redirectAfterPost(response: WebResponse, location: string): void {
  response.redirect(303, location);
}

/** The page's own address for a form to come back to, without the last form's notice. */
export function returnPath(request: WebRequest): string {
  const url = new URL(request.originalUrl, 'http://page');
  url.searchParams.delete('changed');
  url.searchParams.delete('kind');
  return `${url.pathname}${url.search}`;
}
