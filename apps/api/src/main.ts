import 'reflect-metadata';
import '@app/config/check-at-start';
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
    `mandate-tracker ist bereit: http://127.0.0.1:${port}/ öffnen (API unter /api, Beschreibung unter /api/docs); Links in E-Mails und Kalendern beginnen mit ${publicUrl()}`,
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `mandate-tracker konnte nicht starten: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
