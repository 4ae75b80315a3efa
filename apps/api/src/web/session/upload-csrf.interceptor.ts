import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { PageError } from '../page-error';
import type { PageRequest } from '../web-http';
import { CSRF_REFUSED, csrfTokenOf } from './csrf';
import { WebSessionService } from './web-session.service';

/** The CSRF check of an upload form, once the multipart body (and so its token) is parsed. */
@Injectable()
export class UploadCsrfInterceptor implements NestInterceptor {
  constructor(private readonly sessions: WebSessionService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<PageRequest>();
    if (!this.sessions.csrfValid(request.web?.session, csrfTokenOf(request)))
      throw new PageError(403, CSRF_REFUSED);
    return next.handle();
  }
}
