import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  AccidentCaseInput,
  AccidentState,
  completeTaskUpdate,
  getAccidentStateQuery,
  PendingTaskView,
  TaskActor,
} from '@safety/temporal';
import { expectEventually } from '../../support/eventually';
import { accidentInput, AccidentPeople, plainReport, teamOf } from './accident-mocks';
import type { WorkflowTier } from './workflow-env';

/** The workflow's verdict on a refused Update: its ErrorCode and, for field problems, the field paths. */
export async function rejection(attempt: Promise<unknown>): Promise<{ type: string; fields: string[] }> {
  const error = await attempt.then(
    () => null,
    (failed: unknown) => failed,
  );
  if (!(error instanceof WorkflowUpdateFailedError)) {
    throw new Error(`expected the Update to be refused, got ${String(error)}`);
  }
  const cause = error.cause as { type?: string; details?: unknown[] };
  const details = cause.details?.[0] as { fields?: Array<{ path: string }> } | undefined;
  return { type: String(cause.type), fields: (details?.fields ?? []).map((field) => field.path).sort() };
}

/** Drives a mocked accident workflow through its Updates, as the API would. */
export function accidentDriver(tier: WorkflowTier, people: AccidentPeople, taskQueue: string) {
  const complete = async (
    handle: WorkflowHandle,
    task: PendingTaskView,
    actor: TaskActor,
    outcome: string,
    payload: Record<string, unknown> = {},
  ) => {
    const result = await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskKey: task.taskKey, actor, outcome, payload }],
    });
    return { ...result, nextTasks: await tier.settled(handle) };
  };
  const state = (handle: WorkflowHandle): Promise<AccidentState> => handle.query(getAccidentStateQuery);
  const step = async (
    handle: WorkflowHandle,
    type: string,
    actor: TaskActor,
    outcome: string,
    payload: Record<string, unknown> = {},
  ) => complete(handle, await tier.openTask(handle, type), actor, outcome, payload);
  return {
    complete,
    step,
    state,
    /** Starts an accident case's workflow (id `accident-<caseId>`), as the API does. */
    async start(extra: Partial<AccidentCaseInput> = {}, policy: Partial<AccidentCaseInput['policy']> = {}) {
      // The accident happened just now on the server's clock, which earlier skips moved ahead of the wall
      // clock: counted from a wall-clock date, the investigation would open already overdue.
      const occurredAt = new Date((await tier.env.currentTimeMs()) - 10 * 60_000).toISOString();
      const input = accidentInput(people, { occurredAt, ...extra });
      input.policy = { ...input.policy, ...policy };
      const handle = await tier.env.client.workflow.start('accidentWorkflow', {
        taskQueue,
        workflowId: `accident-${input.caseId}`,
        args: [input],
      });
      return { input, handle };
    },
    /** Team formed, report submitted and approved: the case is IMPLEMENTING. */
    async runToApproval(
      handle: WorkflowHandle,
      report: Record<string, unknown> = plainReport(),
      approval: Record<string, unknown> = {},
    ) {
      await step(handle, 'ACCIDENT_TEAM_FORMATION', people.head, 'FORM', teamOf(people));
      await step(handle, 'ACCIDENT_INVESTIGATION_REPORT', people.lead, 'SUBMIT', report);
      await step(handle, 'ACCIDENT_REPORT_APPROVAL', people.head, 'APPROVE', approval);
      await expectEventually(async () => expect((await state(handle)).status).toBe('IMPLEMENTING'));
    },
    /** Evidence for the open rectification measure, then its verification by someone else. */
    async verifyMeasure(handle: WorkflowHandle) {
      await step(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE', people.officerA, 'SUBMIT', { evidence: '已加固' });
      await step(handle, 'ACCIDENT_RECTIFICATION_VERIFICATION', people.officerB, 'VERIFIED');
    },
  };
}
