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
    expect(stdout).toContain('IT-Planungsrat, 32. Sitzung (protocol): 17 decisions, 22 mandates');
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
    expect(first.stdout).toContain('itplr-32.md: created (32. Sitzung: 17 decisions, 22 mandates');
    const again = await tracker('ingest', { files: [sample] });
    expect(again.stdout).toContain('itplr-32.md: unchanged');

    const list = await tracker('mandates', { owner: 'HB', dueMeeting: 34, status: 'open' });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/2020\/37\s+2\s+HB \(open\)\s+34\. Sitzung/);
    expect(list.stdout).toContain('1 mandate');
  });

  it('ingests a Word file and a saved decision page as the text they hold', async () => {
    const readers = join(ROOT, 'test', 'fixtures', 'readers');
    await tracker('seed', {});
    const docx = await tracker('ingest', { files: [join(readers, 'itplr-25.docx')] });
    expect(docx.stderr).toBe('');
    expect(docx.stdout).toContain('itplr-25.docx: created (25. Sitzung: 4 decisions, 8 mandates');
    // The page holds the same decisions: updated in place, no mandate twice.
    const page = await tracker('ingest', { files: [join(readers, 'itplr-25.html')] });
    expect(page.stdout).toContain('itplr-25.html: updated (25. Sitzung: 4 decisions, 8 mandates');
    expect(await tableCounts(db.dataSource)).toMatchObject({ mandate: 8 });
  }, 60_000);

  it('ingests a later session that takes note of a report, lists the proposal, and confirms it', async () => {
    const real = (name: string) => join(ROOT, 'test', 'fixtures', 'real', name);
    const earlier = await tracker('ingest', { files: [real('itplr-23.txt')] });
    expect(earlier.code).toBe(0);
    const later = await tracker('ingest', { files: [real('itplr-24.txt')] });
    expect(later.stdout).toMatch(
      /links to earlier decisions: 2 proposed \(tracker links --meeting 24\)/,
    );

    const table = await tracker('links', { meeting: 24, state: 'proposed' });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/fulfils \(no number\)\s+2017\/37 Nr\. 1\s+2017\/23\s+HH/);
    // 2017/48 names 2016/20, which is not stored: proposed all the same, to be seen.
    expect(table.stdout).toMatch(/supersedes\s+2017\/48 Nr\. 2\s+2016\/20 \(not stored\)/);
    expect(table.stdout).toContain('2 links');
    const json = JSON.parse(
      (await tracker('links', { meeting: 24, state: 'proposed', json: true })).stdout,
    );
    const report = json.find(
      (l: { from: { resolution: string } }) => l.from.resolution === '2017/37',
    );

    const confirmed = await tracker('links', { confirm: report.id });
    expect(confirmed.stdout).toMatch(
      /confirmed \(fulfils 2017\/37 -> 2017\/23\)\n\s+obligation \d+ \(HH\): open -> reported/,
    );
    expect((await tracker('links', { meeting: 24, state: 'proposed' })).stdout).toContain(
      '1 link\n',
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
      /^error: \S*entpackt\.pdf: die Datei entpackt sich auf mehr als 200 MB/,
    ],
    [
      'a PDF of 20,000 pages',
      'seiten.pdf',
      () => manyPagesPdf(),
      /^error: \S*seiten\.pdf: das PDF hat 20000 Seiten; gelesen werden höchstens 1000/,
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
    expect(stdout).toContain('2 failed jobs (in-process runs in the database)');
    expect(stdout).toContain('(451)');
    expect(stdout).not.toContain('member-reports');
    expect(stdout.indexOf('overdue-scan')).toBeGreaterThan(-1);
    expect(stdout.indexOf('overdue-scan')).toBeLessThan(stdout.indexOf('digests-weekly'));
  });

  it('migrates: says the database is up to date, reverts the last migration, applies it again', async () => {
    const migrationsRun = process.env.MIGRATIONS_RUN;
    // Not migrated on start: what `tracker migrate` applies is what the revert took back.
    process.env.MIGRATIONS_RUN = 'false';
    try {
      expect(await tracker('migrate', {})).toMatchObject({
        code: 0,
        stdout: 'the database is up to date\n',
      });
      const last = MIGRATIONS[MIGRATIONS.length - 1].name;
      const migrated = async () =>
        (await db.dataSource.query('SELECT "name" FROM "migrations"')).map(
          (r: { name: string }) => r.name,
        );
      expect(await migrated()).toContain(last);
      expect(await tracker('migrate', { revert: true })).toMatchObject({
        code: 0,
        stdout: 'reverted the last migration\n',
      });
      expect(await migrated()).not.toContain(last);
      expect(await tracker('migrate', {})).toMatchObject({ code: 0, stdout: `applied ${last}\n` });
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
    expect(ok.stdout).toContain('decision.txt: created (35. Sitzung');
  });
});
