import {
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseActivities } from '@safety/temporal/activities';
import { awaitSettledUpdate, getSettledQuery } from '@safety/temporal/contracts/human-task.contract';
import { Branches } from './branches';
import { PATCH } from './patches';
import { TaskBoard } from './task-board';
import { asRejection, Problem, reject } from './problems';

/**
 * The one activity policy. Every activity is an idempotent adapter, so retrying is always safe; a
 * domain error that retrying cannot fix arrives non-retryable (apps/worker/src/activities/adapter.ts)
 * and fails at once; transient failures (database or network down) retry with backoff for up to
 * about half an hour, then fail the step visibly instead of retrying forever.
 */
export const ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 40 },
};

/**
 * The same policy for local activities. A backoff of 10 seconds or more waits on a durable timer instead of
 * inside the workflow task, so a database outage does not keep one workflow task open for half an hour.
 */
export const LOCAL_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: ACTIVITY_OPTIONS.startToCloseTimeout,
  retry: ACTIVITY_OPTIONS.retry,
  localRetryThreshold: '10 seconds',
};

/**
 * Activities that run as local activities (from the `kernel-local-activities` patch on): the short,
 * idempotent one-transaction adapters every step runs between one person's completion and the next task
 * opening. A local activity runs in the worker inside the workflow task that needs it, so a chain of them
 * costs one workflow task instead of a server round trip (schedule, dispatch, completion, a new workflow
 * task) each. Durability is the same: its result is recorded in history when the workflow task completes,
 * and after a crash before that it runs again, which an idempotent adapter answers with what it already did.
 */
export const LOCAL_ACTIVITIES: ReadonlySet<string> = new Set([
  'recordCaseStatus',
  'openTask',
  'completeTask',
  'escalateTask',
  'setTaskDeadline',
  'computeDeadline',
  'loadPenaltyContext',
  'loadDiscretionBenchmark',
  'loadLegalReviewCatalogue',
  'listQualifiedLegalReviewers',
  'listWorkingDays',
  'recordPenaltyEvent',
  'issuePenaltyDocument',
]);

type AsyncFunctions<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/**
 * Per-workflow machinery shared by every workflow: activity proxies that know when work is in
 * flight, supervised background branches, and Update handlers that answer once the workflow is
 * settled again. Create exactly one per workflow run, before the first await.
 */
export class Kernel {
  readonly branches = new Branches();
  private inFlight = 0;
  readonly caseActivities: CaseActivities;
  readonly board: TaskBoard;

  constructor() {
    this.caseActivities = this.activities<CaseActivities>();
    this.board = new TaskBoard(this);
    // A query runs between activations, when every branch has gone as far as it can: with nothing in
    // flight the workflow waits only on people, timers or messages.
    setHandler(getSettledQuery, () => ({ settled: this.inFlight === 0, openTasks: this.board.openTasks() }));
    // Registering a handler adds no commands, so histories from before it replay unchanged.
    setHandler(awaitSettledUpdate, async () => {
      await condition(() => this.inFlight === 0);
      // Conditions are checked one after another in a pass, before the branches another condition
      // released in the same pass have run; only the next pass sees whether they started more work.
      await condition(() => this.inFlight === 0);
      return this.board.openTasks();
    });
  }

  /** A typed activity proxy whose calls count as work in flight. */
  activities<T extends object>(): AsyncFunctions<T> {
    type Raw = Record<string, (...args: unknown[]) => Promise<unknown>>;
    const remote = proxyActivities<Raw>(ACTIVITY_OPTIONS);
    const local = proxyLocalActivities<Raw>(LOCAL_ACTIVITY_OPTIONS);
    const tracked: Record<string, unknown> = {};
    return new Proxy(tracked, {
      get:
        (_target, name: string) =>
        (...args: unknown[]) =>
          this.track((this.runsLocally(name) ? local : remote)[name](...args)),
    }) as AsyncFunctions<T>;
  }

  /**
   * A listed activity runs locally only while nothing else is in flight. Two local activities outstanding at once
   * may resolve in separate activations when they run and in one when they replay, and what their continuations
   * do (an Update's answer, the next command) would then come in another order than the history's; a single one
   * cannot. Work started beside it (an Update's step while a local activity runs) goes to the server, whose
   * answers come in later workflow tasks in the history's order. Histories from before the patch scheduled every
   * activity on the server: they replay that way.
   */
  private runsLocally(name: string): boolean {
    return LOCAL_ACTIVITIES.has(name) && this.inFlight === 0 && patched(PATCH.LOCAL_ACTIVITIES);
  }

  /** Counts a promise (an activity or a child workflow start) as work in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    return work.finally(() => {
      this.inFlight--;
    });
  }

  /**
   * Registers an Update whose validator returns a problem (or none). The caller learns what the
   * workflow did in response by asking `getSettled` afterwards.
   */
  update<Result, Input>(
    definition: UpdateDefinition<Result, [Input]>,
    handle: (input: Input) => Promise<Result>,
    validate?: (input: Input) => Problem | undefined,
  ): void {
    const answer = async (input: Input): Promise<Result> => {
      try {
        return await handle(input);
      } catch (error) {
        throw asRejection(error);
      }
    };
    setHandler(definition, answer, {
      // Synchronous: the SDK calls validators synchronously, so an async throw would not reject.
      validator: (input: Input) => {
        const found = validate?.(input);
        if (found) reject(found);
      },
    });
  }

  /** Every workflow ends here: its branches have ended and every handler has finished. */
  async finish(): Promise<void> {
    await this.branches.settled();
    await condition(allHandlersFinished);
  }
}
