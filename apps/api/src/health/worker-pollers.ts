import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { AppConfig } from '@safety/application';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';

export interface QueuePollers {
  /** Pollers seen within READINESS_POLLER_MAX_AGE_SECONDS. */
  live: number;
  /** Seconds since the most recent poll, null when the server lists none. */
  lastPollAgeSeconds: number | null;
}

export interface PollerReport {
  workflow: QueuePollers;
  activity: QueuePollers;
}

/** Repeated /health/ready calls within this window share one pair of DescribeTaskQueue calls. */
const CACHE_MS = 5_000;

const { TaskQueueType, TaskQueueKind } = temporal.api.enums.v1;

/**
 * Whether workers poll the task queue, from the Temporal server's own view (DescribeTaskQueue). The server
 * keeps a poller listed for minutes after its worker died, so only recently seen pollers count.
 */
@Injectable()
export class WorkerPollers {
  private cached: { at: number; report: Promise<PollerReport> } | null = null;

  constructor(
    private readonly cfg: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporalClient: Client,
  ) {}

  report(): Promise<PollerReport> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.report;
    const report = this.describe();
    this.cached = { at: now, report };
    // A failed look-up is not cached: the next probe asks again.
    report.catch(() => {
      if (this.cached?.report === report) this.cached = null;
    });
    return report;
  }

  private async describe(): Promise<PollerReport> {
    const [workflow, activity] = await Promise.all([
      this.queue(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
      this.queue(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
    ]);
    return { workflow, activity };
  }

  private async queue(taskQueueType: temporal.api.enums.v1.TaskQueueType): Promise<QueuePollers> {
    const res = await this.temporalClient.workflowService.describeTaskQueue({
      namespace: this.cfg.TEMPORAL_NAMESPACE,
      taskQueue: { name: this.cfg.TEMPORAL_TASK_QUEUE, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType,
    });
    const now = Date.now();
    const ages = (res.pollers ?? []).map((poller) => {
      const at = poller.lastAccessTime;
      const ms = at ? Number(at.seconds ?? 0) * 1000 + Math.floor((at.nanos ?? 0) / 1e6) : 0;
      return Math.max(0, (now - ms) / 1000);
    });
    const maxAge = this.cfg.READINESS_POLLER_MAX_AGE_SECONDS;
    return {
      live: ages.filter((age) => age <= maxAge).length,
      lastPollAgeSeconds: ages.length ? Math.round(Math.min(...ages)) : null,
    };
  }
}
