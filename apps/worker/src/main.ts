import 'reflect-metadata';
import '@app/config/check-at-start';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  if (!process.env.REDIS_URL) {
    process.stderr.write(
      'der Worker braucht REDIS_URL (z. B. redis://127.0.0.1:6379); ohne Redis führt `npm start` die Abläufe selbst aus\n',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule);
  // SIGTERM/SIGINT: the worker finishes its active job (or hands it back), then exits.
  app.enableShutdownHooks();
  new Logger('Worker').log('mandate-tracker-Worker bereit');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `der Worker konnte nicht starten: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
