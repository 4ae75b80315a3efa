import type { NextFunction, Request, Response } from 'express';

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

/** Middleware for the page routes: their policy in place of helmet's default one. */
export function pageSecurityHeaders(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  response.setHeader('Content-Security-Policy', pageSecurityPolicy(request.secure));
  next();
}
