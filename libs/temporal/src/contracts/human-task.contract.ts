import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Who is acting. The API authenticates and checks jurisdiction before it forwards this to the workflow. */
export interface TaskActor {
  userId: string;
  roles: string[];
  departmentId: string;
  /** 执法证号 if the actor holds one (行政处罚法 Art.42 requires credentialed officers on investigation steps). */
  credentialNo?: string | null;
}

export interface CompleteTaskInput {
  taskKey: string;
  actor: TaskActor;
  outcome: string;
  payload: Record<string, unknown>;
  requestId?: string;
}

/** A task the workflow has open, as the Update answer and the pending-tasks query name it. */
export interface OpenTaskRef {
  taskKey: string;
  /** The task row's id (absent for tasks opened before the workflow kept it). */
  taskId: string | null;
  type: string;
  title: string;
}

export interface CompleteTaskResult {
  taskKey: string;
  outcome: string;
  completedAt: string;
}

/**
 * Whether the workflow has come to rest: no activity or child start in flight, so it waits only on
 * people, timers or messages. Asked after an Update or a start, so the answer can name the tasks
 * the workflow opened in response (a query sees the workflow between activations, when every branch
 * has gone as far as it can).
 */
export interface SettledAnswer {
  settled: boolean;
  openTasks: OpenTaskRef[];
}

export interface ChangeTaskDeadlineInput {
  taskKey: string;
  actor: TaskActor;
  /** New due instant (ISO). Used for approved extensions and for manually set dates when the calendar was missing. */
  dueAt: string;
  reason: string;
}

export interface PendingTaskView {
  taskKey: string;
  type: string;
  candidateRoles: string[];
  allowedOutcomes: string[];
  dueAt: string | null;
  warnAt: string | null;
  escalation: 'NONE' | 'YELLOW' | 'RED';
}

/** Whether an actor could complete a task now (asked before a claim or a reassignment). */
export interface MayActInput {
  taskKey: string;
  actor: TaskActor;
}

export interface MayActAnswer {
  allowed: boolean;
  code?: string;
  message?: string;
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskInput]>('completeTask');
export const changeTaskDeadlineUpdate = defineUpdate<PendingTaskView, [ChangeTaskDeadlineInput]>('changeTaskDeadline');
export const getPendingTasksQuery = defineQuery<PendingTaskView[]>('getPendingTasks');
export const mayActOnTaskQuery = defineQuery<MayActAnswer, [MayActInput]>('mayActOnTask');
export const getSettledQuery = defineQuery<SettledAnswer>('getSettled');
/**
 * Answers, once the workflow has come to rest (the `getSettled` meaning), the tasks it has open: one
 * round trip that returns the moment the workflow settles, instead of polling the query.
 */
export const awaitSettledUpdate = defineUpdate<OpenTaskRef[], []>('awaitSettled');

/** @deprecated Workflows moving to workflows/src/kernel reject with ErrorCode values (kernel/problems.ts). */
export const TaskRejection = {
  UNKNOWN_TASK: 'STEP_OUT_OF_ORDER',
  ALREADY_COMPLETED: 'TASK_ALREADY_COMPLETED',
  WRONG_ACTOR: 'FORBIDDEN_ROLE',
  SEPARATION_OF_DUTIES: 'FORBIDDEN_SEPARATION_OF_DUTIES',
  INVALID_OUTCOME: 'VALIDATION_FAILED',
  INVALID_PAYLOAD: 'VALIDATION_FAILED',
  RULE: 'RULE_VIOLATION',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
} as const;
