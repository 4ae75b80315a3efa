import { OBLIGATION_STATUSES, type ObligationStatus } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { PageField, PageSizeField } from '../paging.fields';

export const MANDATE_SORTS = [
  '-meeting',
  'meeting',
  'due',
  '-due',
  'resolution',
  '-resolution',
] as const;

/** Filters of the mandate list, shared by `tracker mandates`, `GET /api/mandates` and the CSV export. */
export class MandateListQuery {
  @ApiPropertyOptional({
    description:
      "Member code or owner name; the API's list items then carry that owner's obligation only",
    example: 'HB',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({
    description: "Status of the owner's obligation (with owner), else of any",
    enum: OBLIGATION_STATUSES,
    example: 'open',
  })
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES, {
    message: `status must be one of: ${OBLIGATION_STATUSES.join(', ')}`,
  })
  status?: ObligationStatus;

  @ApiPropertyOptional({ description: 'Due at this session', example: 34 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  dueMeeting?: number;

  @ApiPropertyOptional({
    description: 'Due on or before this date (session date or due date)',
    example: '2021-06-30',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'dueBefore must be a date like 2021-06-30' })
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Only mandates with an overdue obligation', example: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Decision number', example: '2020/28' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  resolution?: string;

  @ApiPropertyOptional({ description: 'Decided at this session', example: 32 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  meeting?: number;

  @ApiPropertyOptional({
    description:
      'Decided at this meeting, by its id (GET /api/meetings): also special sessions, circulation procedures and AL-Runde meetings, which have no number',
    example: 7,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  meetingId?: number;

  @ApiPropertyOptional({
    description: 'Council, by its short name or id (GET /api/councils)',
    example: 'itplr',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  council?: string;

  @ApiPropertyOptional({
    description: 'Words in the action or the source sentence',
    example: 'Feinkonzept',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: MANDATE_SORTS, example: '-meeting' })
  @IsOptional()
  @IsIn(MANDATE_SORTS, { message: `sort must be one of: ${MANDATE_SORTS.join(', ')}` })
  sort?: (typeof MANDATE_SORTS)[number];

  @PageField()
  page?: number;

  @ApiPropertyOptional({
    description: 'Also count all matches (slower on large lists)',
    example: true,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeTotal must be true or false' })
  includeTotal?: boolean;

  @PageSizeField(500, 50)
  pageSize?: number;
}
