import { dataSourceOptions } from '@app/persistence';
import { OverdueScanService } from '@app/jobs';
import { DataSource } from 'typeorm';
(async () => {
  const url = process.argv[2];
  const queries: Array<[string, unknown[] | undefined]> = [];
  const ds = await new DataSource({
    ...dataSourceOptions(url),
    logging: ['query'],
    logger: { logQuery: (q: string, p?: unknown[]) => { queries.push([q, p]); }, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} },
  } as never).initialize();
  const t = Date.now();
  await new OverdueScanService(ds).scan();
  console.log('scan ms', Date.now() - t);
  for (const [q, p] of queries) {
    if (!/^\s*(SELECT|UPDATE|WITH)/i.test(q)) continue;
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    const plan = await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, p);
    await runner.rollbackTransaction();
    await runner.release();
    console.log('=====', q.replace(/\s+/g, ' ').slice(0, 4000), JSON.stringify(p));
    console.log(plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
  await ds.destroy();
})();
