import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { OparlRequestError, oparlError } from '@app/oparl';
import type { Response } from 'express';

/** Errors of the OParl API as the spec's error objects, with the CORS header of every answer. */
@Catch()
export class OparlErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OParl');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body = oparlError('Die Anfrage konnte nicht beantwortet werden.', 'internal error');
    if (exception instanceof OparlRequestError) {
      status = exception.status;
      body = oparlError(exception.message, exception.debug);
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = exception.getStatus();
      body = oparlError(
        status === 404 ? 'Dieses Objekt gibt es nicht.' : 'Die Anfrage ist ungültig.',
        exception.message,
      );
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  }
}
