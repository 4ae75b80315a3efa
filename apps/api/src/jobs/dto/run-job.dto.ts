import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** The body of `POST /api/jobs/:name/run`; empty for "now". */
export class RunJobDto {
  @ApiPropertyOptional({
    example: '2026-11-30T06:00:00Z',
    description:
      'Run as of this instant instead of now (e.g. a digest or scan a stopped server missed); ISO 8601',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'now must be an ISO 8601 date or timestamp' })
  now?: string;
}
