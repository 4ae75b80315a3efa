import type { WebRequest, WebResponse } from './web-http';

/**
 * Where the page controllers are mounted inside the app. Every Nest route gets the global "api"
 * prefix, and the prefix's exclusions match route paths, not controllers, so excluding "/me" or
 * "/mandates/:id" for the pages would also move the API's own GET /api/me and
 * GET /api/mandates/:id. Instead the pages live under /api/web and requests for the page
 * addresses are handed to them before routing (`servePagesAtRoot`).
 */
export const WEB_MOUNT = 'web';

/** First path segments of the pages; everything else (the API, its docs) is left alone. */
export const PAGE_SEGMENTS = new Set([
  '',
  'login',
  'logout',
  'overview',
  'me',
  'mandates',
  'decisions',
  'obligations',
  'documents',
  'sessions',
  'import',
  'links',
  'jobs',
  'reports',
  'settings',
  'password',
  'users',
  'audit',
  'exports',
  'assets',
]);

/** Policy for the pages: only our own script and styles, forms only to us, never framed. */
export function pageSecurityPolicy(secure: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    // Only on https: on a plain-http intranet address it would send the browser to https for
    // our own stylesheet and script, which is not there.
    ...(secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Express middleware: serve the page addresses ("/", "/me", "/mandates/7") from the page controllers. */
export function servePagesAtRoot(
  request: WebRequest,
  response: WebResponse,
  next: () => void,
): void {
  const segment = request.url.split(/[/?#]/)[1] ?? '';
  if (PAGE_SEGMENTS.has(segment)) {
    request.webPage = true;
    const rest =
      request.url === '/' || request.url.startsWith('/?') ? request.url.slice(1) : request.url;
    request.url = `/api/${WEB_MOUNT}${rest}`;
    response.setHeader('Content-Security-Policy', pageSecurityPolicy(request.secure));
  }
  next();
}
