import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Tracing } from '@safety/temporal/runtime/tracing';

/** Exports the spans still buffered when the API shuts down (the tracer itself is started by main.ts). */
@Injectable()
export class TracingFlush implements OnApplicationShutdown {
  private tracing: Tracing | null = null;

  register(tracing: Tracing): void {
    this.tracing = tracing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.shutdown();
  }
}
