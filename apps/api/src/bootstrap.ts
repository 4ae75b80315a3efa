import { BadRequestException, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { trustProxySetting, validateEnvironment } from '@app/config';
import helmet from 'helmet';
import { BodyShapePipe } from './body-shape.pipe';
import { CachingValidationPipe } from './query-validation.cache';
import { germanValidationMessages } from './validation-messages';
import { serveAssets } from './web/assets';

/** What every instance of the API gets, in the app and in the tests alike. */
export function configureApp(
  app: INestApplication,
  options: { corsOrigins?: string[] } = {},
): INestApplication {
  // Behind a reverse proxy (TRUST_PROXY), the client's address and https come from its
  // X-Forwarded-* headers: sign-in throttling counts per client, and session cookies are Secure.
  (app as NestExpressApplication).set(
    'trust proxy',
    trustProxySetting(validateEnvironment(process.env).TRUST_PROXY),
  );
  // Where each part answers (the API under /api, the pages at the root, OParl at /oparl/v1.1)
  // is set by the RouterModule in app.module.ts.
  app.use(helmet());
  serveAssets(app as NestExpressApplication);
  const origins =
    options.corsOrigins ??
    (process.env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  // Cross-origin calls only from configured origins; none by default.
  app.enableCors({ origin: origins.length > 0 ? origins : false, credentials: true });
  app.useGlobalPipes(
    new BodyShapePipe(),
    new CachingValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadRequestException(germanValidationMessages(errors)),
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('mandate-tracker')
      .setDescription('Mandates of the IT-Planungsrat: extraction, obligations, workflow, audit.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
  return app;
}
