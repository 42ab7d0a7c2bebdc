import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { TaskService } from '@safety/application';

type TaskCounts = Awaited<ReturnType<TaskService['openTaskCountsEverywhere']>>;

/** A scrape within this window reuses the last task counts: scrapers cannot turn /metrics into database load. */
const TASK_COUNTS_TTL_MS = 15_000;

/**
 * The API's Prometheus registry: request durations by route template and status, open/due-soon/overdue
 * task gauges per department, and the Node process metrics. One registry per app instance (not prom-client's
 * global one), so several apps in one process — the test harness — never clash.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private taskCounts: { at: number; rows: Promise<TaskCounts> } | null = null;

  constructor(private readonly tasks: TaskService) {
    collectDefaultMetrics({ register: this.registry });
    this.taskGauge('safety_tasks_open', 'Open (unclaimed or claimed) tasks per department', (row) => row.open);
    this.taskGauge(
      'safety_tasks_due_soon',
      'Open tasks past their warning instant (yellow) per department',
      (row) => row.dueSoon,
    );
    this.taskGauge(
      'safety_tasks_overdue',
      'Open tasks past their due instant (red) per department',
      (row) => row.overdue,
    );
  }

  private taskGauge(name: string, help: string, pick: (row: TaskCounts[number]) => number): void {
    const gauge: Gauge<'department_id'> = new Gauge({
      name,
      help,
      labelNames: ['department_id'] as const,
      registers: [this.registry],
      collect: async () => {
        const rows = await this.counts();
        gauge.reset();
        for (const row of rows) gauge.set({ department_id: row.departmentId }, pick(row));
      },
    });
  }

  private counts(): Promise<TaskCounts> {
    const now = Date.now();
    if (!this.taskCounts || now - this.taskCounts.at >= TASK_COUNTS_TTL_MS) {
      const rows = this.tasks.openTaskCountsEverywhere();
      this.taskCounts = { at: now, rows };
      rows.catch(() => {
        if (this.taskCounts?.rows === rows) this.taskCounts = null;
      });
    }
    return this.taskCounts.rows;
  }

  /** Express middleware timing every request; the route is the matched template (`/tasks/:id`), never the raw URL. */
  readonly timeRequests = (req: Request, res: Response, next: NextFunction): void => {
    const stop = this.requestDuration.startTimer();
    res.once('finish', () => {
      const route: unknown = req.route?.path;
      stop({ method: req.method, route: typeof route === 'string' ? route : 'unmatched', status: res.statusCode });
    });
    next();
  };

  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
