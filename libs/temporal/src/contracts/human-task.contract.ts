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

export interface CompleteTaskResult {
  taskKey: string;
  outcome: string;
  completedAt: string;
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

/** Failure types a human-task Update can be rejected with; the API maps each to an HTTP status. */
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

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskInput]>('completeTask');
export const changeTaskDeadlineUpdate = defineUpdate<PendingTaskView, [ChangeTaskDeadlineInput]>('changeTaskDeadline');
export const getPendingTasksQuery = defineQuery<PendingTaskView[]>('getPendingTasks');
