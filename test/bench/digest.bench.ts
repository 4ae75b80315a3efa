import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SmtpMailer } from '@app/mail';
import { dataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { digestService } from '../support/digest-service';
import { SmtpTestServer } from '../support/smtp-test-server';
import { fillSeededSqlite } from './bench-database';

/** 1,000 members with 3 delegates each and a few open, partly overdue obligations. */
async function buildDatabase(file: string, members: number): Promise<void> {
  await fillSeededSqlite(file, (db, council, rows) => {
    const now = new Date().toISOString();
    const decided = rows.meeting(900, '2030-01-15', 'held');
    rows.meeting(901, '2030-02-01', 'held');
    rows.meeting(902, '2030-03-20', 'planned');
    const doc = rows.document(decided, 'bench', 'x');
    const member = db.prepare(
      "INSERT INTO member (councilId, code, name, kind, aliases, active) VALUES (?, ?, ?, 'office', '[]', 1)",
    );
    const user = db.prepare(
      "INSERT INTO user (email, name, role, memberId, passwordHash, active, digestFrequency, createdAt) VALUES (?, ?, 'delegate', ?, 'scrypt$x', 1, 'weekly', ?)",
    );
    for (let i = 0; i < members; i++) {
      const code = `M${String(i).padStart(4, '0')}`;
      const memberId = Number(member.run(council, code, `Mitglied ${i}`).lastInsertRowid);
      for (let d = 0; d < 3; d++)
        user.run(`d${d}.${code.toLowerCase()}@bench.test`, `Delegierte ${d}`, memberId, now);
      const resolutionId = rows.resolution(decided, `B-2030/${i}`, `Beschluss ${i}`, doc);
      for (let p = 1; p <= 4; p++) {
        const id = rows.mandate({
          resolutionId,
          meetingNumber: 900,
          point: p,
          owners: [code],
          action: `Aufgabe ${p} für ${code}`,
          dueMeeting: p % 2 ? 901 : 902,
          source: `Der IT-Planungsrat bittet ${code} um Aufgabe ${p}.`,
        });
        rows.obligation(id, memberId, code, 'open');
      }
    }
  });
}

/** Seconds to render and send the digests (3,000 by default). */
export async function benchDigests(
  line: (label: string, value: string, target: string, ok: boolean) => void,
): Promise<number> {
  const file = join(tmpdir(), `mt-digest-bench-${process.pid}.sqlite`);
  const smtp = await new SmtpTestServer().start();
  const mailer = new SmtpMailer(smtp.url, 'mandate-tracker <noreply@bench.test>', {
    ignoreTLS: true,
  });
  try {
    process.stdout.write('  building 1,000 members...\n');
    await buildDatabase(file, Number(process.env.BENCH_MEMBERS ?? 1000));
    process.stdout.write('  built\n');
    const dataSource = await new DataSource(dataSourceOptions(`sqlite:${file}`)).initialize();
    const digests = digestService(dataSource, mailer);
    const start = performance.now();
    const result = await digests.run({
      frequency: 'weekly',
      now: new Date('2030-02-10T06:00:00Z'),
      baseUrl: 'https://tracker.bench',
    });
    const seconds = (performance.now() - start) / 1000;
    await dataSource.destroy();
    line(
      'render and send digests: 1,000 members x 3 delegates (SMTP)',
      `${seconds.toFixed(1)} s`,
      '< 30 s',
      seconds < 30 && smtp.received.length === 3000,
    );
    process.stdout.write(
      `  (${result.sent.toLocaleString('en')} sent, ${smtp.received.length.toLocaleString('en')} received by the SMTP server)\n`,
    );
    return seconds;
  } finally {
    mailer.close();
    await smtp.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}
