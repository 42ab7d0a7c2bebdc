import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { buildWorkflowBundle } from '@safety/temporal/runtime/bundle';
import { workerTracingOptions } from '@safety/temporal/runtime/tracing';
import { getPendingTasksQuery, getSettledQuery, OpenTaskRef, PendingTaskView } from '@safety/temporal';
import { testEnv } from '../../support/env';
import { expectEventually } from '../../support/eventually';
import { skipTime } from '../../support/time-skipping';

export interface WorkflowTier {
  env: TestWorkflowEnvironment;
  /** Runs `body` with a worker of the production bundle and the given (strict) activities. */
  withWorker<T>(activities: object, body: (taskQueue: string) => Promise<T>): Promise<T>;
  /** Guarded time skip over the given workflows (see tests/support/time-skipping.ts). */
  skip(handles: WorkflowHandle[], ms: number): Promise<void>;
  /** Waits until the workflow has come to rest (nothing in flight) and answers its open tasks. */
  settled(handle: WorkflowHandle): Promise<OpenTaskRef[]>;
  /** Waits until the workflow has an open task of the type, and returns it. */
  openTask(handle: WorkflowHandle, type: string): Promise<PendingTaskView>;
  teardown(): Promise<void>;
}

/** The workflow tier: the official time-skipping server, the production workflow bundle, mocked activities. */
export async function startWorkflowTier(): Promise<WorkflowTier> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testEnv().testServerExe() } },
  });
  const bundle: WorkflowBundleWithSourceMap = await buildWorkflowBundle();
  return {
    env,
    async withWorker(activities, body) {
      const taskQueue = `wf-${randomUUID()}`;
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: bundle,
        activities,
        // The bundle's tracing interceptors always call this sink (it drops spans while tracing is off).
        sinks: workerTracingOptions(null).sinks,
      });
      return worker.runUntil(() => body(taskQueue));
    },
    skip: (handles, ms) => skipTime(env, env.client, async () => handles.map((handle) => handle.workflowId), ms),
    settled: (handle) =>
      expectEventually(async () => {
        const answer = await handle.query(getSettledQuery);
        expect(answer.settled).toBe(true);
        return answer.openTasks;
      }),
    openTask: (handle, type) =>
      expectEventually(async () => {
        const pending = (await handle.query(getPendingTasksQuery)).filter((task) => task.type === type);
        expect(pending.length).toBeGreaterThan(0);
        return pending[pending.length - 1];
      }),
    teardown: () => env.teardown(),
  };
}

/** Records every activity call; a call of an activity the mocks do not define fails the workflow. */
export class ActivityLog {
  readonly calls: Array<{ name: string; input: unknown }> = [];

  record<Input, Result>(name: string, answer: (input: Input) => Result | Promise<Result>) {
    return async (input: Input): Promise<Result> => {
      this.calls.push({ name, input });
      return answer(input);
    };
  }

  names(): string[] {
    return this.calls.map((call) => call.name);
  }

  /** The names of the calls made since the given count of calls. */
  since(count: number): string[] {
    return this.names().slice(count);
  }

  inputsOf<T>(name: string): T[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.input as T);
  }
}
