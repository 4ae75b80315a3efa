import {
  Catch,
  ServiceUnavailableException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';

/** Seconds a client is asked to wait when the job queue (Redis) cannot be reached. */
export const QUEUE_RETRY_AFTER_S = 30;

/**
 * A 503 of the jobs API says when to try again (`Retry-After`), as the proxy of `npm run stack`
 * does while a process restarts: clients and scripts can wait instead of guessing. The body is
 * Nest's usual one.
 */
@Catch(ServiceUnavailableException)
export class RetryAfterFilter implements ExceptionFilter {
  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(QUEUE_RETRY_AFTER_S));
    response.status(exception.getStatus()).json(exception.getResponse());
  }
}
