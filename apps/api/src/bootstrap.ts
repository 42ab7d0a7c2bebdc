import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@safety/application';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './contract/openapi';
import { serveConsole } from './web/console-static';

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
  app.useBodyParser('json', { limit: '12mb' });
  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json' });
  serveConsole(app, cfg.WEB_CONSOLE_PATH);
  return app;
}
