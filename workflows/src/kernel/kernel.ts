import {
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
  type ActivityOptions,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseActivities } from '@safety/temporal/activities';
import { Branches } from './branches';
import { TaskBoard } from './task-board';
import { PATCH } from './patches';
import { Problem, reject } from './problems';

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
  }

  /** A typed activity proxy whose calls count as work in flight. */
  activities<T extends object>(): AsyncFunctions<T> {
    const raw = proxyActivities<Record<string, (...args: unknown[]) => Promise<unknown>>>(ACTIVITY_OPTIONS);
    const tracked: Record<string, unknown> = {};
    return new Proxy(tracked, {
      get:
        (_target, name: string) =>
        (...args: unknown[]) =>
          this.track(raw[name](...args)),
    }) as AsyncFunctions<T>;
  }

  /** Counts a promise (an activity or a child workflow start) as work in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    return work.finally(() => {
      this.inFlight--;
    });
  }

  /**
   * Resolves once no work is in flight: every branch waits on a person, a timer or a message. Checked
   * over several condition passes, because a change made by a handler unblocks other branches only
   * in the pass after it, and those then start their next work.
   */
  async settled(): Promise<void> {
    for (let pass = 0; pass < 3; pass++) await condition(() => this.inFlight === 0);
  }

  /**
   * Registers an Update whose answer comes once the workflow has settled again (the tasks it opens
   * in response exist), so a caller never races the workflow. Histories recorded before this
   * behaviour answer as they did (patch ANSWER_WHEN_SETTLED).
   */
  update<Result, Input>(
    definition: UpdateDefinition<Result, [Input]>,
    handle: (input: Input) => Promise<Result>,
    validate?: (input: Input) => Problem | undefined,
  ): void {
    setHandler(
      definition,
      async (input: Input) => {
        const result = await handle(input);
        if (patched(PATCH.ANSWER_WHEN_SETTLED)) await this.settled();
        return result;
      },
      {
        // Synchronous: the SDK calls validators synchronously, so an async throw would not reject.
        validator: (input: Input) => {
          const found = validate?.(input);
          if (found) reject(found);
        },
      },
    );
  }

  /** Every workflow ends here: its branches have ended and every handler has finished. */
  async finish(): Promise<void> {
    await this.branches.settled();
    await condition(allHandlersFinished);
  }
}
