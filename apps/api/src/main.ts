import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { publicUrl } from '@app/config';
import { AppModule } from './app.module';
import { StartupLogger } from './startup.logger';
import { configureApp } from './bootstrap';

async function bootstrap(): Promise<void> {
  const logger = new StartupLogger(process.env.LOG_LEVEL);
  const app = configureApp(await NestFactory.create(AppModule, { logger }));
  const config = app.get(ConfigService);
  const port = config.getOrThrow<number>('http.port');
  await app.listen(port, config.getOrThrow<string>('http.host'));
  new Logger('Api').log(
    `mandate-tracker is ready: open http://127.0.0.1:${port}/ (API under /api, docs at /api/docs); links in mails and feeds start with ${publicUrl()}`,
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `mandate-tracker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
