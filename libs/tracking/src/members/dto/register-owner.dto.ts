import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/** Kinds of registry entries that are not members themselves. */
export const REGISTRY_KINDS = [
  'working-group',
  'project',
  'programme-office',
  'office',
  'body',
  'other',
] as const;

/**
 * An owner the extractor found by name ("Arbeitsgruppe Nachnutzungsmodell FIT-Store") added to
 * the registry: later texts that name it get it by its code, and the obligations it already
 * has move to that code (and to the member it belongs to, for that member's delegates).
 */
export class RegisterOwnerDto {
  @ApiProperty({ example: 'Koordinierungsstelle für IT-Standards (KoSIT)' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'KoSIT', description: 'Short code, shown and filtered by' })
  @IsString()
  @Matches(/^[\p{L}\d][\p{L}\d .&/()+-]{0,59}$/u, {
    message:
      'code: 1 bis 60 Buchstaben, Ziffern, Leerzeichen oder .&/()+-, am Anfang ein Buchstabe oder eine Ziffer.',
  })
  code: string;

  @ApiProperty({ enum: REGISTRY_KINDS, example: 'office' })
  @IsIn(REGISTRY_KINDS, { message: `kind must be one of: ${REGISTRY_KINDS.join(', ')}` })
  kind: (typeof REGISTRY_KINDS)[number];

  @ApiPropertyOptional({
    example: 'HB',
    description: "The member it belongs to: its obligations are that member's, for its delegates",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  belongsTo?: string;

  @ApiPropertyOptional({ example: ['KoSIT'], description: 'Further spellings texts use' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}
