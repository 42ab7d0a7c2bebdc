import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@safety/application';
import { AppModule } from './app.module';
import { ApiMetrics } from './telemetry/api-metrics';

/** Builds the HTTP app (used by main.ts and by the e2e tests, so both run the same wiring). */
export async function createApiApp(
  cfg: AppConfig,
  opts: { logs?: boolean; temporalClient?: Client } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forConfig(cfg, { temporalClient: opts.temporalClient }),
    { bufferLogs: true, logger: opts.logs === false ? false : undefined },
  );
  if (opts.logs !== false) app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Before the routes, so every request is timed, including those the guard or the body parser rejects.
  app.use(app.get(ApiMetrics).timeRequests);
  app.useBodyParser('json', { limit: '12mb' });
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Work-safety case engine API')
      .setDescription(
        'Enforcement cases and accident investigations: task inboxes, statutory clocks, full-process record',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
