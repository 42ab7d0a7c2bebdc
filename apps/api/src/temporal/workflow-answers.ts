import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  QueryNotRegisteredError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { AppConfig } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { awaitSettledUpdate, getSettledQuery, OpenTaskRef, SettledAnswer } from '@safety/temporal';
import { TEMPORAL_CLIENT } from './temporal.providers';

/** Seconds a caller is told to wait before retrying a request the workflow did not answer in time. */
export const RETRY_AFTER_SECONDS = 5;

const KEY = /^[\w.:-]{1,100}$/;

/** The refusal of a message to a case whose workflow has ended (a parallel request ended it after it was read). */
export interface EndedWorkflowAnswer {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

const WORKFLOW_ENDED: EndedWorkflowAnswer = {
  code: ErrorCode.STEP_OUT_OF_ORDER,
  message: 'the case workflow has ended; it takes no more steps or messages',
};

/**
 * The API's way of asking a workflow something and waiting for its answer, bounded in time. A
 * workflow that does not answer in time (no worker polling, Temporal slow) gives a 503 with
 * Retry-After instead of a request that hangs; the Update id is derived from the caller's
 * Idempotency-Key, so a retry attaches to the same Update instead of doing it twice.
 */
@Injectable()
export class WorkflowAnswers {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  /** The Update id of a request: the same for retries carrying the same idempotency key. */
  updateId(purpose: string, idempotencyKey?: string): string {
    return `${purpose}:${idempotencyKey && KEY.test(idempotencyKey) ? idempotencyKey : randomUUID()}`;
  }

  /**
   * Sends an Update and waits for its answer. Every case has its workflow from the transaction that creates it, so
   * a workflow Temporal no longer finds has ended: the message conflicts with the case's state (409 `ended`), it
   * does not name a missing resource.
   */
  async update<Result, Input>(
    workflowId: string,
    definition: UpdateDefinition<Result, [Input]>,
    input: Input,
    updateId: string,
    ended: EndedWorkflowAnswer = WORKFLOW_ENDED,
  ): Promise<Result> {
    try {
      return await this.bounded(() =>
        this.client.workflow.getHandle(workflowId).executeUpdate(definition, { args: [input], updateId }),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new DomainError(ended.code, ended.message, ended.details);
      throw error;
    }
  }

  /**
   * Waits until the workflow has come to rest after an Update or a start (nothing in flight: its
   * next tasks are open) and answers its open tasks; null for a workflow from before the
   * `getSettled` query (the caller then reads the task rows). Bounded like every answer.
   *
   * The `awaitSettled` Update answers the moment the workflow settles. A closed workflow takes no
   * Update and a busy one may refuse more (the server bounds Updates in flight per workflow): then
   * the `getSettled` query is polled instead.
   */
  async settle(workflowId: string): Promise<OpenTaskRef[] | null> {
    return this.bounded(async () => {
      const handle = this.client.workflow.getHandle(workflowId);
      try {
        return await handle.executeUpdate(awaitSettledUpdate, { args: [], updateId: `settle:${randomUUID()}` });
      } catch (error) {
        if (isUnavailable(error)) throw error;
      }
      for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
        let answer: SettledAnswer;
        try {
          answer = await handle.query(getSettledQuery);
        } catch (error) {
          if (isUnknownQuery(error)) return null;
          throw error;
        }
        if (answer.settled) return answer.openTasks;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
  }

  async query<Result, Args extends unknown[]>(
    workflowId: string,
    definition: QueryDefinition<Result, Args>,
    ...args: Args
  ): Promise<Result> {
    return this.bounded(() => this.client.workflow.getHandle(workflowId).query(definition, ...args));
  }

  /** Starts a workflow, failing fast when Temporal cannot be reached. */
  async start(workflowType: string, workflowId: string, input: object): Promise<void> {
    await this.bounded(async () => {
      await this.client.workflow.start(workflowType, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [input],
      });
    });
  }

  /** Whether the workflow still runs (an ended one — completed, failed, terminated — takes no message). */
  async isRunning(workflowId: string): Promise<boolean> {
    return this.bounded(async () => {
      const description = await this.client.workflow.getHandle(workflowId).describe();
      return description.status.name === 'RUNNING';
    });
  }

  /** Starts a workflow unless one with this id was started already (a retried opening). */
  async startOnce(workflowType: string, workflowId: string, input: object): Promise<void> {
    try {
      await this.start(workflowType, workflowId, input);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  private async bounded<Result>(call: () => Promise<Result>): Promise<Result> {
    const deadline = Date.now() + this.config.WORKFLOW_ANSWER_TIMEOUT_SECONDS * 1000;
    try {
      return await this.client.withDeadline(deadline, call);
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError || error instanceof DomainError) throw error;
      if (Date.now() >= deadline - 50 || isUnavailable(error)) {
        throw new DomainError(
          ErrorCode.DEPENDENCY_UNAVAILABLE,
          'the case workflow did not answer in time; retry with the same Idempotency-Key to learn the outcome',
          { retryAfterSeconds: RETRY_AFTER_SECONDS },
        );
      }
      throw error;
    }
  }
}

/**
 * The workflow has no such query (a workflow from before it). The time-skipping test server reports
 * it as an INTERNAL error rather than the standard one, so its message is checked too.
 */
export function isUnknownQuery(error: unknown): boolean {
  if (error instanceof QueryNotRegisteredError) return true;
  const texts = [(error as Error)?.message, ((error as { cause?: Error })?.cause as Error | undefined)?.message];
  return texts.some((text) => typeof text === 'string' && /did not register a handler for/.test(text));
}

/** gRPC DEADLINE_EXCEEDED (4), UNAVAILABLE (14) and cancelled calls. */
function isUnavailable(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  const name = (error as { name?: string } | null)?.name;
  return code === 4 || code === 14 || code === 1 || name === 'TransportError';
}
