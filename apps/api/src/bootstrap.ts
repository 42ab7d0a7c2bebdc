import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@safety/application';
import { corsOrigins, trustProxySetting } from '@safety/application/config/app-config';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './contract/openapi';
import { securityHeaders } from './http/security-headers';
import { ApiMetrics } from './telemetry/api-metrics';

/** Builds the HTTP app (used by main.ts and by the e2e tests, so both run the same wiring). */
export async function createApiApp(
  cfg: AppConfig,
  opts: { logs?: boolean; temporalClient?: Client } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forConfig(cfg, { temporalClient: opts.temporalClient }),
    // No default parsers: AppModule wires the JSON-only pipeline (form-encoded bodies would bypass its checks).
    { bufferLogs: true, logger: opts.logs === false ? false : undefined, bodyParser: false },
  );
  if (opts.logs !== false) app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(cfg));
  app.use(securityHeaders);
  const origins = corsOrigins(cfg);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'accept-language', 'x-request-id', 'idempotency-key'],
      exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition', 'x-content-sha256'],
      credentials: false,
      maxAge: 600,
    });
  }

  // Before the routes, so every request is timed, including those the guard or the body parser rejects.
  app.use(app.get(ApiMetrics).timeRequests);

  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
