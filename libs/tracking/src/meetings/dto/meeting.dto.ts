import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class CreateMeetingDto {
  @ApiPropertyOptional({ example: 49 })
  @IsInt()
  @Min(1)
  number: number;

  @ApiPropertyOptional({ example: '2026-03-25' })
  @IsDateString({ strict: true }, { message: 'date must be a date like 2026-03-25' })
  date: string;

  @ApiPropertyOptional({ example: 'Berlin' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string;
}

/** Move a session (its deadlines move with it) or cancel it (its deadlines go to the next one). */
export class UpdateMeetingDto {
  @ApiPropertyOptional({ example: '2026-04-22' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'date must be a date like 2026-04-22' })
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
