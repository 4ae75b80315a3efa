import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DIGEST_FREQUENCIES, ROLES, type DigestFrequency, type Role } from '@app/persistence';

export class CreateUserDto {
  @ApiProperty({ example: 'delegierte@finanzen.bremen.de' })
  @IsEmail({ require_tld: false }, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Erika Mustermann' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES, example: 'delegate' })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ example: 'HB', description: 'Member code; required for delegates' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  member?: string;

  @ApiPropertyOptional({
    description: 'At least 12 characters; generated and returned once when left out',
  })
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'password must have at least 12 characters' })
  @MaxLength(200)
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Erika Mustermann' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ example: 'HB', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(200)
  member?: string | null;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES })
  @IsOptional()
  @IsIn(DIGEST_FREQUENCIES, {
    message: `digestFrequency must be one of: ${DIGEST_FREQUENCIES.join(', ')}`,
  })
  digestFrequency?: DigestFrequency;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'password must have at least 12 characters' })
  @MaxLength(200)
  password?: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES, example: 'daily' })
  @IsOptional()
  @IsIn(DIGEST_FREQUENCIES, {
    message: `digestFrequency must be one of: ${DIGEST_FREQUENCIES.join(', ')}`,
  })
  digestFrequency?: DigestFrequency;

  @ApiPropertyOptional({ example: 'Erika Mustermann' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password in use now' })
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ description: 'At least 12 characters, different from the current one' })
  @IsString()
  @MinLength(12, { message: 'newPassword must have at least 12 characters' })
  @MaxLength(200)
  newPassword: string;
}

export class CreateTokenDto {
  @ApiProperty({ example: 'Skript Wochenbericht' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: ['api', 'calendar'], example: 'api' })
  @IsOptional()
  @IsIn(['api', 'calendar'], { message: 'kind: erlaubt sind api, calendar.' })
  kind?: 'api' | 'calendar';

  @ApiPropertyOptional({ example: 90, description: 'Days until it expires (default 365)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

/** An invitation: the account gets no password; the mailed one-time link sets it. */
export class InviteUserDto extends OmitType(CreateUserDto, ['password'] as const) {}
