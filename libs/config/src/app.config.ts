import { isIP } from 'node:net';
import { registerAs } from '@nestjs/config';
import { CronExpressionParser } from 'cron-parser';
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

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('de-DE', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A schedule variable: a cron pattern ("minute hour day month weekday"). */
function cronRule(name: string) {
  return {
    name: 'isCron',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          CronExpressionParser.parse(value);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () =>
        `${name} muss ein Cron-Muster wie "0 6 * * *" sein (Minute Stunde Tag Monat Wochentag)`,
    },
  };
}

/**
 * A whole-number variable from `min` (to `max`), in `unit`: one message for all three checks, so a
 * wrong value gives one line that says the whole range.
 */
function WholeNumber(min: number, max?: number, unit?: string): PropertyDecorator {
  return (target, key) => {
    const range = max === undefined ? `ab ${min}` : `von ${min} bis ${max}`;
    const message = `${String(key)} muss eine ganze Zahl ${range} sein${unit ? ` (${unit})` : ''}`;
    Type(() => Number)(target, key);
    IsInt({ message })(target, key);
    Min(min, { message })(target, key);
    if (max !== undefined) Max(max, { message })(target, key);
  };
}

/** The URLs of OPARL_SOURCES; undefined if one is no http(s) URL. */
export function oparlSources(value: string | undefined): string[] | undefined {
  const urls = (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  const valid = urls.every((url) => {
    try {
      return ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      return false;
    }
  });
  return valid ? urls : undefined;
}

export class EnvironmentVariables {
  @WholeNumber(0, 65535)
  PORT: number = 3000;

  /** The address the API listens on; `npm run stack` puts its API processes on 127.0.0.1. */
  @IsOptional()
  @ValidateBy({
    name: 'isHost',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && (isIP(value) !== 0 || value === 'localhost'),
      defaultMessage: () =>
        'HOST muss eine IP-Adresse wie 0.0.0.0 oder 127.0.0.1 sein, oder localhost',
    },
  })
  HOST: string = '0.0.0.0';

  /**
   * "false": a process does not migrate the database at start, because one step before it did
   * (`npm run stack` migrates once, then starts its processes; `npm run migration:run`).
   */
  @IsIn(['true', 'false'], { message: 'MIGRATIONS_RUN: erlaubt sind true oder false' })
  MIGRATIONS_RUN: 'true' | 'false' = 'true';

  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'DATABASE_URL muss sqlite:<Pfad> oder postgres://Benutzer@Host:Port/Datenbank sein',
  })
  DATABASE_URL: string = 'sqlite:data/mandate-tracker.sqlite';

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, {
    message:
      'REDIS_URL muss redis://Host:Port oder rediss://Host:Port sein (leer: die Abläufe laufen im Server selbst)',
  })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, {
    message:
      'SMTP_URL muss smtp://Benutzer:Passwort@Host:Port oder smtps://Benutzer:Passwort@Host:Port sein',
  })
  SMTP_URL?: string;

  @IsString({ message: 'MAIL_FROM muss ein Absender wie mandate-tracker <noreply@localhost> sein' })
  MAIL_FROM: string = 'mandate-tracker <noreply@localhost>';

  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'ADMIN_EMAIL muss eine E-Mail-Adresse sein' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD muss mindestens 12 Zeichen lang sein' })
  ADMIN_PASSWORD?: string;

  /** Origins allowed to call the API from a browser, comma-separated; none by default. */
  @IsOptional()
  @IsString({ message: 'CORS_ORIGINS muss eine Liste von Adressen sein, durch Kommas getrennt' })
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
        'TRUST_PROXY muss die Zahl der vorgeschalteten Proxys sein, oder loopback, linklocal, uniquelocal, IP-Adressen und CIDR-Bereiche, durch Kommas getrennt',
    },
  })
  TRUST_PROXY?: string;

  /** The address users reach the app at, for links in mail and feeds (default http://127.0.0.1:PORT). */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, {
    message: 'PUBLIC_URL muss http://Host[:Port] oder https://Host[:Port] sein',
  })
  PUBLIC_URL?: string;

  /** Node's run mode; the process that reads an uploaded file gets the same (production if unset). */
  @IsOptional()
  @IsIn(['production', 'development', 'test'], {
    message: 'NODE_ENV: erlaubt sind production, development oder test',
  })
  NODE_ENV?: string;

  /** "debug": also Nest's module and route mapping and other details at start. */
  @IsOptional()
  @IsIn(['log', 'debug'], { message: 'LOG_LEVEL: erlaubt sind log oder debug' })
  LOG_LEVEL?: string;

  /** "true": links that name an earlier decision and take note of its report apply at ingest. */
  @IsOptional()
  @IsIn(['true', 'false'], {
    message: 'LINKS_APPLY_EXPLICIT_FULFILS: erlaubt sind true oder false',
  })
  LINKS_APPLY_EXPLICIT_FULFILS?: string;

  /** Pages of a PDF read at most; a longer one is refused (the council's protocols have a few hundred). */
  @WholeNumber(1, undefined, 'Seiten')
  READ_MAX_PAGES: number = 1000;

  /** Megabytes the compressed parts of one PDF or Word file may unpack to together. */
  @WholeNumber(1, undefined, 'Megabyte')
  READ_MAX_UNPACKED_MB: number = 200;

  /** Megabytes of memory the process reading one PDF, Word file or web page may use. */
  @WholeNumber(128, undefined, 'Megabyte')
  READ_MAX_MEMORY_MB: number = 768;

  /** Seconds reading one PDF, Word file or web page may take. */
  @WholeNumber(1, 600, 'Sekunden')
  READ_TIMEOUT_SECONDS: number = 30;
  /** OParl 1.1 at /oparl/v1.1/system: off, the decisions, or the decisions with their follow-up. */
  @IsIn(['off', 'decisions', 'follow-up'], {
    message: 'OPARL_PUBLISH: erlaubt sind off, decisions oder follow-up',
  })
  OPARL_PUBLISH: 'off' | 'decisions' | 'follow-up' = 'off';

  /** OParl System URLs of councils to follow, comma-separated; synced by a job (oparl-sync). */
  @IsOptional()
  @ValidateBy({
    name: 'isUrlList',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && oparlSources(value) !== undefined,
      defaultMessage: () =>
        'OPARL_SOURCES muss eine Liste von http(s)-Adressen von OParl-System-Objekten sein, durch Kommas getrennt',
    },
  })
  OPARL_SOURCES?: string;

  @IsOptional()
  @ValidateBy(cronRule('SCHEDULE_OPARL_SYNC'))
  SCHEDULE_OPARL_SYNC?: string;

  /** Where `tracker seed` and the first start read the registry and calendar. */
  @IsString({ message: 'SEEDS_DIR muss ein Verzeichnis sein' })
  SEEDS_DIR: string = 'seeds';

  /** Ingested on the first start of an empty database ("" to skip). */
  @IsString({ message: 'SAMPLE_PROTOCOL muss der Pfad einer Datei sein (leer: keine)' })
  @IsOptional()
  SAMPLE_PROTOCOL: string = 'seeds/protocols/itplr-32.md';

  /** Key prefix in Redis, so several installations can share one server. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, {
    message: 'REDIS_PREFIX muss 1 bis 40 Zeichen lang sein, nur A–Z, a–z, 0–9, "_", "-" und "."',
  })
  REDIS_PREFIX?: string;

  /** How often a failed job is tried in all, and the first wait between tries (doubling). */
  @IsOptional()
  @WholeNumber(1, 100)
  JOB_ATTEMPTS?: number;

  @IsOptional()
  @WholeNumber(0, undefined, 'Millisekunden')
  JOB_BACKOFF_MS?: number;

  /** The time zone of the schedules (an IANA name such as Europe/Berlin). */
  @IsOptional()
  @ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: isTimeZone,
      defaultMessage: () => 'SCHEDULE_TZ muss eine Zeitzone wie Europe/Berlin sein',
    },
  })
  SCHEDULE_TZ?: string;

  @IsOptional()
  @ValidateBy(cronRule('SCHEDULE_OVERDUE_SCAN'))
  SCHEDULE_OVERDUE_SCAN?: string;

  @IsOptional()
  @ValidateBy(cronRule('SCHEDULE_MEMBER_REPORTS'))
  SCHEDULE_MEMBER_REPORTS?: string;

  @IsOptional()
  @ValidateBy(cronRule('SCHEDULE_DIGESTS_WEEKLY'))
  SCHEDULE_DIGESTS_WEEKLY?: string;

  @IsOptional()
  @ValidateBy(cronRule('SCHEDULE_DIGESTS_DAILY'))
  SCHEDULE_DIGESTS_DAILY?: string;

  @IsOptional()
  @ValidateBy(cronRule('SCHEDULE_REMINDERS'))
  SCHEDULE_REMINDERS?: string;

  /** How often the reports delegates made are passed on to the secretariat (every ten minutes). */
  @IsOptional()
  @ValidateBy(cronRule('SCHEDULE_REPORT_NOTICES'))
  SCHEDULE_REPORT_NOTICES?: string;

  /** How many days before a deadline its owners' delegates are reminded (14). */
  @IsOptional()
  @WholeNumber(1, 365, 'Tage')
  REMINDER_LEAD_DAYS?: number;
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

