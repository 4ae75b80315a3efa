import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobRun, MIGRATIONS } from '@app/persistence';
import { makePdfWithoutText } from './factories/pdf.factory';
import { inflationBombPdf, manyPagesPdf } from './factories/file-bomb.factory';
import { ROOT } from './support/seed-data';
import { tracker } from './support/tracker-cli';
import {
  createTestDatabase,
  DATABASES,
  tableCounts,
  type TestDatabase,
} from './support/test-database';

const sample = join(ROOT, 'seeds', 'protocols', 'itplr-32.md');

describe('tracker extract', () => {
  beforeAll(() => {
    process.env.SEEDS_DIR = join(ROOT, 'seeds');
  });

  it('prints the contract JSON of the sample protocol', async () => {
    const { stdout, code } = await tracker('extract', { file: sample, json: true });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['body', 'meeting', 'resolutions', 'mandates']);
    // Every owner of the sample is in the registry; where the reading was guessed, it says so
    // (2020/24: owners from who the decision is about). "das Koordinierungsprojekt" and "die
    // Arbeitsgruppe" name the one such body the decision named before: no doubt.
    expect(json.mandates.filter((m: { uncertain?: string[] }) => m.uncertain).length).toBe(1);
    expect(json.mandates).toHaveLength(22);
    expect(Object.keys(json.mandates[0])).toEqual([
      'resolution',
      'point',
      'owners',
      'partners',
      'action',
      'due',
      'source',
      'basis',
    ]);
  });

  it('prints a readable table without --json', async () => {
    const { stdout, code } = await tracker('extract', { file: sample });
    expect(code).toBe(0);
    expect(stdout).toContain('IT-Planungsrat, 32. Sitzung (Protokoll): 17 Beschlüsse, 22 Aufträge');
    expect(stdout).toMatch(/^Beschluss\s+Ziffer\s+Zuständig\s+Frist\s+Zeile\s+Auftrag$/m);
    expect(stdout).toMatch(/2020\/36\s+1\s+FITKO\s+34\. Sitzung/);
  });
});

