import { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { AppConfig } from '@safety/application';
import { buildWorkflowBundle } from '@safety/temporal/runtime/bundle';
import { connectionOptions } from '@safety/temporal/runtime/connection';
import { Tracing, workerTracingOptions } from '@safety/temporal/runtime/tracing';
import { buildActivities } from './activities';

/**
 * Builds a Temporal worker whose activities come from the Nest context's services. The sticky workflow
 * cache is sized by config (the SDK's default grows with the heap limit and let RSS reach 618 MB with
 * about 1,000 open cases); see docs/operations.md.
 */
export async function createWorker(
  app: INestApplicationContext,
  cfg: AppConfig,
  overrides: Partial<WorkerOptions> & { connection?: NativeConnection } = {},
  tracing: Tracing | null = null,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection =
    overrides.connection ??
    (await NativeConnection.connect(
      connectionOptions({
        address: cfg.TEMPORAL_ADDRESS,
        namespace: cfg.TEMPORAL_NAMESPACE,
        taskQueue: cfg.TEMPORAL_TASK_QUEUE,
        tls: {
          certPath: cfg.TEMPORAL_TLS_CERT_PATH,
          keyPath: cfg.TEMPORAL_TLS_KEY_PATH,
          caPath: cfg.TEMPORAL_TLS_CA_PATH,
        },
      }),
    ));
  const activities = buildActivities(app);
  const workflowSource = cfg.WORKFLOW_BUNDLE_PATH
    ? { workflowBundle: { codePath: cfg.WORKFLOW_BUNDLE_PATH } }
    : { workflowBundle: await buildWorkflowBundle() };
  const worker = await Worker.create({
    connection,
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    activities,
    maxCachedWorkflows: cfg.WORKER_MAX_CACHED_WORKFLOWS,
    ...workerTracingOptions(tracing),
    ...workflowSource,
    ...overrides,
  });
  return { worker, connection };
}
