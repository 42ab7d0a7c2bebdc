import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@safety/application/config/app-config';
import { AppModule } from '../apps/api/src/app.module';
import { buildOpenApiDocument } from '../apps/api/src/contract/openapi';

/**
 * Writes the API's OpenAPI document (the one served at /docs/openapi.json) without a database or
 * Temporal: Nest's preview mode builds the route table without instantiating providers. The
 * console's typed client is generated from this file (scripts/generate-api-client.sh).
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node dist/scripts/openapi-document.js <output.json>');
  // Placeholders only satisfy config validation: preview mode opens no connection.
  const cfg = loadConfig({
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    JWT_SECRET: 'preview-mode-opens-no-connection-and-signs-nothing',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forConfig(cfg), { preview: true, logger: false, abortOnError: false });
  writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
