import { randomUUID } from 'node:crypto';
import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { endOfLocalDay, plusDays } from '@safety/domain/calendar/local-date';
import {
  CaseActivities,
  completeTaskUpdate,
  CompleteTaskResult,
  DeadlineRequest,
  InspectionActivities,
  LINKED_WORKFLOW_PREFIX,
  LinkedCaseRequest,
  OpenTaskInput,
  OpenTaskRef,
  TaskActor,
} from '@safety/temporal';
import { ActivityLog, startWorkflowTier, WorkflowTier } from './workflow-env';

const HOUR_MS = 3_600_000;

/** Someone of the case's department with the given roles. */
export const person = (roles: string[], departmentId: string): TaskActor => ({
  userId: randomUUID(),
  roles,
  departmentId,
  credentialNo: null,
});

/** Calendar days stand in for working days: the workflow tier tests the workflows, not the calendar. */
const dueOf = (deadline: DeadlineRequest) => endOfLocalDay(plusDays(deadline.startDate, deadline.amount));

/**
 * Strict mocks of every activity the inspection area's workflows (and the linked cases they start
 * in the same worker) may call, recorded in `log`; anything else is missing from the worker and
 * fails the test. Linked cases are numbered per source case, as the database does.
 */
export function inspectionAreaActivities(log: ActivityLog, now: () => Promise<number>) {
  const linked = new Map<string, number>();
  const caseActivities: CaseActivities = {
    recordCaseStatus: log.record('recordCaseStatus', () => undefined),
    openTask: log.record('openTask', (input: OpenTaskInput) => {
      const due = input.deadline ? dueOf(input.deadline).getTime() : null;
      const warn = due === null ? null : due - (input.warningLeadHours ?? 24) * HOUR_MS;
      return {
        taskId: randomUUID(),
        dueAt: due === null ? null : new Date(due).toISOString(),
        warnAt: warn === null ? null : new Date(warn).toISOString(),
        needsManualDueDate: false,
        missingYear: null,
      };
    }),
    completeTask: log.record('completeTask', () => undefined),
    escalateTask: log.record('escalateTask', () => undefined),
    setTaskDeadline: log.record('setTaskDeadline', () => undefined),
    computeDeadline: log.record('computeDeadline', (input: DeadlineRequest) => ({
      dueAt: dueOf(input).toISOString(),
      dueDate: plusDays(input.startDate, input.amount),
      missingYear: null,
    })),
    setCaseHandlers: log.record('setCaseHandlers', (input: { handlerIds: string[] }) => ({
      handlerIds: input.handlerIds,
      handlers: [],
    })),
    openLinkedCase: log.record('openLinkedCase', async (input: LinkedCaseRequest) => {
      const stem = `${LINKED_WORKFLOW_PREFIX[input.caseType]}-${input.sourceCaseId}`;
      const n = (linked.get(stem) ?? 0) + 1;
      linked.set(stem, n);
      return { caseId: randomUUID(), workflowId: `${stem}-${n}`, openedAt: new Date(await now()).toISOString() };
    }),
  };
  const inspection: InspectionActivities = {
    inspectionRecordCaseEvent: log.record('inspectionRecordCaseEvent', () => undefined),
    inspectionOpenLinkedCase: log.record('inspectionOpenLinkedCase', async () => ({
      caseId: randomUUID(),
      createdAt: new Date(await now()).toISOString(),
    })),
    inspectionIssueRectificationOrder: log.record('inspectionIssueRectificationOrder', () => ({
      documentId: randomUUID(),
      number: '测应急责改〔2026〕1号',
    })),
  };
  return { ...caseActivities, ...inspection };
}

/** What the log says, in the terms of these workflows. */
export const read = (log: ActivityLog) => ({
  /** Task openings of a step type, in order. */
  openings: (type: string) => log.inputsOf<OpenTaskInput>('openTask').filter((input) => input.type === type),
  /** Audited case events, in order. */
  events: () => log.inputsOf<{ action: string }>('inspectionRecordCaseEvent').map((event) => event.action),
  /** Every case status written, on its own or with a task, in order. */
  statuses: () =>
    log.calls.flatMap((call) => {
      const input = call.input as { status?: string; enterStatus?: { status: string } | null };
      if (call.name === 'recordCaseStatus') return [input.status!];
      if (call.name === 'openTask' && input.enterStatus) return [input.enterStatus.status];
      return [];
    }),
});

