import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, type ValidationArguments, ValidationTypes } from 'class-validator';
import {
  EnvironmentVariables,
  oparlSources,
  stopOnWrongEnvironment,
  trustProxySetting,
  validateEnvironment,
} from './app.config';

describe('configuration', () => {
  it('gives the embedded defaults when nothing is set', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:data/mandate-tracker.sqlite',
      SEEDS_DIR: 'seeds',
    });
  });

  it('takes an empty variable for its default, but an empty SAMPLE_PROTOCOL for "no sample"', () => {
    expect(validateEnvironment({ PORT: '', SAMPLE_PROTOCOL: '' })).toMatchObject({
      PORT: 3000,
      SAMPLE_PROTOCOL: '',
    });
    expect(validateEnvironment({}).SAMPLE_PROTOCOL).toBe('seeds/protocols/itplr-32.md');
  });

  it('reads numbers from strings', () => {
    expect(validateEnvironment({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('bounds reading a file by pages, unpacked size, memory and time, refusing nonsense', () => {
    expect(validateEnvironment({})).toMatchObject({
      READ_MAX_PAGES: 1000,
      READ_MAX_UNPACKED_MB: 200,
      READ_MAX_MEMORY_MB: 768,
      READ_TIMEOUT_SECONDS: 30,
    });
    expect(validateEnvironment({ READ_MAX_PAGES: '300' }).READ_MAX_PAGES).toBe(300);
    expect(() => validateEnvironment({ READ_MAX_PAGES: '0' })).toThrow(/READ_MAX_PAGES/);
    expect(() => validateEnvironment({ READ_MAX_UNPACKED_MB: 'viel' })).toThrow(
      /READ_MAX_UNPACKED_MB muss eine ganze Zahl ab 1 sein \(Megabyte\)/,
    );
    expect(() => validateEnvironment({ READ_MAX_MEMORY_MB: '16' })).toThrow(
      /READ_MAX_MEMORY_MB muss eine ganze Zahl ab 128 sein/,
    );
    expect(() => validateEnvironment({ READ_TIMEOUT_SECONDS: '1.5' })).toThrow(
      /READ_TIMEOUT_SECONDS muss eine ganze Zahl von 1 bis 600 sein \(Sekunden\)/,
    );
  });

  it('stops with the name of a wrong variable and never echoes a password', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://root:secret@db/x' })).toThrow(
      /DATABASE_URL muss sqlite:<Pfad> oder postgres:\/\/Benutzer@Host:Port\/Datenbank sein/,
    );
    expect(() => validateEnvironment({ ADMIN_PASSWORD: 'short' })).toThrow(
      /ADMIN_PASSWORD muss mindestens 12 Zeichen lang sein/,
    );
    const secrets = {
      DATABASE_URL: 'mysql://root:Db-Geheim-4711@db/x',
      SMTP_URL: 'mail://versand:Smtp-Geheim-4712@mail.example:25',
      REDIS_URL: 'http://:Redis-Geheim-4713@redis.example:6379',
      ADMIN_PASSWORD: 'Kurz-4714',
    };
    const message = errorOf(() => validateEnvironment(secrets));
    expect(message).toMatch(/^Ungültige Einstellungen:\n/);
    for (const name of Object.keys(secrets)) expect(message).toContain(`  ${name} muss `);
    for (const secret of ['Db-Geheim', 'Smtp-Geheim', 'Redis-Geheim', 'Kurz-4714'])
      expect(message).not.toContain(secret);
  });

  it('stops a process at start with the lines alone and exit code 1, and lets a right one go on', () => {
    const said: string[] = [];
    const codes: number[] = [];
    const stop = (env: Record<string, string>) =>
      stopOnWrongEnvironment(
        env,
        (text) => said.push(text),
        (code) => codes.push(code),
      );
    stop({ PORT: '8080' });
    expect({ said, codes }).toEqual({ said: [], codes: [] });
    stop({ OPARL_PUBLISH: 'an' });
    expect({ said, codes }).toEqual({
      said: [
        'Ungültige Einstellungen:\n  OPARL_PUBLISH: erlaubt sind off, decisions oder follow-up\n',
      ],
      codes: [1],
    });
  });

  it('runs that check first in every app, before Nest loads its modules', () => {
    const root = join(__dirname, '..', '..', '..');
    for (const app of ['api', 'worker', 'cli']) {
      const imports = readFileSync(join(root, 'apps', app, 'src', 'main.ts'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('import '));
      expect({ app, first: imports.slice(0, 2) }).toEqual({
        app,
        first: ["import 'reflect-metadata';", "import '@app/config/check-at-start';"],
      });
    }
  });

  it('says a wrong number in one line with its whole range', () => {
    expect(errorOf(() => validateEnvironment({ PORT: 'achtzig', JOB_ATTEMPTS: '0' }))).toBe(
      'Ungültige Einstellungen:\n' +
        '  PORT muss eine ganze Zahl von 0 bis 65535 sein\n' +
        '  JOB_ATTEMPTS muss eine ganze Zahl von 1 bis 100 sein',
    );
  });

  it('takes TRUST_PROXY as a hop count or a list of names, addresses and ranges', () => {
    for (const good of ['1', 'loopback', '10.0.0.0/8, 192.168.1.4', 'loopback,fd00::/8', '::1']) {
      expect(validateEnvironment({ TRUST_PROXY: good }).TRUST_PROXY).toBe(good);
    }
    for (const bad of ['true', 'abc', '10.0.0.0/33', 'loopback/8', '1.2.3.4/8/1', '1,2']) {
      expect(() => validateEnvironment({ TRUST_PROXY: bad })).toThrow(
        /TRUST_PROXY muss die Zahl der vorgeschalteten Proxys sein, oder loopback/,
      );
    }
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting('')).toBe(false);
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('stops with the name of a wrong job setting: schedules, time zone, attempts, backoff, prefix', () => {
    const wrong: Array<[Record<string, string>, RegExp]> = [
      [
        { SCHEDULE_OVERDUE_SCAN: 'every morning' },
        /SCHEDULE_OVERDUE_SCAN muss ein Cron-Muster wie "0 6 \* \* \*" sein/,
      ],
      [{ SCHEDULE_DIGESTS_WEEKLY: '61 7 * * 1' }, /SCHEDULE_DIGESTS_WEEKLY muss ein Cron-Muster/],
      [{ SCHEDULE_TZ: 'Mars/Olympus' }, /SCHEDULE_TZ muss eine Zeitzone wie Europe\/Berlin sein/],
      [{ JOB_ATTEMPTS: 'five' }, /JOB_ATTEMPTS muss eine ganze Zahl von 1 bis 100 sein/],
      [{ JOB_ATTEMPTS: '0' }, /JOB_ATTEMPTS muss eine ganze Zahl von 1 bis 100 sein/],
      [{ JOB_BACKOFF_MS: '-1' }, /JOB_BACKOFF_MS muss eine ganze Zahl ab 0 sein \(Millisekunden\)/],
      [{ REDIS_PREFIX: 'a b' }, /REDIS_PREFIX muss 1 bis 40 Zeichen lang sein/],
      [{ SCHEDULE_REMINDERS: 'daily' }, /SCHEDULE_REMINDERS muss ein Cron-Muster/],
      [
        { REMINDER_LEAD_DAYS: 'zwei Wochen' },
        /REMINDER_LEAD_DAYS muss eine ganze Zahl von 1 bis 365 sein \(Tage\)/,
      ],
      [{ REMINDER_LEAD_DAYS: '0' }, /REMINDER_LEAD_DAYS muss eine ganze Zahl von 1 bis 365/],
      [{ REMINDER_LEAD_DAYS: '400' }, /REMINDER_LEAD_DAYS muss eine ganze Zahl von 1 bis 365/],
    ];
    for (const [env, message] of wrong) expect(() => validateEnvironment(env)).toThrow(message);
    expect(
      validateEnvironment({
        SCHEDULE_OVERDUE_SCAN: '15 5 * * 1-5',
        SCHEDULE_TZ: 'Europe/Berlin',
        JOB_ATTEMPTS: '3',
        JOB_BACKOFF_MS: '0',
        REDIS_PREFIX: 'mt-test',
        REMINDER_LEAD_DAYS: '7',
      }),
    ).toMatchObject({
      JOB_ATTEMPTS: 3,
      JOB_BACKOFF_MS: 0,
      REDIS_PREFIX: 'mt-test',
      REMINDER_LEAD_DAYS: 7,
    });
  });

  it('validates every variable that .env.example lists, and .env.example lists every one', () => {
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
        .map((m) => m.propertyName),
    );
    const listed = new Set(
      readFileSync(join(__dirname, '..', '..', '..', '.env.example'), 'utf8')
        .split('\n')
        .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    expect([...listed].sort()).toEqual([...validated].sort());
  });

  it('lists in .env.example, and validates, every variable the apps and libraries read', () => {
    const root = join(__dirname, '..', '..', '..');
    const listed = readFileSync(join(root, '.env.example'), 'utf8');
    const read = new Set<string>();
    for (const file of sourceFiles(join(root, 'apps')).concat(sourceFiles(join(root, 'libs')))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of READS) for (const match of text.matchAll(pattern)) read.add(match[1]);
    }
    // The scan finds what it should: reads through process.env, the validated environment, an
    // env object and the ConfigService.
    expect([...read]).toEqual(
      expect.arrayContaining(['LOG_LEVEL', 'OPARL_PUBLISH', 'SCHEDULE_TZ', 'MAIL_FROM']),
    );
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
        .map((m) => m.propertyName),
    );
    const unlisted = [...read].filter((name) => !new RegExp(`^${name}=`, 'm').test(listed));
    const unvalidated = [...read].filter((name) => !validated.has(name));
    expect({ unlisted, unvalidated }).toEqual({ unlisted: [], unvalidated: [] });
  });

  it('publishes OParl only when OPARL_PUBLISH says what', () => {
    expect(validateEnvironment({}).OPARL_PUBLISH).toBe('off');
    for (const value of ['off', 'decisions', 'follow-up'])
      expect(validateEnvironment({ OPARL_PUBLISH: value }).OPARL_PUBLISH).toBe(value);
    expect(() => validateEnvironment({ OPARL_PUBLISH: 'on' })).toThrow(
      /OPARL_PUBLISH: erlaubt sind off, decisions oder follow-up/,
    );
  });

  it('takes OPARL_SOURCES as http(s) URLs separated by commas, and SCHEDULE_OPARL_SYNC as cron', () => {
    const env = validateEnvironment({
      OPARL_SOURCES: ' https://ris.example.de/oparl/system , http://127.0.0.1:8080/system',
    });
    expect(oparlSources(env.OPARL_SOURCES)).toEqual([
      'https://ris.example.de/oparl/system',
      'http://127.0.0.1:8080/system',
    ]);
    expect(oparlSources(validateEnvironment({}).OPARL_SOURCES)).toEqual([]);
    expect(() => validateEnvironment({ OPARL_SOURCES: 'ris.example.de/oparl' })).toThrow(
      /OPARL_SOURCES muss eine Liste von http\(s\)-Adressen von OParl-System-Objekten sein/,
    );
    expect(() =>
      validateEnvironment({ OPARL_SOURCES: 'https://a.example/system,ftp://b.example/system' }),
    ).toThrow(/OPARL_SOURCES/);
    expect(() => validateEnvironment({ SCHEDULE_OPARL_SYNC: 'nightly' })).toThrow(
      /SCHEDULE_OPARL_SYNC muss ein Cron-Muster/,
    );
  });
  it('speaks German in every message, each naming its variable, and never shows the value', () => {
    const messages = allMessages();
    // The scan sees every constraint: more than one per variable on average, the cron rules too.
    expect(messages.length).toBeGreaterThan(40);
    expect(messages.map((m) => m.property)).toEqual(
      expect.arrayContaining(['PORT', 'SCHEDULE_REMINDERS', 'TRUST_PROXY', 'ADMIN_PASSWORD']),
    );
    const english =
      /\b(must|be|or|such as|invalid|at least|at most|whole|number|not|the|and|of|separated|should)\b/i;
    const wrong = messages.filter(
      ({ property, message }) =>
        english.test(message) || !message.includes(property) || message.includes('$'),
    );
    expect(wrong).toEqual([]);
  });
});

/**
 * Every message the start-up check can give, with the variable it belongs to: a constraint's own
 * message, else its default (class-validator's English one for a decorator given none).
 */
function allMessages(): Array<{ property: string; message: string }> {
  return getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION)
    .map((m) => {
      const args: ValidationArguments = {
        value: 'x',
        constraints: m.constraints,
        targetName: EnvironmentVariables.name,
        object: {},
        property: m.propertyName,
      };
      const own = typeof m.message === 'function' ? m.message(args) : m.message;
      const constraint = new (
        m.constraintCls as new () => {
          defaultMessage?: (a: ValidationArguments) => string;
        }
      )();
      const message = own ?? constraint.defaultMessage?.(args) ?? '';
      return { property: m.propertyName, message: message.replace(/\$property/g, m.propertyName) };
    });
}

/** The message of what `run` throws. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('nothing was thrown');
}

/** How code reads a variable: process.env.X, process.env['X'], validateEnvironment(…).X, env.X, config.get('X'). */
const READS = [
  /process\.env\.([A-Z][A-Z0-9_]*)/g,
  /process\.env\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
  /validateEnvironment\([^)]*\)\.([A-Z][A-Z0-9_]*)/g,
  /\benv\.([A-Z][A-Z0-9_]*)/g,
  /\.get(?:OrThrow)?(?:<[^>]*>)?\(\s*'([A-Z][A-Z0-9_]*)'/g,
];

/** The production sources under a folder (no specs). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .filter((entry) => !/\.spec\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
