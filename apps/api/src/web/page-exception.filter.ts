import type { Response } from 'express';
import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { PageError } from './page-error';
import { SignInRequired } from './session/page.guard';
import { errorPage } from './views/error.view';
import { wantsJson, type PageRequest } from './web-http';

const GENERIC: Record<number, string> = {
  400: 'Die Eingabe konnte nicht verarbeitet werden.',
  401: 'Bitte melden Sie sich an.',
  403: 'Dafür fehlt Ihnen die Berechtigung: Der Eintrag gehört zu einem anderen Mitglied, oder Ihre Rolle darf das nicht.',
  404: 'Diese Seite oder dieser Eintrag existiert nicht (mehr).',
  409: 'Das ist im jetzigen Stand nicht möglich.',
  413: 'Die Datei ist zu groß; erlaubt sind 20 MB.',
  422: 'Die Angaben sind unvollständig oder passen nicht zusammen.',
  429: 'Zu viele Versuche in kurzer Zeit; bitte warten Sie einen Moment.',
};
const UNEXPECTED =
  'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal; bleibt er, melden Sie ihn der Geschäftsstelle.';

/** The service's own words for a refused request (German, naming the value), shown under ours. */
function detailOf(exception: HttpException): string | undefined {
  const body = exception.getResponse();
  const message =
    typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
  const text = Array.isArray(message) ? message.join('; ') : message;
  return text && text !== exception.name ? text : undefined;
}

/** Errors on pages become pages (or JSON for the pages' script), never the API's JSON. */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<PageRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;

    if (exception instanceof SignInRequired) {
      if (wantsJson(request)) {
        response.status(401).json({ message: GENERIC[401] });
        return;
      }
      const next =
        exception.returnTo === '/' ? '' : `?next=${encodeURIComponent(exception.returnTo)}`;
      response.redirect(303, `/login${next}`);
      return;
    }

    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    let message: string;
    let detail: string | undefined;
    if (exception instanceof PageError) {
      message = exception.userMessage;
    } else if (exception instanceof HttpException && status < 500) {
      message = GENERIC[status] ?? GENERIC[400];
      detail = detailOf(exception);
    } else {
      // Only the error itself: request bodies can hold passwords and tokens.
      this.logger.error(
        `${request.method} ${request.path}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
      message = UNEXPECTED;
    }
    if (wantsJson(request)) {
      response.status(status).json({ message, ...(detail ? { detail } : {}) });
      return;
    }
    response
      .status(status)
      .type('html')
      .send(errorPage({ status, message, detail, context: request.web }).markup);
  }
}
