import { registerAs } from '@nestjs/config';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Every environment variable the apps read, with its default (see .env.example). */
export class EnvironmentVariables {
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'DATABASE_URL must be sqlite:<path> or postgres://user@host:port/db',
  })
  DATABASE_URL: string = 'sqlite:data/mandate-tracker.sqlite';

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, {
    message: 'REDIS_URL must be redis://host:port (or unset for in-process jobs)',
  })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, {
    message: 'SMTP_URL must be smtp://user:pass@host:port or smtps://...',
  })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM: string = 'mandate-tracker <noreply@localhost>';

  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD must have at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Origins allowed to call the API from a browser, comma-separated; none by default. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** The address users reach the app at, for links in mail and feeds (default http://127.0.0.1:PORT). */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'PUBLIC_URL must be http(s)://host[:port]' })
  PUBLIC_URL?: string;

  /** Where `tracker seed` and the first start read the registry and calendar. */
  @IsString()
  SEEDS_DIR: string = 'seeds';

  /** Ingested on the first start of an empty database ("" to skip). */
  @IsString()
  @IsOptional()
  SAMPLE_PROTOCOL: string = 'seeds/protocols/itplr-32.md';
}

/** Validates the environment at start-up; a wrong variable stops the process with its name. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''),
  );
  const env = plainToInstance(EnvironmentVariables, present, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}

export const databaseConfig = registerAs('database', () => ({
  url: validateEnvironment(process.env).DATABASE_URL,
}));

export const seedConfig = registerAs('seed', () => {
  const env = validateEnvironment(process.env);
  return { dir: env.SEEDS_DIR, sampleProtocol: env.SAMPLE_PROTOCOL ?? '' };
});

export const httpConfig = registerAs('http', () => ({
  port: validateEnvironment(process.env).PORT,
}));

export const authConfig = registerAs('auth', () => {
  const env = validateEnvironment(process.env);
  return { adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD };
});
