import 'reflect-metadata';
import { ConfigError, loadConfig } from '@safety/application/config/app-config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const cfg = loadConfig();
  const app = await createApiApp(cfg);
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
