import { DUE_KINDS, type DueKind } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class DueDto {
  @ApiPropertyOptional({ enum: DUE_KINDS, example: 'meeting' })
  @IsIn(DUE_KINDS, { message: `due.kind must be one of: ${DUE_KINDS.join(', ')}` })
  kind: DueKind;

  @ApiPropertyOptional({ example: 35 })
  @IsOptional()
  @IsInt()
  @Min(1)
  meeting?: number;

  @ApiPropertyOptional({ example: '2021-12-31' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'due.date muss ein Datum wie 2021-12-31 sein' })
  date?: string;

  @ApiPropertyOptional({ example: 33 })
  @IsOptional()
  @IsInt()
  @Min(1)
  fromMeeting?: number;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  soft?: boolean;
}

/** The secretariat's correction of an extracted mandate; the original stays in its history. */
export class CorrectMandateDto {
  @ApiPropertyOptional({
    example: ['HB', 'BY'],
    description: 'Member codes or names of the owners',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  owners?: string[];

  @ApiPropertyOptional({ type: DueDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DueDto)
  due?: DueDto;

  @ApiPropertyOptional({ example: 'Feinkonzept erstellen' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  action?: string;

  @ApiPropertyOptional({
    example: 2,
    description: 'The point of the decision the mandate belongs to; it must be one of its points',
  })
  @IsOptional()
  @IsInt({ message: 'point muss eine ganze Zahl sein (die Ziffer des Beschlusses)' })
  @Min(1, { message: 'point muss mindestens 1 sein' })
  point?: number;

  @ApiPropertyOptional({
    example: 'Der IT-Planungsrat bittet die FITKO, bis zur 35. Sitzung zu berichten.',
    description: 'The sentence of the decision that gives the mandate; a re-ingest keeps it',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'source darf nicht leer sein' })
  @MaxLength(4000)
  source?: string;

  @ApiPropertyOptional({ example: 'Owner corrected: Bayern was not addressed.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
