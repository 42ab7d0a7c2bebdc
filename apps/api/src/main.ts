import 'reflect-metadata';
import { ConfigError, loadConfig } from '@safety/application/config/app-config';
import { startTracing } from '@safety/temporal/runtime/tracing';
import { TracingFlush } from './telemetry/tracing-flush';

async function main(): Promise<void> {
  const cfg = loadConfig();
  const tracing = startTracing({
    exporter: cfg.OTEL_TRACES_EXPORTER,
    serviceName: cfg.OTEL_SERVICE_NAME ?? 'safety-api',
    http: true,
  });
  // Loaded only now: the HTTP instrumentation patches the module as the framework requires it.
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp(cfg);
  if (tracing) app.get(TracingFlush).register(tracing);
  await app.listen(cfg.PORT, '0.0.0.0');
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else
    console.error(
      JSON.stringify({ level: 'fatal', msg: 'api failed to start', error: e instanceof Error ? e.stack : String(e) }),
    );
  process.exit(1);
});
