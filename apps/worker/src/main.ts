import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  if (!process.env.REDIS_URL) {
    process.stderr.write(
      'the worker needs REDIS_URL (e.g. redis://127.0.0.1:6379); without Redis, `npm start` runs the jobs itself\n',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule);
  // SIGTERM/SIGINT: the worker finishes its active job (or hands it back), then exits.
  app.enableShutdownHooks();
  new Logger('Worker').log('mandate-tracker worker ready');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `the worker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
