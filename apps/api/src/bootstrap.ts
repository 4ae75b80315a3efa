import { ValidationPipe, type INestApplication } from '@nestjs/common';

/** What every instance of the API gets, in the app and in the tests alike. */
export function configureApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.enableShutdownHooks();
  return app;
}
