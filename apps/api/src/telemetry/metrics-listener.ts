import { createServer, Server } from 'node:http';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@safety/application';
import { ApiMetrics } from './api-metrics';
import { scrapeAllowed } from './metrics-access';

/** The separate `/metrics` listener on METRICS_ADDRESS (nothing else is served there). */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;
  private readonly log = new Logger(MetricsListener.name);

  constructor(
    private readonly cfg: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  /** Where the listener is bound; null when METRICS_ADDRESS is not set. */
  get address(): string | null {
    const bound = this.server?.address();
    return bound && typeof bound === 'object' ? `${bound.address}:${bound.port}` : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const address = this.cfg.METRICS_ADDRESS;
    if (!address) return;
    const separator = address.lastIndexOf(':');
    const host = address.slice(0, separator).replace(/^\[(.*)\]$/, '$1');
    const port = Number(address.slice(separator + 1));
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      } else if (!scrapeAllowed(this.cfg, req.headers.authorization)) {
        res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('unauthorized\n');
      } else {
        this.metrics.scrape().then(
          (body) => res.writeHead(200, { 'content-type': this.metrics.contentType }).end(body),
          (e: unknown) => {
            this.log.error(`metrics scrape failed: ${e instanceof Error ? e.message : String(e)}`);
            res.writeHead(500, { 'content-type': 'text/plain' }).end('scrape failed\n');
          },
        );
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
