import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The deepest page a list query may ask for: past it, the filters are to narrow the list. */
export const MAX_PAGE = 100_000;

/** A paged list's `page` query parameter: a whole number from 1 to MAX_PAGE. */
export function PageField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: 1 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_PAGE, { message: 'page: höchstens 100000; schränken Sie stattdessen die Filter ein.' }),
  );
}

/** A paged list's `pageSize` query parameter: a whole number from 1 to `maximum`. */
export function PageSizeField(maximum: number, example: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example, maximum }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(maximum),
  );
}