export type Verdict =
  | { ok: true; result: CompleteTaskResult; nextTasks: OpenTaskRef[] }
  | { ok: false; code: string; message: string; fields?: Array<{ path: string }> };

/** Completes a task as the API would; a rejection is answered with its code, not thrown. */
export async function complete(
  tier: WorkflowTier,
  handle: WorkflowHandle,
  taskKey: string,
  by: TaskActor,
  outcome: string,
  payload: Record<string, unknown> = {},
): Promise<Verdict> {
  try {
    const result = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskKey, actor: by, outcome, payload }] });
    return { ok: true, result, nextTasks: await tier.settled(handle) };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const details = error.cause.details?.[0] as { fields?: Array<{ path: string }> } | undefined;
      return { ok: false, code: error.cause.type ?? '', message: error.cause.message, fields: details?.fields };
    }
    throw error;
  }
}

const millis = (value?: { seconds?: { toString(): string } | null; nanos?: number | null } | null): number =>
  Number(value?.seconds?.toString() ?? 0) * 1000 + Math.floor((value?.nanos ?? 0) / 1e6);

/**
 * The instants the workflow's waiting timers were set for: the workflow's clock at the task that
 * started each (its Date.now() is that task's start, moved on by each local activity the task ran to
 * the completion time its marker records) plus the timer's duration — exact, unlike the server's own
 * record of when it processed the command.
 */
export async function requestedTimers(handle: WorkflowHandle): Promise<number[]> {
  const { events } = await handle.fetchHistory();
  const waiting = new Map<string, number>();
  let workflowClock = 0;
  for (const event of events ?? []) {
    if (event.workflowTaskStartedEventAttributes) workflowClock = millis(event.eventTime);
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_local_activity') {
      const data = marker.details?.data?.payloads?.[0]?.data;
      const completed = data ? (JSON.parse(Buffer.from(data).toString('utf8')).complete_time ?? null) : null;
      if (completed) workflowClock = millis(completed);
    }
    const started = event.timerStartedEventAttributes;
    if (started?.timerId) waiting.set(started.timerId, workflowClock + millis(started.startToFireTimeout));
    const ended = event.timerFiredEventAttributes ?? event.timerCanceledEventAttributes;
    if (ended?.timerId) waiting.delete(ended.timerId);
  }
  return [...waiting.values()];
}

/** Skips the clock to `instant` plus a margin, guarded like every skip. */
export async function skipTo(tier: WorkflowTier, handle: WorkflowHandle, instant: number, marginMs = 0) {
  await tier.skip([handle], instant + marginMs - (await tier.env.currentTimeMs()));
}

export type Mocks = ReturnType<typeof read> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the fields each activity takes
  of: (name: string) => Array<{ name: string; input: any }>;
};

/** Runs a test with a worker of its own and fresh strict mocks. */
export function withMocks(
  tier: WorkflowTier,
  body: (context: { taskQueue: string; mocks: Mocks }) => Promise<void>,
): Promise<void> {
  const log = new ActivityLog();
  const mocks: Mocks = {
    ...read(log),
    of: (name) => log.calls.filter((call) => call.name === name) as ReturnType<Mocks['of']>,
  };
  return tier.withWorker(
    inspectionAreaActivities(log, () => tier.env.currentTimeMs()),
    (taskQueue) => body({ taskQueue, mocks }),
  );
}

/**
 * One time-skipping server for a describe block (started before its tests, torn down after them) and
 * `run`, which gives each test a worker of its own with fresh strict mocks.
 */
export function inspectionAreaSuite() {
  let started: WorkflowTier | undefined;
  beforeAll(async () => {
    started = await startWorkflowTier();
  });
  afterAll(async () => started?.teardown());
  const current = (): WorkflowTier => {
    if (!started) throw new Error('the workflow tier starts in beforeAll');
    return started;
  };
  const tier: WorkflowTier = {
    get env() {
      return current().env;
    },
    withWorker: (activities, body) => current().withWorker(activities, body),
    skip: (handles, ms) => current().skip(handles, ms),
    settled: (handle) => current().settled(handle),
    openTask: (handle, type) => current().openTask(handle, type),
    teardown: () => current().teardown(),
  };
  return { tier, run: (body: Parameters<typeof withMocks>[1]) => withMocks(tier, body) };
}
