import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/accounts';
import { PageExceptionFilter } from './page-exception.filter';
import { PageGuard } from './session/page.guard';
import { WEB_MOUNT } from './web-paths';

/**
 * A controller of pages at `/<path>`: outside the API's bearer authentication (@Public) and its
 * OpenAPI description, signed in by the page session instead, errors rendered as pages.
 */
export const PageController = (path = '') =>
  applyDecorators(
    Public(),
    ApiExcludeController(),
    Controller(path ? `${WEB_MOUNT}/${path}` : WEB_MOUNT),
    UseGuards(PageGuard),
    UseFilters(PageExceptionFilter),
  );
