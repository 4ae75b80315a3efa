import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** Add a numbered session; without a date it stands in the calendar as "Termin offen". */
export class CreateMeetingDto {
  @ApiPropertyOptional({ example: 49 })
  @IsInt()
  @Min(1)
  number: number;

  @ApiPropertyOptional({
    example: '2026-03-25',
    description: 'Left out or null while the date is not known (shown as "Termin offen")',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsDateString({ strict: true }, { message: 'date muss ein Datum wie 2026-03-25 sein' })
  date?: string | null;

  @ApiPropertyOptional({ example: 'Berlin' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string;
}

/** Add a special session: it has no number, it is known by its date. */
export class CreateSpecialMeetingDto {
  @ApiPropertyOptional({ example: '2026-09-18' })
  @IsDateString({ strict: true }, { message: 'date muss ein Datum wie 2026-09-18 sein' })
  date: string;

  @ApiPropertyOptional({ example: 'Videokonferenz' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string;
}

/** Move a session (its deadlines move with it) or cancel it (its deadlines go to the next one). */
export class UpdateMeetingDto {
  @ApiPropertyOptional({ example: '2026-04-22' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'date muss ein Datum wie 2026-04-22 sein' })
  date?: string;

  @ApiPropertyOptional({ enum: ['planned', 'held', 'cancelled'], example: 'cancelled' })
  @IsOptional()
  @IsIn(['planned', 'held', 'cancelled'], {
    message: 'state must be one of: planned, held, cancelled',
  })
  state?: 'planned' | 'held' | 'cancelled';

  @ApiPropertyOptional({ example: 'Hannover' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string;
}
