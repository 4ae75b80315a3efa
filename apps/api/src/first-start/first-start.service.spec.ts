import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { FirstStartService, INITIAL_PASSWORD_FILE } from './first-start.service';

describe('the first start', () => {
  const cwd = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-first-start-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  async function firstStart(adminPassword: string | undefined, generated: string | undefined) {
    const lines: string[] = [];
    for (const level of ['log', 'warn', 'error', 'debug'] as const)
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation((...args: unknown[]) => void lines.push(String(args[0])));
    const config = {
      get: (key: string) => (key === 'auth.adminPassword' ? adminPassword : undefined),
    };
    const service = new FirstStartService(
      config as never,
      { findCouncil: async () => ({ code: 'itplr' }) } as never,
      {} as never,
      {} as never,
      {
        countUsers: async () => 0,
        createUser: async () => ({ user: {}, password: generated }),
      } as never,
      { documentCount: async () => 1 } as never,
      {} as never,
    );
    await service.onApplicationBootstrap();
    return lines.join('\n');
  }

  it('says in German where the generated password is, and never the password itself', async () => {
    const password = 'Zufall-9f8e7d6c5b4a';
    const log = await firstStart(undefined, password);
    expect(log).toBe(
      `erste Anmeldung: admin@localhost mit dem Passwort aus der Datei ${INITIAL_PASSWORD_FILE} (nur Sie können sie lesen); ändern Sie es unter Einstellungen (/settings) und löschen Sie dann die Datei`,
    );
    expect(log).not.toContain(password);
    expect(readFileSync(join(dir, INITIAL_PASSWORD_FILE), 'utf8')).toBe(`${password}\n`);
  });

  it('names ADMIN_PASSWORD, not its value', async () => {
    const log = await firstStart('aus-der-Umgebung-123', undefined);
    expect(log).toBe('erste Anmeldung: admin@localhost mit dem Passwort aus ADMIN_PASSWORD');
    expect(log).not.toContain('aus-der-Umgebung-123');
  });
});
