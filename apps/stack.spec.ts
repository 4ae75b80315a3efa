import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  isAllUpLine,
  pidDetail,
  PREFIX,
  processLine,
  processName,
  readProcessLine,
} from './stack-lines';

/** `node apps/stack.js …` as an operator runs it, up to where it stops on its own. */
function stack(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(__dirname, 'stack.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

const ENGLISH = /\b(usage|unknown|needs|must|be|or|could not|started|ready|exited|stopped)\b/i;

describe('npm run stack: what it says', () => {
  it('reads back the lines it writes about its processes, and nothing else', () => {
    const api = processName('api', 1);
    const worker = processName('worker', 2);
    expect([api, worker]).toEqual(['API 1', 'Worker 2']);
    const said = [
      processLine('started', api, pidDetail(4711)),
      processLine('ready', api, `${pidDetail(4711)}, 127.0.0.1:40123`),
      `${processLine('exited', worker, 'Signal SIGKILL')}; neuer Start in 1 s`,
    ].map((line) => readProcessLine(PREFIX + line));
    expect(said).toEqual([
      { name: 'API 1', event: 'started', pid: 4711 },
      { name: 'API 1', event: 'ready', pid: 4711 },
      { name: 'Worker 2', event: 'exited', pid: undefined },
    ]);
    // A process's own output, prefixed with its name, is no line about it.
    expect(readProcessLine('[API 1] API 1 bereit (PID 1)')).toBeUndefined();
    expect(readProcessLine(`${PREFIX}api 1 ready (pid 4711)`)).toBeUndefined();
    expect(isAllUpLine(`${PREFIX}alle Prozesse bereit: die Anwendung ist unter x erreichbar`)).toBe(
      true,
    );
    expect(isAllUpLine('[API 1] alle Prozesse bereit: …')).toBe(false);
  });

  it('explains itself in German with --help', () => {
    const run = stack(['--help']);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^Aufruf: npm run stack \[-- --api N\] \[--workers N\]\n/);
    expect(run.out).toContain('DATABASE_URL');
    expect(run.out).not.toMatch(ENGLISH);
  });

  it('refuses a wrong option, a wrong count and SQLite in German, with how to call it', () => {
    const wrong: Array<[string[], Record<string, string>, string]> = [
      [['--bogus', '1'], {}, 'unbekannte Angabe --bogus'],
      [['--api', '0'], {}, '--api braucht eine Zahl von 1 bis 16'],
      [['--workers', 'zwei'], {}, '--workers braucht eine Zahl von 1 bis 16'],
      [
        [],
        { DATABASE_URL: 'sqlite:data/x.sqlite' },
        'npm run stack braucht PostgreSQL: DATABASE_URL muss postgres://Benutzer@Host:Port/Datenbank sein',
      ],
    ];
    for (const [args, env, message] of wrong) {
      const run = stack(args, env);
      expect({ status: run.status, err: run.err }).toEqual({
        status: 2,
        err: `${message}\nAufruf: npm run stack [-- --api N] [--workers N]\n`,
      });
    }
  });

  it('says in German that it cannot reach the database, without its password', () => {
    // Port 1 on the loopback: nothing listens there, the connection is refused at once.
    const run = stack([], { DATABASE_URL: 'postgres://mt:Pg-Geheim-4711@127.0.0.1:1/mt' });
    expect(run.status).toBe(1);
    expect(run.err).toBe(
      'npm run stack konnte nicht starten: keine Verbindung zu 127.0.0.1:1 (läuft PostgreSQL?)\n',
    );
    expect(run.out + run.err).not.toContain('Geheim');
  });
});
