import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { Page, SeeOther } from './page';

// What Express's res.location() encodes (the encodeurl rules): characters a URL may not hold,
// and a "%" that starts no escape. Nothing else is touched, so a path is never normalised.
const NOT_IN_URL =
  /(?:[^\x21\x23-\x3B\x3D\x3F-\x5F\x61-\x7A\x7C\x7E]|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|$))+/g;
const LONE_SURROGATE = /(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD800-\uDBFF]([^\uDC00-\uDFFF]|$)/g;

export function encodeLocation(location: string): string {
  return location.replace(LONE_SURROGATE, '$1\uFFFD$2').replace(NOT_IN_URL, encodeURI);
}

/**
 * Sends what page handlers return. A page goes out as HTML that no cache keeps (pages hold
 * personal data, so "back" after signing out shows none), with the page's own status; a
 * `SeeOther` as a 303 with its cookie. Both become a web `Response`, which Nest sends with its
 * status (a returned string would get 201 after every POST). Anything else passes unchanged.
 */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (result instanceof Page) {
          return new globalThis.Response(result.markup, {
            status: result.status,
            headers: {
              'Content-Type': 'text/html; charset=utf-8',
              'Content-Length': String(Buffer.byteLength(result.markup)),
              'Cache-Control': 'no-store',
            },
          });
        }
        if (result instanceof SeeOther) {
          // Replaces the anonymous session's cookie the page guard may have set.
          if (result.cookie) response.setHeader('Set-Cookie', result.cookie);
          return new globalThis.Response(null, {
            status: 303,
            headers: { Location: encodeLocation(result.location) },
          });
        }
        return result;
      }),
    );
  }
}
