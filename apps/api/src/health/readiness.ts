import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { UnitOfWork } from '@safety/persistence';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';
import { WorkerPollers } from './worker-pollers';

const withTimeout = <T>(promise: Promise<T>, timeoutMs: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
    ),
  ]);

/** One dependency probe, bounded in time; a failure is reported, never thrown. */
async function check(probe: () => Promise<{ up: boolean; details?: object }>) {
  try {
    const { up, details } = await withTimeout(probe(), 3000);
    return { status: up ? ('up' as const) : ('down' as const), ...details };
  } catch (e) {
    return { status: 'down' as const, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Readiness: PostgreSQL and Temporal answer and workers poll both the workflow and the activity task queue. */
@Injectable()
export class Readiness {
  constructor(
    private readonly database: UnitOfWork,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly pollers: WorkerPollers,
  ) {}

  async report() {
    const [postgres, temporal, workers] = await Promise.all([
      check(async () => {
        await this.database.ping();
        return { up: true };
      }),
      check(async () => {
        await this.temporal.workflowService.getSystemInfo({});
        return { up: true };
      }),
      check(async () => {
        const report = await this.pollers.report();
        return { up: report.workflow.live > 0 && report.activity.live > 0, details: report };
      }),
    ]);
    const ready = postgres.status === 'up' && temporal.status === 'up' && workers.status === 'up';
    return {
      ready,
      body: { status: ready ? ('ok' as const) : ('unavailable' as const), checks: { postgres, temporal, workers } },
    };
  }
}
