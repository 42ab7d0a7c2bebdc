import { isCancellation, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { ErrorCode } from '@safety/domain/errors';
import type { Role } from '@safety/domain/identity/roles';
import type { CaseStatusChange, DeadlineRequest } from '@safety/temporal/activities';
import {
  changeTaskDeadlineUpdate,
  CompleteTaskInput,
  CompleteTaskResult,
  completeTaskUpdate,
  getPendingTasksQuery,
  mayActOnTaskQuery,
  OpenTaskRef,
  PendingTaskView,
  TaskActor,
} from '@safety/temporal/contracts/human-task.contract';
import type { OutcomeOf, StepDefinition, Submission } from '@safety/temporal/steps/step-definition';
import { contractProblem } from './contract';
import { DeadlineTimer } from './deadline-timer';
import type { Kernel } from './kernel';
import { PATCH } from './patches';
import {
  alreadyCompleted,
  asRejection,
  forbidden,
  invalid,
  outOfOrder,
  outOfRange,
  Problem,
  problem,
  reject,
} from './problems';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A moved due date is bounded even where the statute sets no maximum. */
const MAX_DEADLINE_AHEAD_DAYS = 366;

/** What a workflow asks of one human step. */
export interface StepRun<Step extends StepDefinition> {
  /** Unique within the workflow; part of the idempotent task key. */
  step: string;
  caseId: string;
  departmentId: string;
  assigneeId?: string | null;
  /** Shown in the inbox; the step's Chinese title when absent. */
  title?: string;
  /** A subset of the step's outcomes this task offers. */
  outcomes?: ReadonlyArray<OutcomeOf<Step>>;
  /** Deadline of the step; null when the law sets none. */
  deadline: DeadlineRequest | null;
  /**
   * A due instant the workflow counted itself (a period in hours on the wall clock, e.g. 条例 Art.11's
   * 2 hours per level), used when `deadline` is null.
   */
  dueAt?: number;
  /** Hours before the due instant at which the task turns yellow (default 24). */
  warningLeadHours?: number;
  /**
   * The most a head may move the computed due date later, in calendar days (0 = no extension). A
   * manually set date for a task without a computed one is bounded only by the general maximum.
   */
  maxExtensionDays?: number;
  /**
   * The statutory clock the deadline follows (e.g. the decision period), so a legal extension of
   * that clock moves the task (moveClock).
   */
  clock?: string;
  /** What the task shows about its context; a function when it is made from what `prepare` looked up. */
  context?: Record<string, unknown> | (() => Record<string, unknown>);
  /** The case status entered as the task opens (written with the task). */
  enterStatus?: CaseStatusChange;
  /** Read-only lookups the checks need, run alongside the opening; the task accepts completions once they are in. */
  prepare?: () => Promise<unknown>;
  /** Who may act on the task (checked before a claim and on completion), beyond holding one of the step's roles. */
  eligible?: (actor: TaskActor) => Problem | undefined;
  /** Rules that depend on the case's state, checked on completion after the payload satisfied the contract. */
  check?: (submission: Submission<Step> & { actor: TaskActor }) => Problem | undefined;
}

/** A completed step: the validated outcome and payload, who completed it and when. */
export type Completion<Step extends StepDefinition> = Submission<Step> & {
  actor: TaskActor;
  completedAt: string;
  taskKey: string;
};

interface OpenTask {
  definition: StepDefinition;
  run: StepRun<StepDefinition>;
  taskKey: string;
  taskId: string | null;
  title: string;
  outcomes: readonly string[];
  timer: DeadlineTimer;
  /** The due instant the statute gave (before any extension), for the extension bound. */
  statutoryDueAt: number | null;
  warningLeadMs: number;
  completing: boolean;
  completion: Completion<StepDefinition> | null;
}

/**
 * The human-step machinery every workflow shares: opening a task row through an idempotent
 * activity, a durable deadline timer per task (yellow warning, red and escalation when overdue),
 * completion through the `completeTask` Update — whose synchronous validator checks the step, the
 * actor, the outcome, the payload against the step's published contract and the workflow's own
 * state rules — and deadline moves through `changeTaskDeadline`. One per workflow, created by the
 * workflow's Kernel before the first await.
 */
export class TaskBoard {
  private readonly open = new Map<string, OpenTask>();

  constructor(private readonly kernel: Kernel) {
    setHandler(getPendingTasksQuery, () =>
      [...this.open.values()].filter((task) => !task.completion).map((task) => this.view(task)),
    );
    setHandler(mayActOnTaskQuery, ({ taskKey, actor }) => {
      const task = this.open.get(taskKey);
      const found = task ? this.actorProblem(task, actor) : outOfOrder(`task ${taskKey} is not an open step`);
      return found ? { allowed: false, code: found.code, message: found.message } : { allowed: true };
    });
    setHandler(completeTaskUpdate, (input) => this.complete(input), {
      // Synchronous: the SDK calls validators synchronously, so an async throw would not reject.
      validator: (input) => {
        const found = this.completionProblem(input);
        if (found) reject(found);
      },
    });
    setHandler(
      changeTaskDeadlineUpdate,
      async (input) => {
        const task = this.open.get(input.taskKey)!;
        const dueAt = Date.parse(input.dueAt);
        const warnAt = dueAt - task.warningLeadMs;
        await this.kernel.caseActivities.setTaskDeadline({
          taskKey: task.taskKey,
          dueAt: new Date(dueAt).toISOString(),
          warnAt: new Date(warnAt).toISOString(),
          actorId: input.actor.userId,
          reason: input.reason,
        });
        task.timer.move(dueAt, warnAt);
        return this.view(task);
      },
      {
        validator: (input) => {
          const found = this.deadlineChangeProblem(input);
          if (found) reject(found);
        },
      },
    );
  }

  /** The tasks open now (not completed), as the completion answer names them. */
  openTasks(): OpenTaskRef[] {
    return [...this.open.values()]
      .filter((task) => !task.completion && !task.completing)
      .map((task) => ({ taskKey: task.taskKey, taskId: task.taskId, type: task.definition.type, title: task.title }));
  }

  /**
   * A statutory clock was legally extended: every open task following it gets the new due date
   * (recorded, with the reason, like a head's move) and its timer re-arms.
   */
  async moveClock(clock: string, dueAt: number, actorId: string, reason: string): Promise<void> {
    for (const task of this.open.values()) {
      if (task.completion || task.completing || task.run.clock !== clock) continue;
      const warnAt = dueAt - task.warningLeadMs;
      await this.kernel.caseActivities.setTaskDeadline({
        taskKey: task.taskKey,
        dueAt: new Date(dueAt).toISOString(),
        warnAt: new Date(warnAt).toISOString(),
        actorId,
        reason,
      });
      task.statutoryDueAt = dueAt;
      task.timer.move(dueAt, warnAt);
    }
  }

  /** Opens the step, waits durably for its completion, escalating on the way, and returns the completion. */
  async run<Step extends StepDefinition>(definition: Step, run: StepRun<Step>): Promise<Completion<Step>> {
    const taskKey = `${workflowInfo().workflowId}:${run.step}`;
    const title = run.title ?? definition.title.zh;
    const outcomes = run.outcomes ?? Object.keys(definition.outcomes);
    const warningLeadMs = (run.warningLeadHours ?? 24) * HOUR_MS;
    const acts = this.kernel.caseActivities;
    const opening = {
      taskKey,
      caseId: run.caseId,
      workflowId: workflowInfo().workflowId,
      type: definition.type,
      title,
      candidateRoles: [...definition.roles],
      departmentId: run.departmentId,
      assigneeId: run.assigneeId ?? null,
      outcomes: run.outcomes ? [...run.outcomes] : null,
    };
    const context = () => (typeof run.context === 'function' ? run.context() : (run.context ?? {}));
    let dueAt: number | null = null;
    let taskId: string | null = null;
    const register = () => {
      const task: OpenTask = {
        definition,
        run: run as unknown as StepRun<StepDefinition>,
        taskKey,
        taskId,
        title,
        outcomes,
        timer: new DeadlineTimer(dueAt, dueAt === null ? null : dueAt - warningLeadMs),
        statutoryDueAt: dueAt,
        warningLeadMs,
        completing: false,
        completion: null,
      };
      this.open.set(taskKey, task);
      return task;
    };

    let task: OpenTask;
    if (patched(PATCH.ONE_ROUND_TRIP_TASK_OPEN)) {
      const open = () =>
        acts.openTask({
          ...opening,
          payload: context(),
          deadline: run.deadline,
          ...(run.deadline === null && run.dueAt !== undefined
            ? {
                dueAt: new Date(run.dueAt).toISOString(),
                warnAt: new Date(run.dueAt - warningLeadMs).toISOString(),
              }
            : {}),
          warningLeadHours: run.warningLeadHours ?? 24,
          enterStatus: run.enterStatus ?? null,
        });
      // Lookups run alongside the opening, unless the task's context is made from them.
      let opened: Awaited<ReturnType<typeof open>>;
      if (typeof run.context === 'function') {
        await run.prepare?.();
        opened = await open();
      } else {
        [opened] = await Promise.all([open(), run.prepare?.()]);
      }
      dueAt = opened.dueAt === null ? null : Date.parse(opened.dueAt);
      taskId = opened.taskId;
      task = register();
    } else {
      // The sequence of histories recorded before one-round-trip opening: status, lookups, deadline, task.
      if (run.enterStatus) await acts.recordCaseStatus(run.enterStatus);
      await run.prepare?.();
      let needsManualDueDate = false;
      if (run.deadline) {
        const answer = await acts.computeDeadline(run.deadline);
        // Fail closed: with no calendar for the year the task is flagged for a manually set date.
        if (answer.dueAt) dueAt = Date.parse(answer.dueAt);
        else needsManualDueDate = true;
      }
      task = register();
      const opened = await acts.openTask({
        ...opening,
        payload: context(),
        dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
        warnAt: task.timer.warnAt === null ? null : new Date(task.timer.warnAt).toISOString(),
        needsManualDueDate,
      });
      task.taskId = opened.taskId;
    }

    try {
      await task.timer.watch(
        () => task.completion !== null,
        (level) => acts.escalateTask({ taskKey, level }),
      );
    } catch (error) {
      // A step withdrawn on purpose (its scope cancelled: the case closed or failed) is no longer open.
      if (isCancellation(error)) this.open.delete(taskKey);
      throw error;
    }
    // The task stays in the map so a late second completion is answered 'already completed', not 'unknown'.
    return task.completion as unknown as Completion<Step>;
  }

  private async complete(input: CompleteTaskInput): Promise<CompleteTaskResult> {
    const task = this.open.get(input.taskKey)!;
    // Two Updates can both pass validation before either runs; the first to get here wins.
    if (task.completing || task.completion) reject(alreadyCompleted(`task ${input.taskKey} is already completed`));
    task.completing = true;
    const completedAt = new Date(Date.now()).toISOString();
    try {
      await this.kernel.caseActivities.completeTask({
        taskKey: task.taskKey,
        actorId: input.actor.userId,
        actorRole: input.actor.roles.find((role) => task.definition.roles.includes(role as Role)) ?? 'UNKNOWN',
        outcome: input.outcome,
        result: input.payload,
        requestId: input.requestId,
      });
    } catch (error) {
      task.completing = false;
      throw asRejection(error);
    }
    task.completion = {
      outcome: input.outcome,
      payload: input.payload,
      actor: input.actor,
      completedAt,
      taskKey: task.taskKey,
    } as Completion<StepDefinition>;
    return { taskKey: task.taskKey, outcome: input.outcome, completedAt };
  }

  private actorProblem(task: OpenTask, actor: TaskActor): Problem | undefined {
    if (!actor.roles.some((role) => task.definition.roles.includes(role as Role))) {
      return forbidden(`step ${task.definition.type} needs one of the roles ${task.definition.roles.join(', ')}`);
    }
    return task.run.eligible?.(actor);
  }

  private completionProblem(input: CompleteTaskInput): Problem | undefined {
    const task = this.open.get(input.taskKey);
    if (!task) return outOfOrder(`task ${input.taskKey} is not an open step of this case`);
    if (task.completion || task.completing) return alreadyCompleted(`task ${input.taskKey} is already completed`);
    const actorProblem = this.actorProblem(task, input.actor);
    if (actorProblem) return actorProblem;
    if (!task.outcomes.includes(input.outcome)) {
      return invalid(`outcome must be one of ${task.outcomes.join(', ')}`, {
        fields: [{ path: 'outcome', message: `must be one of ${task.outcomes.join(', ')}` }],
      });
    }
    const payloadProblem = contractProblem(task.definition.outcomes[input.outcome].payload, input.payload, ['payload']);
    if (payloadProblem) return payloadProblem;
    return task.run.check?.({ outcome: input.outcome, payload: input.payload, actor: input.actor } as never);
  }

  private deadlineChangeProblem(input: { taskKey: string; actor: TaskActor; dueAt: string; reason: string }) {
    const task = this.open.get(input.taskKey);
    if (!task || task.completion) return outOfOrder(`task ${input.taskKey} is not an open step of this case`);
    if (!input.actor.roles.includes('AGENCY_HEAD')) return forbidden('only an agency head may change a deadline');
    const dueAt = Date.parse(input.dueAt);
    if (!Number.isFinite(dueAt)) return invalid('dueAt must be an ISO instant');
    if (!input.reason?.trim()) return invalid('a reason is required');
    if (dueAt <= Date.now()) return outOfRange('the new due date must be in the future');
    const max = task.run.maxExtensionDays;
    if (max !== undefined && task.statutoryDueAt !== null && dueAt > task.statutoryDueAt + max * DAY_MS) {
      return outOfRange(
        max === 0
          ? `the ${task.definition.type} deadline cannot be extended`
          : `the ${task.definition.type} deadline may be extended by at most ${max} days`,
      );
    }
    const base = Math.max(task.statutoryDueAt ?? 0, Date.now());
    if (dueAt > base + MAX_DEADLINE_AHEAD_DAYS * DAY_MS) {
      return problem(ErrorCode.OUT_OF_RANGE, `a due date may be moved at most ${MAX_DEADLINE_AHEAD_DAYS} days ahead`);
    }
    return undefined;
  }

  private view(task: OpenTask): PendingTaskView {
    return {
      taskKey: task.taskKey,
      type: task.definition.type,
      candidateRoles: [...task.definition.roles],
      allowedOutcomes: [...task.outcomes],
      dueAt: task.timer.dueAt === null ? null : new Date(task.timer.dueAt).toISOString(),
      warnAt: task.timer.warnAt === null ? null : new Date(task.timer.warnAt).toISOString(),
      escalation: task.timer.escalation,
    };
  }
}
