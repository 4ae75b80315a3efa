import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/bootstrap';
import { join } from 'node:path';
import { ROOT } from './support/seed-data';
import { createTestDatabase, DATABASES, type TestDatabase } from './support/test-database';

describe.each(DATABASES)('API on %s, first start on an empty database', (kind) => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    process.env.DATABASE_URL = db.url;
    process.env.SEEDS_DIR = join(ROOT, 'seeds');
    process.env.SAMPLE_PROTOCOL = join(ROOT, 'seeds', 'protocols', 'itplr-32.md');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db.drop();
    delete process.env.DATABASE_URL;
  });

  it('has seeded the registry and ingested the sample protocol', async () => {
    const res = await request(app.getHttpServer()).get('/api/mandates').expect(200);
    expect(res.body.total).toBe(22);
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({
        resolution: expect.stringMatching(/^2020\//),
        meeting: 32,
        source: expect.any(String),
      }),
    );
  });

  it("filters by owner and status: Bremen's open mandates", async () => {
    const res = await request(app.getHttpServer())
      .get('/api/mandates?owner=HB&status=open')
      .expect(200);
    const ids = res.body.items.map(
      (m: { resolution: string; point: number }) => `${m.resolution}.${m.point}`,
    );
    // Bremen alone (2020/23.3, 2020/37.2), with Bayern (2020/23.4), and as one of the Länder/members.
    expect(ids).toEqual(
      expect.arrayContaining(['2020/23.3', '2020/23.4', '2020/37.2', '2020/27.2', '2020/28.2']),
    );
    expect(ids).not.toContain('2020/36.1');
    for (const m of res.body.items)
      expect(m.owners.map((o: { owner: string }) => o.owner)).toContain('HB');
  });

  it('filters by due session', async () => {
    const res = await request(app.getHttpServer()).get('/api/mandates?dueMeeting=34').expect(200);
    expect(res.body.items.map((m: { resolution: string }) => m.resolution).sort()).toEqual([
      '2020/36',
      '2020/37',
    ]);
    expect(
      res.body.items.every(
        (m: { due: { kind: string; meeting: number } }) =>
          m.due.kind === 'meeting' && m.due.meeting === 34,
      ),
    ).toBe(true);
  });

  it('refuses a wrong filter with the field named', async () => {
    const bad = await request(app.getHttpServer()).get('/api/mandates?status=finished').expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('status must be one of');
    const unknown = await request(app.getHttpServer()).get('/api/mandates?colour=red').expect(400);
    expect(JSON.stringify(unknown.body.message)).toContain('colour');
  });
});
