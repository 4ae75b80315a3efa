import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@fitko.de' })
  @IsEmail({ require_tld: false }, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class PasswordResetDto {
  @ApiProperty({ example: 'delegierte@finanzen.bremen.de' })
  @IsEmail({ require_tld: false }, { message: 'email muss eine E-Mail-Adresse sein' })
  @MaxLength(320)
  email: string;
}
