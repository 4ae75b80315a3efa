import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { OBLIGATION_STATUSES, type ObligationStatus } from '@app/persistence';

/** Filters of the mandate list, shared by `tracker mandates` and `GET /api/mandates`. */
export class MandateListQuery {
  /** Member code ("HB") or owner name. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  owner?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  dueMeeting?: number;

  /** Status of the owner's obligation (with `owner`), or of any obligation of the mandate. */
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES, {
    message: `status must be one of: ${OBLIGATION_STATUSES.join(', ')}`,
  })
  status?: ObligationStatus;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  resolution?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
