import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { AppConfig, ConfigError, loadConfig, maskedConfig } from '@safety/application/config/app-config';
import { createLogger } from '@safety/application/logging';
import { startTracing } from '@safety/temporal/runtime/tracing';
import { createWorker } from './create-worker';
import { WorkerModule } from './worker.module';

/** V8 adds its young generation (about 48 MB) to --max-old-space-size; allow that and some rounding. */
const HEAP_LIMIT_TOLERANCE_MB = 64;

/**
 * A process cannot raise or lower its own heap limit, so the launcher passes `--max-old-space-size` (npm
 * scripts, start.sh, the Dockerfile); a worker started without it would size its cache for one heap and
 * run in another, so it refuses to start.
 */
function heapLimitProblem(cfg: AppConfig): string | null {
  const limitMb = Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
  if (Math.abs(limitMb - cfg.WORKER_MAX_HEAP_MB) <= HEAP_LIMIT_TOLERANCE_MB) return null;
  return `the worker's V8 heap limit is ${limitMb} MB but WORKER_MAX_HEAP_MB is ${cfg.WORKER_MAX_HEAP_MB}: start it with node --max-old-space-size=${cfg.WORKER_MAX_HEAP_MB} (or NODE_OPTIONS)`;
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const heapProblem = heapLimitProblem(cfg);
  if (heapProblem) throw new ConfigError([heapProblem]);
  const log = createLogger(cfg.LOG_LEVEL, 'worker');
  log.info({ config: maskedConfig(cfg) }, 'worker starting');
  const tracing = startTracing({
    exporter: cfg.OTEL_TRACES_EXPORTER,
    serviceName: cfg.OTEL_SERVICE_NAME ?? 'safety-worker',
    http: false,
  });
  // The SDK's own logs (worker state, failed workflow tasks) go through pino too, as JSON.
  const sdkLevel =
    ({ trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN' } as Record<string, LogLevel>)[cfg.LOG_LEVEL] ??
    'ERROR';
  Runtime.install({
    logger: new DefaultLogger(sdkLevel, ({ level, message, meta }) => {
      const method = ({ TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const)[level];
      log[method]({ ...meta, component: 'temporal-sdk' }, message);
    }),
    // The SDK's worker metrics (task slots, poll and schedule-to-start latencies, sticky cache) for Prometheus.
    ...(cfg.WORKER_METRICS_ADDRESS
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: cfg.WORKER_METRICS_ADDRESS } } } }
      : {}),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(cfg), { logger: false });
  const { worker, connection } = await createWorker(app, cfg, {}, tracing);
  // worker.run() resolves after shutdown() has drained in-flight tasks; SIGTERM/SIGINT trigger it.
  for (const sig of ['SIGTERM', 'SIGINT'] as const)
    process.once(sig, () => {
      log.info({ sig }, 'shutting down');
      worker.shutdown();
    });
  log.info(
    {
      taskQueue: cfg.TEMPORAL_TASK_QUEUE,
      address: cfg.TEMPORAL_ADDRESS,
      maxCachedWorkflows: cfg.WORKER_MAX_CACHED_WORKFLOWS,
      heapLimitMb: cfg.WORKER_MAX_HEAP_MB,
      metrics: cfg.WORKER_METRICS_ADDRESS ?? null,
      tracing: cfg.OTEL_TRACES_EXPORTER,
    },
    'worker running',
  );
  await worker.run();
  await connection.close();
  await app.close();
  await tracing?.shutdown();
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
