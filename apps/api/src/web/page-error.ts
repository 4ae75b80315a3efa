import { HttpException } from '@nestjs/common';

/** An error whose message is written for the person at the page (in German). */
export class PageError extends HttpException {
  constructor(
    status: number,
    readonly userMessage: string,
  ) {
    super(userMessage, status);
  }
}
