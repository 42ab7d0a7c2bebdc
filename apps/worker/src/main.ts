import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig, maskedConfig } from '@safety/application/config/app-config';
import { createLogger } from '@safety/application/logging';
import { createWorker } from './create-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const cfg = loadConfig();
  const log = createLogger(cfg.LOG_LEVEL, 'worker');
  log.info({ config: maskedConfig(cfg) }, 'worker starting');
  // The SDK's own logs (worker state, failed workflow tasks) go through pino too, as JSON.
  const sdkLevel =
    ({ trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN' } as Record<string, LogLevel>)[cfg.LOG_LEVEL] ??
    'ERROR';
  Runtime.install({
    logger: new DefaultLogger(sdkLevel, ({ level, message, meta }) => {
      const method = ({ TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const)[level];
      log[method]({ ...meta, component: 'temporal-sdk' }, message);
    }),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(cfg), { logger: false });
  const { worker, connection } = await createWorker(app, cfg);
  // worker.run() resolves after shutdown() has drained in-flight tasks; SIGTERM/SIGINT trigger it.
  for (const sig of ['SIGTERM', 'SIGINT'] as const)
    process.once(sig, () => {
      log.info({ sig }, 'shutting down');
      worker.shutdown();
    });
  log.info({ taskQueue: cfg.TEMPORAL_TASK_QUEUE, address: cfg.TEMPORAL_ADDRESS }, 'worker running');
  await worker.run();
  await connection.close();
  await app.close();
  log.info('worker stopped');
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else
    console.error(
      JSON.stringify({ level: 'fatal', msg: 'worker failed', error: e instanceof Error ? e.stack : String(e) }),
    );
  process.exit(1);
});
