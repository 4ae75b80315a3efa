import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/bootstrap';
import { ROOT } from '../support/seed-data';
(async () => {
  Object.assign(process.env, { DATABASE_URL: process.argv[2], SEEDS_DIR: join(ROOT, 'seeds'), SAMPLE_PROTOCOL: '', OPARL_PUBLISH: 'follow-up', PUBLIC_URL: 'http://127.0.0.1' });
  const app = configureApp(await NestFactory.create(AppModule, { logger: false, abortOnError: false }));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'gs@scale.bench', password: 'scale-bench-password' }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const c = process.argv[3];
  for (const path of process.argv.slice(4).map((p) => p.replace(/COUNCIL/g, c))) {
    const times: number[] = []; let status = 0; let len = 0;
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${accessToken}` } });
      len = (await res.text()).length; status = res.status;
      times.push(performance.now() - t);
    }
    console.log(`${times.slice(1).sort((a, b) => a - b)[1].toFixed(1).padStart(8)} ms  ${status} ${String(len).padStart(7)}  ${path}`);
  }
  await app.close();
})();
