import { isIP } from 'node:net';
import { registerAs } from '@nestjs/config';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

/** Every environment variable the apps read, with its default (see .env.example). */
/** A TRUST_PROXY value: a hop count, or names, addresses and CIDR ranges, comma-separated. */
export function isTrustProxy(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (/^\s*\d+\s*$/.test(value)) return true;
  return value.split(',').every((entry) => {
    const [address, bits, ...rest] = entry.trim().split('/');
    if (rest.length > 0) return false;
    if (['loopback', 'linklocal', 'uniquelocal'].includes(address)) return bits === undefined;
    const family = isIP(address);
    if (family === 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
}

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

  /**
   * Reverse proxies in front of the app whose X-Forwarded-For and X-Forwarded-Proto are believed:
   * a number of hops, "loopback", or addresses and CIDR ranges, comma-separated; none by default.
   */
  @IsOptional()
  @ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: isTrustProxy,
      defaultMessage: () =>
        'TRUST_PROXY must be a number of proxies, or loopback, linklocal, uniquelocal, addresses and CIDR ranges, comma-separated',
    },
  })
  TRUST_PROXY?: string;

  /** The address users reach the app at, for links in mail and feeds (default http://127.0.0.1:PORT). */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'PUBLIC_URL must be http(s)://host[:port]' })
  PUBLIC_URL?: string;

  /** "true": links that name an earlier decision and take note of its report apply at ingest. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'LINKS_APPLY_EXPLICIT_FULFILS must be true or false' })
  LINKS_APPLY_EXPLICIT_FULFILS?: string;

  /** OParl 1.1 at /oparl/v1.1/system: off, the decisions, or the decisions with their follow-up. */
  @IsIn(['off', 'decisions', 'follow-up'], {
    message: 'OPARL_PUBLISH must be off, decisions or follow-up',
  })
  OPARL_PUBLISH: 'off' | 'decisions' | 'follow-up' = 'off';

  /** Where `tracker seed` and the first start read the registry and calendar. */
  @IsString()
  SEEDS_DIR: string = 'seeds';

  /** Ingested on the first start of an empty database ("" to skip). */
  @IsString()
  @IsOptional()
  SAMPLE_PROTOCOL: string = 'seeds/protocols/itplr-32.md';
}

/**
 * Express's "trust proxy" value for TRUST_PROXY: false (unset), a hop count, or a list of
 * addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
 */
export function trustProxySetting(value: string | undefined): false | number | string[] {
  const text = (value ?? '').trim();
  if (text === '') return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim());
}

/** Validates the environment at start-up; a wrong variable stops the process with its name. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  // An empty variable means "the default", except SAMPLE_PROTOCOL, where "" means "none".
  const present = Object.fromEntries(
    Object.entries(raw).filter(
      ([k, v]) => v !== undefined && (v !== '' || k === 'SAMPLE_PROTOCOL'),
    ),
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
