import {
  applyDecorators,
  Controller,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/accounts';
import { PageExceptionFilter } from './page-exception.filter';
import { PageInterceptor } from './page.interceptor';
import { PageGuard } from './session/page.guard';

/**
 * A controller of pages at `/<path>` (the web module is mounted at the root): outside the API's
 * bearer authentication (@Public) and its OpenAPI description, signed in by the page session
 * instead; handlers return a `Page` or `SeeOther`, errors are rendered as pages.
 */
export const PageController = (path = '') =>
  applyDecorators(
    Public(),
    ApiExcludeController(),
    Controller(path),
    UseGuards(PageGuard),
    UseInterceptors(PageInterceptor),
    UseFilters(PageExceptionFilter),
  );