describe.each(DATABASES)('tracker ingest and mandates on %s', (kind) => {
  let db: TestDatabase;
  let dir: string;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    process.env.DATABASE_URL = db.url;
    process.env.SEEDS_DIR = join(ROOT, 'seeds');
    dir = mkdtempSync(join(tmpdir(), 'mt-cli-'));
  });
  afterEach(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests, then reports the same file as unchanged, and lists what HB owes for session 34', async () => {
    const first = await tracker('ingest', { files: [sample] });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'itplr-32.md: neu angelegt (32. Sitzung: 17 Beschlüsse, 22 Aufträge, ',
    );
    const again = await tracker('ingest', { files: [sample] });
    expect(again.stdout).toContain('itplr-32.md: unverändert');

    const list = await tracker('mandates', { owner: 'HB', dueMeeting: 34, status: 'open' });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/2020\/37\s+2\s+HB \(offen\)\s+34\. Sitzung/);
    expect(list.stdout).toContain('\n1 Auftrag\n');
  });

  it('ingests a Word file and a saved decision page as the text they hold', async () => {
    const readers = join(ROOT, 'test', 'fixtures', 'readers');
    await tracker('seed', {});
    const docx = await tracker('ingest', { files: [join(readers, 'itplr-25.docx')] });
    expect(docx.stderr).toBe('');
    expect(docx.stdout).toContain(
      'itplr-25.docx: neu angelegt (25. Sitzung: 4 Beschlüsse, 8 Aufträge',
    );
    // The page holds the same decisions: updated in place, no mandate twice.
    const page = await tracker('ingest', { files: [join(readers, 'itplr-25.html')] });
    expect(page.stdout).toContain(
      'itplr-25.html: aktualisiert (25. Sitzung: 4 Beschlüsse, 8 Aufträge',
    );
    expect(await tableCounts(db.dataSource)).toMatchObject({ mandate: 8 });
  }, 60_000);

  it('ingests a later session that takes note of a report, lists the proposal, and confirms it', async () => {
    const real = (name: string) => join(ROOT, 'test', 'fixtures', 'real', name);
    const earlier = await tracker('ingest', { files: [real('itplr-23.txt')] });
    expect(earlier.code).toBe(0);
    const later = await tracker('ingest', { files: [real('itplr-24.txt')] });
    expect(later.stdout).toMatch(
      /Rückmeldungen auf frühere Beschlüsse: 2 vorgeschlagen \(prüfen mit: tracker links --meeting 24\)/,
    );

    const table = await tracker('links', { meeting: 24, state: 'proposed' });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /vorgeschlagen\s+erledigt \(Bericht zur Kenntnis genommen, Konzept gebilligt\)\s+ohne Nummer\s+2017\/37 Nr\. 1\s+2017\/23\s+HH/,
    );
    // 2017/48 names 2016/20, which is not stored: proposed all the same, to be seen.
    expect(table.stdout).toMatch(
      /abgelöst, geändert oder aufgehoben\s+an der Nummer\s+2017\/48 Nr\. 2\s+2016\/20 \(nicht erfasst\)/,
    );
    expect(table.stdout).toContain('\n2 Rückmeldungen\n');
    const json = JSON.parse(
      (await tracker('links', { meeting: 24, state: 'proposed', json: true })).stdout,
    );
    const report = json.find(
      (l: { from: { resolution: string } }) => l.from.resolution === '2017/37',
    );

    const confirmed = await tracker('links', { confirm: report.id });
    expect(confirmed.stdout).toMatch(
      /: bestätigt – Beschluss 2017\/37 → 2017\/23: erledigt \(Bericht zur Kenntnis genommen, Konzept gebilligt\)\n\s+Pflicht \d+ \(HH\): Status offen → berichtet\n/,
    );
    expect((await tracker('links', { meeting: 24, state: 'proposed' })).stdout).toContain(
      '\n1 Rückmeldung\n',
    );
    const again = await tracker('links', { confirm: report.id });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ist schon entschieden (von cli)');
  });

  it.each([
    ['an empty file', 'empty.txt', () => '', /empty\.txt: die Datei ist leer/],
    [
      'a binary file',
      'data.bin',
      () => Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]),
      /data\.bin: die Datei enthält keinen Text, sondern Binärdaten/,
    ],
    [
      'a PDF without text',
      'scan.pdf',
      () => makePdfWithoutText(),
      /scan\.pdf: das PDF enthält keinen Text \(ein Scan\?\)/,
    ],
    [
      'a PDF whose one stream inflates to 1 GB',
      'entpackt.pdf',
      () => inflationBombPdf(),
      /^Fehler: \S*entpackt\.pdf: die Datei entpackt sich auf mehr als 200 MB/,
    ],
    [
      'a PDF of 20,000 pages',
      'seiten.pdf',
      () => manyPagesPdf(),
      /^Fehler: \S*seiten\.pdf: das PDF hat 20000 Seiten; gelesen werden höchstens 1000/,
    ],
    [
      'an old Word file (.doc)',
      'alt.doc',
      () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
        ]),
      /alt\.doc: ältere Word-Dateien \(\.doc\) werden nicht gelesen/,
    ],
    [
      'a text without decisions',
      'letter.txt',
      () => 'Sehr geehrte Damen und Herren,\nvielen Dank.\n',
      /letter\.txt: im Text wurden keine Beschlüsse gefunden/,
    ],
  ])(
    'refuses %s with one clear error, a non-zero exit and nothing written',
    async (_what, name, content, message) => {
      const file = join(dir, name);
      writeFileSync(file, content());
      await tracker('seed', {});
      const before = await tableCounts(db.dataSource);
      const result = await tracker('ingest', { files: [file] });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(await tableCounts(db.dataSource)).toEqual(before);
    },
    // PDFs are read in a process of their own: seconds on a loaded machine.
    60_000,
  );

  it('lists the failed runs of the in-process queue (no Redis), newest first, with their reason', async () => {
    const runs = db.dataSource.getRepository(JobRun);
    const runsOf: Array<[string, JobRun['state'], string | null]> = [
      ['digests-weekly', 'failed', 'Der Mailserver hat die Nachricht nicht angenommen (451).'],
      ['member-reports', 'completed', null],
      ['overdue-scan', 'failed', 'Die Datenbank war nicht erreichbar.'],
    ];
    for (const [name, state, error] of runsOf)
      await runs.insert({
        name,
        state,
        attempts: 3,
        data: {},
        result: null,
        error,
        createdAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
      } as never);
    const { stdout, code } = await tracker('jobs', {});
    expect(code).toBe(0);
    expect(stdout).toContain(
      '2 Läufe im Stand „fehlgeschlagen“ (Läufe in diesem Prozess, in der Datenbank festgehalten)',
    );
    expect(stdout).toMatch(/^Nr\.\s+Ablauf\s+Stand\s+Versuche\s+Begonnen\s+Grund$/m);
    expect(stdout).toContain('(451)');
    expect(stdout).not.toContain('Statusberichte der Mitglieder');
    expect(stdout).not.toContain('overdue-scan');
    expect(stdout.indexOf('Überfälligkeitsprüfung')).toBeGreaterThan(-1);
    expect(stdout.indexOf('Überfälligkeitsprüfung')).toBeLessThan(
      stdout.indexOf('Wöchentliche E-Mail-Übersichten'),
    );
  });

  it('migrates: says the database is up to date, reverts the last migration, applies it again', async () => {
    const migrationsRun = process.env.MIGRATIONS_RUN;
    // Not migrated on start: what `tracker migrate` applies is what the revert took back.
    process.env.MIGRATIONS_RUN = 'false';
    try {
      expect(await tracker('migrate', {})).toMatchObject({
        code: 0,
        stdout: 'die Datenbank ist auf dem neuesten Stand\n',
      });
      const last = MIGRATIONS[MIGRATIONS.length - 1].name;
      const migrated = async () =>
        (await db.dataSource.query('SELECT "name" FROM "migrations"')).map(
          (r: { name: string }) => r.name,
        );
      expect(await migrated()).toContain(last);
      expect(await tracker('migrate', { revert: true })).toMatchObject({
        code: 0,
        stdout: 'die letzte Änderung an der Datenbank ist zurückgenommen\n',
      });
      expect(await migrated()).not.toContain(last);
      expect(await tracker('migrate', {})).toMatchObject({
        code: 0,
        stdout: `Datenbank geändert: ${last}\n`,
      });
      expect(await migrated()).toContain(last);
    } finally {
      if (migrationsRun === undefined) delete process.env.MIGRATIONS_RUN;
      else process.env.MIGRATIONS_RUN = migrationsRun;
    }
  });

  it('refuses a 50 MB file before reading it', async () => {
    const file = join(dir, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024);
    const result = await tracker('ingest', { files: [file] });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /huge\.txt: die Datei ist 50 MB groß; die Grenze liegt bei 20 MB/,
    );
    expect(await tableCounts(db.dataSource)).toMatchObject({ mandate: 0, resolution: 0 });
  });

  it('refuses an unknown --meeting', async () => {
    const file = join(dir, 'decision.txt');
    writeFileSync(
      file,
      readFileSync(
        join(ROOT, 'test', 'fixtures', 'extraction', '13-web-decision-meeting-option.txt'),
      ),
    );
    const result = await tracker('ingest', { files: [file], meeting: 77 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /decision\.txt: --meeting 77: diese Sitzung steht nicht im Sitzungskalender/,
    );
    const ok = await tracker('ingest', { files: [file], meeting: 35 });
    expect(ok.stdout).toContain('decision.txt: neu angelegt (35. Sitzung');
  });
});
