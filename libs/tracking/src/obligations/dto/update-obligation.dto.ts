import { OBLIGATION_STATUSES, type ObligationStatus } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export class UpdateObligationDto {
  @ApiPropertyOptional({ enum: OBLIGATION_STATUSES, example: 'reported' })
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES, {
    message: `status must be one of: ${OBLIGATION_STATUSES.join(', ')}`,
  })
  status?: ObligationStatus;

  @ApiPropertyOptional({ example: 'Bericht an die Geschäftsstelle übermittelt.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ example: 'https://www.it-planungsrat.de/beschluesse/2021-07' })
  @IsOptional()
  @IsUrl(
    { require_protocol: true },
    { message: 'link muss eine vollständige Webadresse sein (https://…)' },
  )
  @MaxLength(1000)
  link?: string;
}

export class AddCommentDto {
  @ApiProperty({ example: 'Abstimmung mit dem Bund läuft.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(4000)
  note: string;

  @ApiPropertyOptional({ example: 'https://example.org/vermerk.pdf' })
  @IsOptional()
  @IsUrl(
    { require_protocol: true },
    { message: 'link muss eine vollständige Webadresse sein (https://…)' },
  )
  @MaxLength(1000)
  link?: string;
}
