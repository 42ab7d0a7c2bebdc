import { ApplicationFailure, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { caseActivities } from './shared';
import {
  changeTaskDeadlineUpdate,
  CompleteTaskInput,
  completeTaskUpdate,
  getPendingTasksQuery,
  PendingTaskView,
  TaskActor,
  TaskRejection,
} from '@safety/temporal/contracts/human-task.contract';

const acts = caseActivities;

/** What a workflow asks of a human step. */
export interface HumanTaskSpec {
  /** Unique within the workflow; becomes part of the idempotent task key. */
  step: string;
  caseId: string;
  type: string;
  title: string;
  candidateRoles: string[];
  departmentId: string;
  assigneeId?: string | null;
  allowedOutcomes: string[];
  /** Deadline of the step; null when the law sets none. */
  deadline: { startDate: string; unit: 'working_days' | 'calendar_days'; amount: number } | null;
  /** Hours before the due instant at which the task turns yellow. */
  warningLeadHours?: number;
  /**
   * The most a head may move the computed due date later, in calendar days (0 = no extension);
   * unbounded when absent. A manually set date for a task without a computed one is not bounded.
   */
  maxExtensionDays?: number;
  payload?: Record<string, unknown>;
  /** Synchronous check of the actor and payload; return a rejection or undefined. Runs inside the Update validator. */
  check?: (input: CompleteTaskInput) => { type: string; message: string } | undefined;
}

export interface TaskCompletion {
  outcome: string;
  payload: Record<string, unknown>;
  actor: TaskActor;
  completedAt: string;
}

interface OpenTask {
  spec: HumanTaskSpec;
  taskKey: string;
  dueAt: number | null;
  /** The due instant the statute gave (before any extension), for the extension bound. */
  statutoryDueAt: number | null;
  warnAt: number | null;
  escalation: 'NONE' | 'YELLOW' | 'RED';
  /** Bumped when the deadline moves, so the waiting loop re-arms its timer. */
  deadlineVersion: number;
  completing: boolean;
  completion: TaskCompletion | null;
}

const reject = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/**
 * The human-step machinery every case workflow shares (issue 3 §2): opening a task row through an
 * idempotent activity, a durable timer per deadline (yellow warning, red + escalation when
 * overdue), completion through the `completeTask` Update whose synchronous validator rejects a
 * wrong step, a done step, a wrong actor or a bad payload, and deadline moves through
 * `changeTaskDeadline`. Create exactly one per workflow, before the first await.
 */
export class TaskBoard {
  private readonly open = new Map<string, OpenTask>();

  constructor() {
    setHandler(getPendingTasksQuery, () =>
      [...this.open.values()].filter((t) => !t.completion).map((t) => this.view(t)),
    );

    setHandler(
      completeTaskUpdate,
      async (input) => {
        const task = this.open.get(input.taskKey)!;
        // Two Updates can both pass validation before either runs; the first to get here wins.
        if (task.completing || task.completion)
          reject(TaskRejection.ALREADY_COMPLETED, `task ${input.taskKey} is already completed`);
        task.completing = true;
        const completedAt = new Date(Date.now()).toISOString();
        try {
          await acts.completeTask({
            taskKey: task.taskKey,
            actorId: input.actor.userId,
            actorRole:
              input.actor.roles.find((r) => task.spec.candidateRoles.includes(r)) ?? input.actor.roles[0] ?? 'UNKNOWN',
            outcome: input.outcome,
            result: input.payload,
            requestId: input.requestId,
          });
        } catch (e) {
          task.completing = false;
          throw e;
        }
        task.completion = { outcome: input.outcome, payload: input.payload, actor: input.actor, completedAt };
        return { taskKey: task.taskKey, outcome: input.outcome, completedAt };
      },
      {
        // Must stay synchronous: the SDK calls validators synchronously, so an async throw would not reject.
        validator: (input: CompleteTaskInput) => {
          const task = this.open.get(input.taskKey);
          if (!task) reject(TaskRejection.UNKNOWN_TASK, `task ${input.taskKey} is not an open step of this case`);
          if (task!.completion || task!.completing)
            reject(TaskRejection.ALREADY_COMPLETED, `task ${input.taskKey} is already completed`);
          if (!input.actor.roles.some((r) => task!.spec.candidateRoles.includes(r))) {
            reject(
              TaskRejection.WRONG_ACTOR,
              `step ${task!.spec.type} needs one of the roles ${task!.spec.candidateRoles.join(', ')}`,
            );
          }
          if (!task!.spec.allowedOutcomes.includes(input.outcome)) {
            reject(TaskRejection.INVALID_OUTCOME, `outcome must be one of ${task!.spec.allowedOutcomes.join(', ')}`);
          }
          const problem = task!.spec.check?.(input);
          if (problem) reject(problem.type, problem.message);
        },
      },
    );

    setHandler(
      changeTaskDeadlineUpdate,
      async (input) => {
        const task = this.open.get(input.taskKey)!;
        const dueAt = Date.parse(input.dueAt);
        const warnAt = dueAt - (task.spec.warningLeadHours ?? 24) * 3_600_000;
        await acts.setTaskDeadline({
          taskKey: task.taskKey,
          dueAt: new Date(dueAt).toISOString(),
          warnAt: new Date(warnAt).toISOString(),
          actorId: input.actor.userId,
          reason: input.reason,
        });
        task.dueAt = dueAt;
        task.warnAt = warnAt;
        task.escalation = 'NONE';
        task.deadlineVersion++;
        return this.view(task);
      },
      {
        validator: (input) => {
          const task = this.open.get(input.taskKey);
          if (!task || task.completion)
            reject(TaskRejection.UNKNOWN_TASK, `task ${input.taskKey} is not an open step of this case`);
          if (!input.actor.roles.includes('AGENCY_HEAD'))
            reject(TaskRejection.WRONG_ACTOR, 'only an agency head may change a deadline');
          if (!Number.isFinite(Date.parse(input.dueAt)))
            reject(TaskRejection.INVALID_PAYLOAD, 'dueAt must be an ISO instant');
          const max = task!.spec.maxExtensionDays;
          if (
            max !== undefined &&
            task!.statutoryDueAt !== null &&
            Date.parse(input.dueAt) > task!.statutoryDueAt + max * 86_400_000
          ) {
            reject(
              TaskRejection.OUT_OF_RANGE,
              max === 0
                ? `the ${task!.spec.type} deadline cannot be extended`
                : `the ${task!.spec.type} deadline may be extended by at most ${max} days`,
            );
          }
          if (!input.reason?.trim()) reject(TaskRejection.INVALID_PAYLOAD, 'a reason is required');
        },
      },
    );
  }

  /** Opens the step, waits durably for its completion, escalating on the way, and returns the completion. */
  async run(spec: HumanTaskSpec): Promise<TaskCompletion> {
    const taskKey = `${workflowInfo().workflowId}:${spec.step}`;
    let dueAt: number | null = null;
    let needsManualDueDate = false;
    if (spec.deadline) {
      const answer = await acts.computeDeadline(spec.deadline);
      // Fail closed: with no calendar for the year the task is flagged for a manually set date.
      if (answer.dueAt) dueAt = Date.parse(answer.dueAt);
      else needsManualDueDate = true;
    }
    const warnAt = dueAt === null ? null : dueAt - (spec.warningLeadHours ?? 24) * 3_600_000;
    const task: OpenTask = {
      spec,
      taskKey,
      dueAt,
      statutoryDueAt: dueAt,
      warnAt,
      escalation: 'NONE',
      deadlineVersion: 0,
      completing: false,
      completion: null,
    };
    this.open.set(taskKey, task);
    await acts.openTask({
      taskKey,
      caseId: spec.caseId,
      workflowId: workflowInfo().workflowId,
      type: spec.type,
      title: spec.title,
      candidateRoles: spec.candidateRoles,
      departmentId: spec.departmentId,
      assigneeId: spec.assigneeId ?? null,
      dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
      warnAt: warnAt === null ? null : new Date(warnAt).toISOString(),
      needsManualDueDate,
      payload: spec.payload ?? {},
    });

    while (!task.completion) {
      const version = task.deadlineVersion;
      const next = this.nextEscalation(task);
      const settled = () => task.completion !== null || task.deadlineVersion !== version;
      if (next === null) {
        await condition(settled);
        continue;
      }
      const timedOut = !(await condition(settled, Math.max(1, next.at - Date.now())));
      if (timedOut) {
        task.escalation = next.level;
        await acts.escalateTask({ taskKey, level: next.level });
      }
    }
    // The task stays in the map so a late second completion is answered 'already completed', not 'unknown'.
    return task.completion;
  }

  private nextEscalation(task: OpenTask): { at: number; level: 'YELLOW' | 'RED' } | null {
    if (task.dueAt === null) return null;
    if (task.escalation === 'NONE' && task.warnAt !== null && task.warnAt < task.dueAt)
      return { at: task.warnAt, level: 'YELLOW' };
    if (task.escalation !== 'RED') return { at: task.dueAt, level: 'RED' };
    return null;
  }

  private view(t: OpenTask): PendingTaskView {
    return {
      taskKey: t.taskKey,
      type: t.spec.type,
      candidateRoles: t.spec.candidateRoles,
      allowedOutcomes: t.spec.allowedOutcomes,
      dueAt: t.dueAt === null ? null : new Date(t.dueAt).toISOString(),
      warnAt: t.warnAt === null ? null : new Date(t.warnAt).toISOString(),
      escalation: t.escalation,
    };
  }
}