/**
 * Validates the environment at start-up; a wrong variable stops the process with one line per
 * variable, in which its name and what it may be, never its value (it may be a password).
 */
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
    // Each message names its variable; one variable's checks may share one message.
    const lines = errors.map(
      (e) => `  ${[...new Set(Object.values(e.constraints ?? {}))].join('; ')}`,
    );
    throw new Error(`Ungültige Einstellungen:\n${lines.join('\n')}`);
  }
  return env;
}

/**
 * The check at start (libs/config/src/check-at-start.ts): a wrong environment prints its lines
 * alone and ends the process with exit code 1.
 */
export function stopOnWrongEnvironment(
  raw: Record<string, unknown>,
  write: (text: string) => unknown = (text) => process.stderr.write(text),
  exit: (code: number) => unknown = (code) => process.exit(code),
): void {
  try {
    validateEnvironment(raw);
  } catch (error) {
    write(`${(error as Error).message}\n`);
    exit(1);
  }
}

/**
 * The one base of every link that leaves the app (mails, calendar feeds, reports): PUBLIC_URL,
 * else http://127.0.0.1:PORT. Never the address a request came in at, so a link does not depend
 * on who asked or through which proxy.
 */
export function publicUrl(
  env: Pick<EnvironmentVariables, 'PUBLIC_URL' | 'PORT'> = validateEnvironment(process.env),
): string {
  return (env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, '');
}

export const databaseConfig = registerAs('database', () => {
  const env = validateEnvironment(process.env);
  return { url: env.DATABASE_URL, migrationsRun: env.MIGRATIONS_RUN !== 'false' };
});

export const seedConfig = registerAs('seed', () => {
  const env = validateEnvironment(process.env);
  return { dir: env.SEEDS_DIR, sampleProtocol: env.SAMPLE_PROTOCOL ?? '' };
});

export const httpConfig = registerAs('http', () => {
  const env = validateEnvironment(process.env);
  return { port: env.PORT, host: env.HOST };
});

export const authConfig = registerAs('auth', () => {
  const env = validateEnvironment(process.env);
  return { adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD };
});
