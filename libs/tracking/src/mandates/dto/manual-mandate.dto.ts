import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DueDto } from './correct-mandate.dto';

/** A mandate the extractor missed, added by the secretariat to a stored decision. */
export class CreateMandateDto {
  @ApiProperty({ example: '2020/28', description: 'The number of a stored decision' })
  @IsString({ message: 'resolution muss die Nummer eines Beschlusses sein, z. B. 2020/28' })
  @IsNotEmpty({ message: 'resolution muss die Nummer eines Beschlusses sein, z. B. 2020/28' })
  @MaxLength(60)
  resolution: string;

  @ApiProperty({ example: 2, description: 'One of the decision’s points' })
  @IsInt({ message: 'point muss eine ganze Zahl sein (die Ziffer des Beschlusses)' })
  @Min(1, { message: 'point muss mindestens 1 sein' })
  point: number;

  @ApiProperty({
    example: ['FITKO', 'Bremen'],
    description:
      'Member codes, registry names or aliases; a name the registry does not know is kept by that name',
  })
  @IsArray({ message: 'owners muss eine Liste von Zuständigen sein' })
  @ArrayMinSize(1, { message: 'owners braucht mindestens einen Zuständigen' })
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'owners darf keine leeren Namen enthalten' })
  @MaxLength(200, { each: true })
  owners: string[];

  @ApiProperty({ example: 'einen Bericht zur Umsetzung vorlegen' })
  @IsString()
  @IsNotEmpty({ message: 'action darf nicht leer sein: was ist zu tun?' })
  @MaxLength(4000)
  action: string;

  @ApiProperty({
    type: DueDto,
    description: 'meeting (a calendar session), date, recurring, event or none',
  })
  @IsDefined({
    message: 'due fehlt: eine Frist wie {"kind":"meeting","meeting":34} oder {"kind":"none"}',
  })
  @ValidateNested()
  @Type(() => DueDto)
  due: DueDto;

  @ApiPropertyOptional({
    example: 'Der IT-Planungsrat bittet die FITKO, bis zur 35. Sitzung zu berichten.',
    description: 'The sentence of the decision that gives the mandate',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  source?: string;
}

/** Why a mandate is taken out of every list. */
export class WithdrawMandateDto {
  @ApiProperty({ example: 'Falsch gelesen: Der Satz gibt keinen Auftrag.' })
  @IsString({ message: 'reason muss ein Text sein' })
  @IsNotEmpty({ message: 'reason darf nicht leer sein: warum wird der Auftrag zurückgezogen?' })
  @MaxLength(2000)
  reason: string;
}
