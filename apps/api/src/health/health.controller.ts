import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { UnitOfWork } from '@safety/persistence';
import { Public } from '../auth/auth.decorators';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';
import { WorkerPollers } from './worker-pollers';

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
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

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: UnitOfWork,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly pollers: WorkerPollers,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (liveness: no dependency is asked)' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'PostgreSQL and Temporal answer and workers poll both the workflow and the activity task queue; 503 otherwise',
  })
  async ready(@Res() res: Response) {
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
    const ok = postgres.status === 'up' && temporal.status === 'up' && workers.status === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: { postgres, temporal, workers } });
  }
}
